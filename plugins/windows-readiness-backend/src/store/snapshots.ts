import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  normalizeImageReference,
  type ClusterState,
  type Cluster,
  type ImageRecord,
  type SourceError,
} from '@winready/plugin-windows-readiness-common';
import {
  INSERT_BATCH,
  TABLES,
  chunk,
  parseJson,
  requiredIsoTimestamp,
  toBoolean,
  toIsoTimestamp,
  whereValueIn,
} from './db';
import {
  requireArray,
  requireClusterName,
  requireDate,
  requireName,
  requireObject,
} from './validation';
import type {
  ClusterCollectionOutcome,
  StoredCluster,
} from './WindowsReadinessStore';

const IMAGE_REFERENCE_MAX = 512;

function checkCluster(cluster: Cluster): {
  name: string;
  errors: SourceError[];
} {
  requireObject(cluster, 'cluster');
  const name = requireClusterName(cluster.name, 'cluster name');
  if (cluster.nodePools !== undefined) {
    requireArray(cluster.nodePools, `cluster ${name} nodePools`);
  }
  if (cluster.objects !== undefined) {
    requireArray(cluster.objects, `cluster ${name} objects`);
  }
  const errors = (
    cluster.errors === undefined
      ? []
      : requireArray(cluster.errors, `cluster ${name} errors`)
  ) as SourceError[];
  errors.forEach((error, index) =>
    requireObject(error, `cluster ${name} errors[${index}]`),
  );
  return { name, errors };
}

// collectedAt and errors live in their own columns: one source of truth.
function snapshotJson(cluster: Cluster): string {
  const { collectedAt: _collectedAt, errors: _errors, ...rest } = cluster;
  return JSON.stringify({ ...rest, nodePools: rest.nodePools ?? [] });
}

export function saveClusterCollection(
  knex: Knex,
  cluster: Cluster,
  outcome: ClusterCollectionOutcome,
): Promise<void> {
  return saveClusterCollectionIn(knex, cluster, outcome);
}

/** Also inside a caller's transaction; `collectedBy` names the backend instance that read it. */
export async function saveClusterCollectionIn(
  knex: Knex,
  cluster: Cluster,
  outcome: ClusterCollectionOutcome,
  collectedBy?: string,
): Promise<void> {
  const { name, errors } = checkCluster(cluster);
  requireObject(outcome, 'outcome');
  const attemptedAt = requireDate(outcome.attemptedAt, 'outcome.attemptedAt');
  const row = {
    name,
    snapshot: snapshotJson(cluster),
    attempted_at: attemptedAt,
    errors: JSON.stringify(errors),
    ...(collectedBy ? { collected_by: collectedBy.slice(0, 255) } : {}),
  };
  if (outcome.ok) {
    await knex(TABLES.clusterSnapshots)
      .insert({ ...row, collected_at: attemptedAt, stale: false })
      .onConflict('name')
      .merge();
    return;
  }
  // One statement: the first failure stores the (empty) cluster as stale;
  // later ones leave snapshot and collected_at alone.
  await knex(TABLES.clusterSnapshots)
    .insert({ ...row, collected_at: null, stale: true })
    .onConflict('name')
    .merge([
      'attempted_at',
      'stale',
      'errors',
      ...(collectedBy ? ['collected_by'] : []),
    ]);
}

function checkImages(
  records: Record<string, ImageRecord>,
): Array<[string, ImageRecord]> {
  const entries = Object.entries(requireObject(records, 'image records'));
  for (const [reference, record] of entries) {
    requireName(reference, 'image reference', IMAGE_REFERENCE_MAX);
    const checked = requireObject(record, `image record ${reference}`);
    if (checked.error === undefined) {
      requireArray(checked.platforms, `image record ${reference} platforms`);
    } else if (typeof checked.error !== 'string') {
      throw new InputError(`image record ${reference} error must be a string`);
    }
  }
  return entries as Array<[string, ImageRecord]>;
}

export async function saveImages(
  knex: Knex,
  records: Record<string, ImageRecord>,
  at: Date,
): Promise<void> {
  const entries = checkImages(records);
  requireDate(at, 'at');
  const toRow = ([reference, record]: [string, ImageRecord]) => {
    const good = record.error === undefined;
    return {
      reference,
      record: JSON.stringify({ ...record, platforms: record.platforms ?? [] }),
      good,
      last_error: good ? null : record.error,
      updated_at: at,
      checked_at: at,
    };
  };
  const good = entries.filter(([, record]) => record.error === undefined);
  const failed = entries.filter(([, record]) => record.error !== undefined);

  await knex.transaction(async trx => {
    for (const batch of chunk(good, INSERT_BATCH)) {
      await trx(TABLES.images)
        .insert(batch.map(toRow))
        .onConflict('reference')
        .merge();
    }
    if (failed.length === 0) {
      return;
    }
    const keepGood = new Set<string>(
      await whereValueIn(
        trx,
        trx(TABLES.images).where('good', true),
        'reference',
        failed.map(([reference]) => reference),
      ).pluck('reference'),
    );
    for (const batch of chunk(failed, INSERT_BATCH)) {
      // Never seen, or never good: the failure is all we know.
      const replace = batch.filter(([reference]) => !keepGood.has(reference));
      if (replace.length > 0) {
        await trx(TABLES.images)
          .insert(replace.map(toRow))
          .onConflict('reference')
          .merge();
      }
      // A good record stays; only the latest error and check time change.
      const keep = batch.filter(([reference]) => keepGood.has(reference));
      if (keep.length > 0) {
        await trx(TABLES.images)
          .insert(keep.map(toRow))
          .onConflict('reference')
          .merge(['last_error', 'checked_at']);
      }
    }
  });
}

export async function removeImagesNotIn(
  knex: Knex,
  references: readonly string[],
): Promise<number> {
  requireArray(references, 'references').forEach((reference, index) => {
    if (typeof reference !== 'string') {
      throw new InputError(`references[${index}] must be a string`);
    }
  });
  return whereValueIn(
    knex,
    knex(TABLES.images),
    'reference',
    references,
    true,
  ).delete();
}

function toStoredCluster(row: any): StoredCluster {
  const snapshot = parseJson<Cluster>(row.snapshot, {
    name: row.name,
    nodePools: [],
  });
  const cluster: StoredCluster = {
    ...snapshot,
    name: row.name,
    errors: parseJson<SourceError[]>(row.errors, []),
    stale: toBoolean(row.stale),
    attemptedAt: requiredIsoTimestamp(row.attempted_at),
  };
  const collectedAt = toIsoTimestamp(row.collected_at);
  if (collectedAt) {
    cluster.collectedAt = collectedAt;
  } else {
    delete cluster.collectedAt;
  }
  return cluster;
}

/** How the latest collection of each cluster went, without reading the snapshots. */
export async function listClusterStates(
  knex: Knex,
  names?: readonly string[],
): Promise<ClusterState[]> {
  let query = knex(TABLES.clusterSnapshots)
    .select(
      'name',
      'collected_at',
      'attempted_at',
      'stale',
      'errors',
      'collected_by',
    )
    .orderBy('name');
  if (names) query = query.whereIn('name', [...names]);
  const rows = await query;
  return rows.map((row: any) => ({
    name: row.name,
    collectedAt: toIsoTimestamp(row.collected_at),
    attemptedAt: requiredIsoTimestamp(row.attempted_at),
    stale: toBoolean(row.stale),
    errors: parseJson<SourceError[]>(row.errors, []),
    ...(row.collected_by ? { collectedBy: row.collected_by } : {}),
  }));
}

/**
 * One cluster's snapshot and the records of the given images, matched as
 * the evaluator matches them (exactly or by canonical reference): all a
 * check before deploy reads. Only the reference column of the other images
 * is read.
 */
export async function loadClusterForCheck(
  knex: Knex,
  name: string,
  references: readonly string[],
): Promise<{ cluster?: StoredCluster; images: Record<string, ImageRecord> }> {
  requireClusterName(name, 'cluster name');
  requireArray(references, 'references').forEach((reference, index) =>
    requireName(reference, `references[${index}]`, IMAGE_REFERENCE_MAX),
  );
  const row = await knex(TABLES.clusterSnapshots).where({ name }).first();
  if (!row) return { images: {} };
  return {
    cluster: toStoredCluster(row),
    images: await imageRecordsFor(knex, references),
  };
}

/** One stored cluster with its snapshot, or undefined. */
export async function loadCluster(
  knex: Knex,
  name: string,
): Promise<StoredCluster | undefined> {
  requireClusterName(name, 'cluster name');
  const row = await knex(TABLES.clusterSnapshots).where({ name }).first();
  return row ? toStoredCluster(row) : undefined;
}

/**
 * The records of the given images, matched as the evaluator matches them
 * (exactly or by canonical reference). Only the reference column of the
 * other images is read.
 */
export async function imageRecordsFor(
  knex: Knex,
  references: readonly string[],
): Promise<Record<string, ImageRecord>> {
  const images: Record<string, ImageRecord> = {};
  const read = async (exact: readonly string[]) => {
    if (exact.length === 0) return;
    const rows = await whereValueIn(
      knex,
      knex(TABLES.images).select('reference', 'record'),
      'reference',
      exact,
    );
    for (const image of rows) {
      images[image.reference] = parseJson<ImageRecord>(image.record, {
        platforms: [],
      });
    }
  };
  // Mostly the references are stored as written; the rest by canonical form.
  await read([...new Set(references)]);
  const missing = references.filter(reference => !(reference in images));
  if (missing.length > 0) {
    const wanted = new Set(missing.map(normalizeImageReference));
    const stored: string[] = await knex(TABLES.images).pluck('reference');
    await read(
      stored.filter(
        reference =>
          !(reference in images) &&
          wanted.has(normalizeImageReference(reference)),
      ),
    );
  }
  return images;
}
