/**
 * Abuse: bad input to the routes and the actions is a 400 (an InputError)
 * that names the parameter, never a 500, on SQLite and on PostgreSQL (which
 * refuses a NUL byte in text on its own, with a 500 before the check).
 */
import { randomBytes } from 'node:crypto';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import knexFactory from 'knex';
import request from 'supertest';
import {
  API,
  asUser,
  get,
  post,
  useDemoBackend,
} from '../__testUtils__/harness';

jest.setTimeout(90_000);

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const prefix = `winready_abuse_${randomBytes(4).toString('hex')}_`;
const databases: Array<[string, boolean]> = [
  ['SQLite', false],
  ...(PG ? [['PostgreSQL', true] as [string, boolean]] : []),
];

afterAll(async () => {
  if (!PG) return;
  const admin = knexFactory({ client: 'pg', connection: PG });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
});

describe.each(databases)('bad input on %s', (_, postgres) => {
  const actions = actionsRegistryServiceMock();
  const ctx = useDemoBackend(fx => ({
    sources: fx.sourcesConfig(),
    config: postgres
      ? { backend: { database: { client: 'pg', connection: PG!, prefix } } }
      : {},
    features: [
      ...(postgres ? [databaseServiceFactory] : []),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
    ],
  }));

  it.each([
    ['/v1/history?dimension=service&key=%00', "'key'"],
    ['/v1/history?dimension=owner&key=group:default/a%00b', "'key'"],
    ['/v1/history?key=%01', "'key'"],
    ['/v1/report?owner=%00', "'owner'"],
    ['/v1/report?cluster=a%00', "'cluster'"],
    ['/v1/os-skus?cluster=%00', "'cluster'"],
    ['/v1/clusters?verbose=1', 'unknown query parameter(s): verbose'],
    ['/v1/facts?entity=x', 'unknown query parameter(s): entity'],
    ['/v1/status?since=2026-01-01', 'unknown query parameter(s): since'],
    [
      '/v1/entities/default/component/orders?x=1&y=2',
      'unknown query parameter(s): x, y',
    ],
    ['/v1/entities/default/component/a%00b', "'name'"],
    [`/v1/entities/default/component/${'a'.repeat(300)}`, "'name'"],
  ])('GET %s is a 400 naming %s', async (path, named) => {
    const res = await get(ctx.server, path);
    expect([res.status, res.body.error?.name]).toEqual([400, 'InputError']);
    expect(res.body.error.message).toContain(named);
  });

  it.each([
    ['/v1/what-if?dryRun=1', {}, 'unknown query parameter(s): dryRun'],
    [
      '/v1/what-if',
      { cluster: 'aks-weu-legacy', pool: 'np\u0000win', osSku: 'Windows2022' },
      "'pool'",
    ],
    ['/v1/refresh?force=true', {}, 'unknown query parameter(s): force'],
  ])('POST %s %j is a 400 naming %s', async (path, body, named) => {
    const res = await post(ctx.server, path, body);
    expect([res.status, res.body.error?.name]).toEqual([400, 'InputError']);
    expect(res.body.error.message).toContain(named);
  });

  it('answers a body that is too large with 413, not 500', async () => {
    const res = await request(ctx.server)
      .post(`${API}/v1/what-if`)
      .set('Authorization', asUser())
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ cluster: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
  });

  it.each([
    [''],
    ['component:'],
    ['component:default/'],
    [':/'],
    ['component:default/bad name'],
    ['component:default/a\u0000b'],
    ['x'.repeat(10_000)],
    ['kind:ns/name/extra'],
  ])(
    'get-entity-windows-readiness answers an InputError to %j',
    async entityRef => {
      await expect(
        actions.invoke({
          id: 'test:get-entity-windows-readiness',
          input: { entityRef },
          credentials: mockCredentials.user(),
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('entityRef'),
      });
    },
  );

  it('windows-readiness-what-if answers an InputError to a NUL in its input', async () => {
    await expect(
      actions.invoke({
        id: 'test:windows-readiness-what-if',
        input: { cluster: 'aks\u0000', pool: 'npwin', osSku: 'Windows2022' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('still answers good input (the checks do not refuse everything)', async () => {
    const { output } = await actions.invoke({
      id: 'test:get-entity-windows-readiness',
      input: { entityRef: 'orders-legacy' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({ status: 'blocked' });
    expect(
      (
        await get(
          ctx.server,
          '/v1/history?dimension=owner&key=group:default/team-orders',
        )
      ).status,
    ).toBe(200);
  });
});
