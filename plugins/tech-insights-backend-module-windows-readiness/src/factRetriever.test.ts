/**
 * The retriever's HTTP call on its own, against a local server standing in
 * for the readiness backend: the token it sends, and what a refusal does.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import type { FactsResponse } from '@winready/plugin-windows-readiness-common';
import { windowsReadinessFactRetriever } from './factRetriever';

const FACTS: FactsResponse = {
  asOf: '2026-11-27T12:00:00.000Z',
  items: [
    {
      entityRef: 'component:default/orders-legacy',
      status: 'blocked',
      failingChecks: ['image-os-build'],
      unknownChecks: [],
      runsOn: [
        {
          cluster: 'aks-weu-legacy',
          pool: 'npwin',
          osSku: 'Windows2019',
          retirementDate: '2026-03-01',
        },
      ],
      earliestRetirementDate: '2026-03-01',
      daysUntilRetirement: -271,
      earliestImageDeletionDate: null,
      daysUntilImageDeletion: null,
      survivesNextOsSku: false,
    },
  ],
};

describe('windowsReadinessFactRetriever', () => {
  let server: Server;
  let answer: { status: number; body: unknown };
  const seen: Array<{ url?: string; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise(done => server.close(done)));
  beforeEach(() => {
    seen.length = 0;
  });

  const context = (): FactRetrieverContext => {
    const { port } = server.address() as AddressInfo;
    return {
      config: new ConfigReader({}),
      discovery: {
        getBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
        getExternalBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
      },
      logger: mockServices.logger.mock(),
      auth: mockServices.auth({ pluginId: 'tech-insights' }),
      urlReader: mockServices.urlReader.mock(),
    };
  };

  it('asks the readiness backend with a token of its own for that plugin', async () => {
    answer = { status: 200, body: FACTS };
    const facts = await windowsReadinessFactRetriever.handler(context());
    expect(seen).toEqual([
      expect.objectContaining({ url: '/api/windows-readiness/v1/facts' }),
    ]);
    const token = seen[0].headers.authorization ?? '';
    expect(token).toMatch(/^Bearer /);
    // The mock auth service spells out whose token for whom.
    expect(decodeURIComponent(token)).toContain('plugin:tech-insights');
    expect(decodeURIComponent(token)).toContain('windows-readiness');
    expect(facts).toEqual([
      {
        entity: {
          kind: 'component',
          namespace: 'default',
          name: 'orders-legacy',
        },
        facts: {
          status: 'blocked',
          failingChecks: ['image-os-build'],
          unknownChecks: [],
          pools: ['aks-weu-legacy/npwin (Windows2019)'],
          earliestRetirementDate: '2026-03-01',
          daysUntilRetirement: -271,
          earliestImageDeletionDate: null,
          daysUntilImageDeletion: null,
          survivesNextOsSku: false,
        },
      },
    ]);
  });

  it('throws the refusal, so that Tech Insights keeps the facts it had', async () => {
    answer = {
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message: 'Missing permission windows-readiness.report.read',
        },
        response: { statusCode: 403 },
      },
    };
    await expect(
      windowsReadinessFactRetriever.handler(context()),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /\/api\/windows-readiness\/v1\/facts answered 403: Missing permission windows-readiness\.report\.read$/,
      ),
      cause: { name: 'ResponseError', statusCode: 403 },
    });
  });
});
