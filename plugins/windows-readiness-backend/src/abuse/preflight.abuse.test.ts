/**
 * POST /v1/preflight under hostile input: oversized bodies, too many
 * documents, wrong types, alias bombs. Each is a clear 400 or 413 and
 * nothing in the database changes.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  API,
  asUser,
  loadDemoFleet,
  post,
  useDemoBackend,
} from '../__testUtils__/harness';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let knex: Knex;
beforeAll(async () => {
  knex = await databases.init('SQLITE_3');
});
const ctx = useDemoBackend(fx => ({
  sources: fx.sourcesConfig(),
  features: [mockServices.database.factory({ knex })],
}));

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n';

/** Every row of every table of the plugin, to compare before and after. */
async function everything() {
  const tables: string[] = (
    await knex('sqlite_master')
      .where('type', 'table')
      .andWhere('name', 'like', 'winready_%')
      .pluck('name')
  ).sort();
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await knex(table).select();
  return rows;
}

describe('POST /v1/preflight under abuse', () => {
  let before: Awaited<ReturnType<typeof everything>>;
  beforeAll(async () => {
    before = await everything();
  });

  it('starts from the refresh’s data', () => {
    expect(before.winready_cluster_snapshots).toHaveLength(
      loadDemoFleet().clusters.length,
    );
    expect(before.winready_images.length).toBeGreaterThan(0);
  });

  it('answers 413 to a body above the limit, naming it', async () => {
    const res = await post(ctx.server, '/v1/preflight', {
      cluster: 'aks-weu-legacy',
      manifests: [{ content: `# ${'x'.repeat(1024 * 1024)}\n${CONFIG_MAP}` }],
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message:
        'the body is larger than 1048576 bytes: check fewer manifests at a time',
    });
  });

  it('answers 400 to 10,000 documents, before judging any', async () => {
    const res = await post(ctx.server, '/v1/preflight', {
      cluster: 'aks-weu-legacy',
      manifests: [{ content: Array(10_000).fill(CONFIG_MAP).join('---\n') }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'more than 1000 YAML documents: check fewer manifests at a time',
    );
  });

  it('answers 400 to 10,000 manifests', async () => {
    const res = await post(ctx.server, '/v1/preflight', {
      cluster: 'aks-weu-legacy',
      manifests: Array(10_000).fill({ content: '' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^body field 'manifests': /);
  });

  it.each([
    [{}, "body field 'cluster': "],
    [{ cluster: 42, manifests: [{ content: CONFIG_MAP }] }, "'cluster': "],
    [{ cluster: 'aks-weu-legacy', manifests: 'x' }, "'manifests': "],
    [{ cluster: 'aks-weu-legacy', manifests: [] }, 'at least one manifest'],
    [
      { cluster: 'aks-weu-legacy', manifests: [{ content: { a: 1 } }] },
      "'manifests[0].content': ",
    ],
    [
      { cluster: 'aks-weu-legacy', manifests: [{ path: 7, content: '' }] },
      "'manifests[0].path': ",
    ],
    [
      { cluster: 'aks-weu-legacy', manifests: [{ content: '', mode: 'x' }] },
      'unknown body field(s): mode',
    ],
    [
      { cluster: 'aks-weu-legacy', manifests: [{ content: '' }], admin: 1 },
      'unknown body field(s): admin',
    ],
    [
      { cluster: 'aks-weu-legacy', manifests: [{ content: '' }], at: 'soon' },
      "'at': expected YYYY-MM-DD or an ISO instant",
    ],
    [[CONFIG_MAP], "body field 'body': "],
  ])('answers 400 to wrong types (%j)', async (body, message) => {
    const res = await post(ctx.server, '/v1/preflight', body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it.each([
    ['text/plain', CONFIG_MAP, 'send the body as application/json'],
    ['application/json', '{"cluster": ', 'the body is not valid JSON'],
  ])(
    'answers 400 to a %s body that is not JSON',
    async (type, text, message) => {
      const res = await request(ctx.server)
        .post(`${API}/v1/preflight`)
        .set('Authorization', asUser())
        .set('Content-Type', type)
        .send(text);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    },
  );

  it('answers 400 to an alias bomb without expanding it', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'
        .split('')
        .map(
          (k, i) =>
            `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`,
        ),
      'apiVersion: v1',
      'kind: ConfigMap',
    ].join('\n');
    const res = await post(ctx.server, '/v1/preflight', {
      cluster: 'aks-weu-legacy',
      manifests: [{ path: 'bomb.yaml', content: bomb }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/bomb\.yaml document 1 .*alias/i);
  });

  // Runs last (Jest runs a file's tests in order): whatever was sent, the
  // store is as the refresh left it.
  it('stored nothing, answered or refused', async () => {
    const answered = await post(ctx.server, '/v1/preflight', {
      cluster: 'aks-weu-legacy',
      manifests: [{ content: CONFIG_MAP }],
    });
    expect(answered.status).toBe(200);
    expect(await everything()).toEqual(before);
  });
});
