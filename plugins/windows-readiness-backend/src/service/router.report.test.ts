/**
 * GET /v1/report on a test backend whose real sources read the demo fleet
 * from the AKS simulator: counts, filters, paging, CSV and bad parameters.
 */
import { parseCsv } from '@winready/plugin-windows-readiness-common';
import {
  get,
  loadDemoEntities,
  useDemoBackend,
} from '../__testUtils__/harness';

jest.setTimeout(60_000);

// A title that a spreadsheet would run as a formula, with quotes and a comma.
const FORMULA_TITLE = '=HYPERLINK("https://example.com", "orders")';
const entities = loadDemoEntities().map(entity =>
  entity.metadata.name === 'orders' && entity.kind === 'Component'
    ? { ...entity, metadata: { ...entity.metadata, title: FORMULA_TITLE } }
    : entity,
);
const ref = (name: string) => `component:default/${name}`;
const ids = (body: any) => body.items.map((row: any) => row.entityRef);

const ctx = useDemoBackend(fx => ({ sources: fx.sourcesConfig(), entities }));

describe('GET /v1/report', () => {
  it('counts the demo fleet by status', async () => {
    const res = await get(ctx.server, '/v1/report');
    expect(res.status).toBe(200);
    expect(res.body.summary.byStatus).toEqual({
      blocked: 5,
      'at-risk': 7,
      unknown: 2,
      ready: 3,
      'not-applicable': 3,
    });
    expect(res.body).toMatchObject({ total: 20, offset: 0 });
    expect(res.body.items).toHaveLength(20);
    expect(
      res.body.items.find((r: any) => r.entityRef === ref('orders-legacy')),
    ).toMatchObject({
      title: 'orders-legacy',
      owner: 'group:default/team-orders',
      system: 'system:default/orders',
      status: 'blocked',
      clusters: ['aks-weu-legacy'],
      failing: ['image-os-build', 'pod-status'],
      warning: ['os-sku-lifecycle', 'upgrade-path'],
      unknown: [],
      unknownReasons: {},
    });
  });

  it('lists what an unknown service could not tell, and what would settle it (docs/rules.md rule 8)', async () => {
    const res = await get(ctx.server, '/v1/report?status=unknown');
    const billing = res.body.items.find(
      (r: any) => r.entityRef === ref('billing-api'),
    );
    expect(billing).toMatchObject({
      status: 'unknown',
      failing: [],
      warning: [],
      unknown: ['image-os-build', 'build-selector'],
    });
    expect(billing.unknownReasons['image-os-build']).toMatch(
      /the registry has not described winreadydemo\.azurecr\.io\/billing\/api:7\.3\. To settle it: check the registry's credentials/,
    );
    expect(billing.summary).toMatch(/^image-os-build: Cannot tell/);
  });

  it.each([
    ['owner=group:default/team-orders', ['orders', 'orders-legacy']],
    ['owner=team-orders', ['orders', 'orders-legacy']],
    [
      'system=office',
      ['doc-indexer', 'fax-gateway', 'label-printer', 'print-spooler'],
    ],
    [
      'status=blocked',
      [
        'fax-gateway',
        'label-printer',
        'orders-legacy',
        'print-spooler',
        'reports-job',
      ],
    ],
    [
      'status=ready,not-applicable',
      [
        'api-gateway',
        'build-agent',
        'doc-indexer',
        'invoice-renderer',
        'search-indexer',
        'storefront',
      ],
    ],
    ['status=unknown', ['billing-api', 'kiosk']],
    ['cluster=aks-eus-linux', ['storefront']],
    ['check=taint-toleration', ['label-printer', 'reports-job']],
    // A check filter finds where the check fails, warns or cannot tell.
    [
      'check=linux-isolation,build-selector',
      ['billing-api', 'kiosk', 'ledger', 'notifications', 'web-portal'],
    ],
    ['check=image-os-build&status=unknown', ['billing-api']],
    ['owner=team-web&status=at-risk', ['catalog-web', 'web-portal']],
  ])('filters by %s', async (query, names) => {
    const res = await get(ctx.server, `/v1/report?${query}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(names.map(ref));
    expect(res.body.total).toBe(names.length);
    expect(res.body.summary.total).toBe(names.length);
  });

  it('pages with limit and offset, the total unchanged', async () => {
    const all = ids((await get(ctx.server, '/v1/report')).body);
    const page = await get(ctx.server, '/v1/report?limit=5&offset=10');
    expect(page.body).toMatchObject({ total: 20, offset: 10 });
    expect(ids(page.body)).toEqual(all.slice(10, 15));
    expect(ids((await get(ctx.server, '/v1/report?limit=5')).body)).toEqual(
      all.slice(0, 5),
    );
    expect(ids((await get(ctx.server, '/v1/report?offset=19')).body)).toEqual([
      all[19],
    ]);
    expect((await get(ctx.server, '/v1/report?offset=20')).body.items).toEqual(
      [],
    );
  });

  it('serves CSV: a header, one quoted-where-needed row per service, as an attachment', async () => {
    const json = (await get(ctx.server, '/v1/report')).body;
    const res = await get(ctx.server, '/v1/report?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="windows-readiness-${json.asOf.slice(0, 10)}.csv"`,
    );
    expect(res.text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([
      'entity', 'title', 'owner', 'system', 'status', 'clusters',
      'failing', 'warning', 'unknown', 'summary', 'unknownReasons',
      'evaluatedAt',
    ]); // prettier-ignore
    expect(rows).toHaveLength(21);
    expect(rows.slice(1).map(r => r[0])).toEqual(ids(json));
    const legacy = rows.find(r => r[0] === ref('orders-legacy'))!;
    expect(legacy.slice(2, 9)).toEqual([
      'group:default/team-orders',
      'system:default/orders',
      'blocked',
      'aks-weu-legacy',
      'image-os-build pod-status',
      'os-sku-lifecycle upgrade-path',
      '',
    ]);
    // Rule 8: the unknown checks and their reasons have their columns.
    const billing = rows.find(r => r[0] === ref('billing-api'))!;
    expect(billing[8]).toBe('image-os-build build-selector');
    expect(billing[10]).toMatch(
      /^image-os-build: Cannot tell .* check the registry's credentials .* \| build-selector: /,
    );
    // The summary quotes the container error: quoted cell, quotes doubled.
    expect(res.text).toContain(
      '""The container operating system does not match the host operating system""',
    );
    expect(legacy[9]).toContain('"The container operating system');
    // A formula-like title is neutralised, then quoted for its comma and quotes.
    expect(res.text).toContain(
      `,"'=HYPERLINK(""https://example.com"", ""orders"")",`,
    );
    expect(rows.find(r => r[0] === ref('orders'))![1]).toBe(
      `'${FORMULA_TITLE}`,
    );
  });

  it('applies filters and paging to CSV too', async () => {
    const res = await get(ctx.server, '/v1/report?format=csv&status=blocked');
    expect(parseCsv(res.text)).toHaveLength(6);
    const page = await get(
      ctx.server,
      '/v1/report?format=csv&limit=2&offset=1',
    );
    expect(parseCsv(page.text)).toHaveLength(3);
  });

  it.each([
    ['status=bogus', "'status'"],
    ['limit=0', "'limit'"],
    ['limit=ten', "'limit'"],
    ['offset=-1', "'offset'"],
    ['format=xml', "'format'"],
    ['check=no-such-check', "'check'"],
    ['status=blocked&status=ready', "'status'"],
    ['colour=red', 'unknown query parameter(s): colour'],
  ])('answers 400 for %s, naming the parameter', async (query, named) => {
    const res = await get(ctx.server, `/v1/report?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(named);
  });
});

describe('GET /v1/report: ETag', () => {
  it('answers 304 to a client whose copy is current, and a new tag when the query or the caller changes', async () => {
    const first = await get(ctx.server, '/v1/report');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const again = await get(ctx.server, '/v1/report').set(
      'If-None-Match',
      etag,
    );
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const filtered = await get(ctx.server, '/v1/report?status=blocked');
    expect(filtered.headers.etag).not.toBe(etag);
    const paged = await get(ctx.server, '/v1/report?limit=2');
    expect(paged.headers.etag).not.toBe(etag);
    expect(paged.body.summary).toEqual(first.body.summary);
  });
});
