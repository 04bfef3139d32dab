import { InputError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import type { Knex } from 'knex';
import { TABLES, parseJson, requiredIsoTimestamp } from './db';
import { requireDate, requireName } from './validation';
import type { MetaEntry } from './WindowsReadinessStore';

export async function setMetaIn(
  knex: Knex,
  key: string,
  value: JsonValue,
  at: Date,
): Promise<void> {
  await knex(TABLES.meta)
    .insert({ key, value: JSON.stringify(value), updated_at: at })
    .onConflict('key')
    .merge();
}

export async function setMeta(
  knex: Knex,
  key: string,
  value: JsonValue,
  at: Date,
): Promise<void> {
  requireName(key, 'meta key');
  requireDate(at, 'at');
  if (value === undefined) {
    throw new InputError('meta value must be JSON');
  }
  await setMetaIn(knex, key, value, at);
}

export async function getMeta(
  knex: Knex,
  key: string,
): Promise<MetaEntry | undefined> {
  requireName(key, 'meta key');
  const row = await knex(TABLES.meta).where('key', key).first();
  if (!row) {
    return undefined;
  }
  return {
    value: parseJson<JsonValue>(row.value, null),
    updatedAt: requiredIsoTimestamp(row.updated_at),
  };
}

/** Every entry whose key starts with `prefix`, by key. */
export async function listMeta(
  knex: Knex,
  prefix: string,
): Promise<Array<MetaEntry & { key: string }>> {
  requireName(prefix, 'meta key prefix');
  // Exact prefix: LIKE would read `_` and `%` in it as wildcards.
  const rows = await knex(TABLES.meta)
    .whereRaw('substr(??, 1, ?) = ?', ['key', prefix.length, prefix])
    .orderBy('key');
  return rows.map(row => ({
    key: row.key,
    value: parseJson<JsonValue>(row.value, null),
    updatedAt: requiredIsoTimestamp(row.updated_at),
  }));
}

export async function deleteMeta(knex: Knex, key: string): Promise<void> {
  requireName(key, 'meta key');
  await knex(TABLES.meta).where('key', key).delete();
}
