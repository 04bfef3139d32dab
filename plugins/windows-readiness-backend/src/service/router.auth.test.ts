/**
 * Authentication and definitive permission decisions on every route
 * (conditional catalog read: router.conditional.test.ts).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { API, asUser, get, post } from '../__testUtils__/harness';
import {
  deny,
  denying,
  usePermissionsBackend,
} from '../__testUtils__/permissions';

jest.setTimeout(60_000);

const ctx = usePermissionsBackend();
const WHAT_IF = {
  cluster: 'aks-weu-legacy',
  pool: 'npwin',
  osSku: 'Windows2022',
};
const ROUTES: Array<[string, string]> = [
  ['GET', '/v1/entities/default/component/orders-legacy'],
  ['GET', '/v1/report'],
  ['GET', '/v1/report?format=csv'],
  ['GET', '/v1/history'],
  ['GET', '/v1/clusters'],
  ['GET', '/v1/facts'],
  ['GET', '/v1/os-skus'],
  ['POST', '/v1/what-if'],
  ['POST', '/v1/refresh'],
  ['GET', '/v1/status'],
  ['POST', '/v1/preflight'],
];
const call = (method: string, path: string, auth?: string) => {
  const req =
    method === 'GET'
      ? request(ctx.server).get(`${API}${path}`)
      : request(ctx.server).post(`${API}${path}`).send(WHAT_IF);
  return auth ? req.set('Authorization', auth) : req;
};
const entity = (name: string) =>
  get(ctx.server, `/v1/entities/default/component/${name}`);

describe('authentication', () => {
  it.each(ROUTES)('%s %s answers 401 without credentials', async (m, path) => {
    for (const auth of [
      undefined,
      mockCredentials.none.header(),
      'Bearer not-a-valid-token',
    ]) {
      const res = await call(m, path, auth);
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('AuthenticationError');
    }
  });

  it('lets users and services in', async () => {
    expect((await get(ctx.server, '/v1/report')).status).toBe(200);
    const service = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('plugin:tech-insights'),
      targetPluginId: 'windows-readiness',
    });
    expect((await get(ctx.server, '/v1/report', service)).body.total).toBe(20);
  });
});

describe('permissions', () => {
  it.each(ROUTES)(
    '%s %s answers 403 when everything is denied',
    async (m, path) => {
      ctx.policy = deny;
      const res = await call(m, path, asUser());
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    },
  );

  it('asks for windows-readiness.refresh to refresh, windows-readiness.report.read for the rest', async () => {
    ctx.policy = denying('windows-readiness.refresh');
    expect((await post(ctx.server, '/v1/refresh')).status).toBe(403);
    expect((await get(ctx.server, '/v1/report')).status).toBe(200);

    ctx.policy = denying('windows-readiness.report.read');
    for (const path of [
      '/v1/report',
      '/v1/history',
      '/v1/clusters',
      '/v1/os-skus',
      '/v1/status',
    ]) {
      expect((await get(ctx.server, path)).status).toBe(403);
    }
    expect((await post(ctx.server, '/v1/what-if', WHAT_IF)).status).toBe(403);
    // The entity route follows catalog read access, not the report permission.
    expect((await entity('orders-legacy')).status).toBe(200);
  });

  it('asks for windows-readiness.preflight to check manifests, and for nothing else', async () => {
    const body = {
      cluster: 'aks-weu-legacy',
      manifests: [{ content: 'apiVersion: v1\nkind: ConfigMap\n' }],
    };
    ctx.policy = denying('windows-readiness.preflight');
    const denied = await post(ctx.server, '/v1/preflight', body);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'Missing permission windows-readiness.preflight',
    );
    expect((await get(ctx.server, '/v1/report')).status).toBe(200);

    // A CI job's service token with only this permission gets its answer.
    ctx.policy = (permission: string) =>
      permission === 'windows-readiness.preflight'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
    const service = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci'),
      targetPluginId: 'windows-readiness',
    });
    const allowed = await post(ctx.server, '/v1/preflight', body, service);
    expect(allowed.status).toBe(200);
    expect(allowed.body.cluster.name).toBe('aks-weu-legacy');
    expect((await get(ctx.server, '/v1/report', service)).status).toBe(403);
  });

  it('answers 403 for an entity whose catalog read is denied, without saying whether it exists', async () => {
    ctx.policy = denying(
      'catalog.entity.read',
      'component:default/orders-legacy',
    );
    expect((await entity('orders-legacy')).status).toBe(403);
    expect((await entity('orders')).status).toBe(200);
    expect((await entity('no-such-service')).status).toBe(404);
    ctx.policy = denying('catalog.entity.read');
    expect((await entity('no-such-service')).status).toBe(403);
  });

  it('shows nothing of any service when catalog read is denied outright', async () => {
    ctx.policy = denying('catalog.entity.read');
    const report = await get(ctx.server, '/v1/report');
    expect(report.body).toMatchObject({ total: 0, items: [] });
    expect(report.body.summary.total).toBe(0);
    const whatIf = await post(ctx.server, '/v1/what-if', WHAT_IF);
    expect(whatIf.body.impacted).toEqual([]);
    const history = await get(ctx.server, '/v1/history?dimension=service');
    expect(history.body.items).toEqual([]);
  });
});
