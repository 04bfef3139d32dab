import { readFileSync } from 'fs';
import { resolve } from 'path';
import { InputError } from '@backstage/errors';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  ImageCatalog,
  createCheckContext,
  emptyStatusCounts,
  evaluateCluster,
  evaluateFleet,
  parseFleet,
  type Cluster,
  type Fleet,
  type ImageRecord,
  type SourceError,
  type StatusCounts,
  type Workload,
} from '@winready/plugin-windows-readiness-common';
import { DatabaseWindowsReadinessStore } from './DatabaseWindowsReadinessStore';
import { TABLES, isPostgres } from './db';
import type { StoredCluster } from './WindowsReadinessStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const demoFleet = parseFleet(
  readFileSync(
    resolve(__dirname, '../../../../examples/fleets/demo.yaml'),
    'utf8',
  ),
  'demo.yaml',
);
const AS_OF = new Date('2026-11-27T00:00:00.000Z');
const T1 = new Date('2026-11-27T08:00:00.000Z');
const T2 = new Date('2026-11-27T09:30:00.000Z');
const demoEvaluation = evaluateFleet(demoFleet, { asOf: AS_OF });
const clusterByName = (name: string) =>
  demoFleet.clusters.find(c => c.name === name)!;
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const unreachable: SourceError = {
  source: 'kubernetes',
  errorType: 'FETCH_ERROR',
  statusCode: 503,
  resourcePath: '/api/v1/pods',
  message: 'connect ECONNREFUSED 127.0.0.1:6443',
};

const byKubernetesId = (workload: Workload) =>
  workload.serviceId ? [workload.serviceId] : [];

/** Each cluster of `fleet` judged on its own and committed, as the refresh does. */
async function saveEvaluation(
  store: DatabaseWindowsReadinessStore,
  fleet: Fleet,
  evaluatedAt: Date,
  serviceIdsOf: (workload: Workload) => string[] = byKubernetesId,
) {
  const context = createCheckContext({ asOf: AS_OF });
  const catalog = new ImageCatalog(fleet.images ?? {});
  for (const cluster of fleet.clusters) {
    const evaluation = evaluateCluster(cluster, catalog, context, serviceIdsOf);
    await store.saveClusterEvaluation(
      {
        cluster: evaluation.cluster,
        facts: { ...cluster, objects: [] },
        workloads: evaluation.workloads.map(w => ({
          key: `${w.result.kind}/${w.result.namespace}/${w.result.name}`,
          serviceIds: w.serviceIds,
          result: w.result,
          ...(w.skuFit ? { skuFit: w.skuFit } : {}),
          workload: w.workload,
        })),
        asOf: AS_OF.toISOString(),
      },
      evaluatedAt,
    );
  }
}

function counts(partial: Partial<StatusCounts>): StatusCounts {
  return { ...emptyStatusCounts(), ...partial };
}

describe.each(databases.eachSupportedId())(
  'DatabaseWindowsReadinessStore on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseWindowsReadinessStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await DatabaseWindowsReadinessStore.create({
        database: { getClient: async () => knex },
      });
    });

    /** Every stored cluster with its snapshot, and every image record. */
    async function storedFleet() {
      const states = await store.listClusterStates();
      const clusters: StoredCluster[] = [];
      for (const state of states) {
        clusters.push((await store.loadCluster(state.name))!);
      }
      const rows = await knex(TABLES.images).select('reference', 'record');
      const images: Record<string, ImageRecord> = Object.fromEntries(
        rows.map(row => [row.reference, JSON.parse(row.record)]),
      );
      return { clusters, images };
    }

    async function saveDemo() {
      for (const cluster of demoFleet.clusters) {
        await store.saveClusterCollection(cluster, {
          ok: true,
          attemptedAt: T1,
        });
      }
      await store.saveImages(demoFleet.images!, T1);
    }

    describe('migrations', () => {
      it('are skipped when the database service says so', async () => {
        const fresh = await databases.init(databaseId);
        await DatabaseWindowsReadinessStore.create({
          database: {
            getClient: async () => fresh,
            migrations: { skip: true },
          },
        });
        expect(await fresh.schema.hasTable(TABLES.clusterSnapshots)).toBe(
          false,
        );
        await DatabaseWindowsReadinessStore.create({
          database: { getClient: async () => fresh },
          skipMigrations: true,
        });
        expect(await fresh.schema.hasTable(TABLES.clusterSnapshots)).toBe(
          false,
        );
      });

      it('go down and up again', async () => {
        const directory = resolve(__dirname, '../../migrations');
        await knex.migrate.rollback({ directory }, true);
        for (const table of Object.values(TABLES)) {
          expect(await knex.schema.hasTable(table)).toBe(false);
        }
        await knex.migrate.latest({ directory });
        for (const table of Object.values(TABLES)) {
          expect(await knex.schema.hasTable(table)).toBe(true);
        }
      });
    });

    describe('snapshots', () => {
      it('round-trips the demo fleet, objects and images included', async () => {
        await saveDemo();
        const fleet = await storedFleet();

        expect(fleet.clusters.map(c => c.name)).toEqual(
          demoFleet.clusters.map(c => c.name).sort(),
        );
        for (const cluster of fleet.clusters) {
          expect(cluster).toEqual({
            ...json(clusterByName(cluster.name)),
            collectedAt: T1.toISOString(),
            attemptedAt: T1.toISOString(),
            errors: [],
            stale: false,
          });
        }
        expect(fleet.images).toEqual(json(demoFleet.images));
        // The evaluator judges the stored fleet as it judges the file (clusters come back by name).
        const byName = {
          ...demoFleet,
          clusters: [...demoFleet.clusters].sort((a, b) =>
            a.name.localeCompare(b.name),
          ),
        };
        expect(
          json(
            evaluateFleet({ ...demoFleet, ...fleet }, { asOf: AS_OF }).services,
          ),
        ).toEqual(json(evaluateFleet(byName, { asOf: AS_OF }).services));
      });

      it('keeps the last good snapshot of a cluster that cannot be read, marked stale', async () => {
        await saveDemo();
        const legacy = clusterByName('aks-weu-legacy');
        await store.saveClusterCollection(
          {
            name: legacy.name,
            nodePools: [],
            objects: [],
            errors: [unreachable],
          },
          { ok: false, attemptedAt: T2 },
        );

        const stored = (await storedFleet()).clusters.find(
          c => c.name === legacy.name,
        )!;
        expect(stored.stale).toBe(true);
        expect(stored.errors).toEqual([unreachable]);
        expect(stored.collectedAt).toBe(T1.toISOString());
        expect(stored.attemptedAt).toBe(T2.toISOString());
        expect(stored.nodePools).toEqual(json(legacy.nodePools));
        expect(stored.objects).toEqual(json(legacy.objects));

        // The next good collection replaces it and clears the flag.
        const fewer = { ...legacy, objects: legacy.objects!.slice(0, 1) };
        const T3 = new Date('2026-11-27T10:00:00.000Z');
        await store.saveClusterCollection(fewer, { ok: true, attemptedAt: T3 });
        const fresh = (await storedFleet()).clusters.find(
          c => c.name === legacy.name,
        )!;
        expect(fresh).toMatchObject({
          stale: false,
          errors: [],
          collectedAt: T3.toISOString(),
          attemptedAt: T3.toISOString(),
        });
        expect(fresh.objects).toHaveLength(1);
      });

      it('stores a never-read cluster as stale and empty', async () => {
        await store.saveClusterCollection(
          { name: 'aks-new', nodePools: [], errors: [unreachable] },
          { ok: false, attemptedAt: T1 },
        );
        const [cluster] = (await storedFleet()).clusters;
        expect(cluster).toEqual({
          name: 'aks-new',
          nodePools: [],
          errors: [unreachable],
          stale: true,
          attemptedAt: T1.toISOString(),
        });
        expect(cluster.collectedAt).toBeUndefined();
      });

      it('keeps partial errors of a good collection without marking it stale', async () => {
        const modern = clusterByName('aks-neu-modern');
        const registryError: SourceError = {
          source: 'registry',
          errorType: 'UNAUTHORIZED',
          statusCode: 401,
          message: 'registry said 401',
        };
        await store.saveClusterCollection(
          { ...modern, collectedAt: 'ignored', errors: [registryError] },
          { ok: true, attemptedAt: T1 },
        );
        const [cluster] = (await storedFleet()).clusters;
        expect(cluster.stale).toBe(false);
        expect(cluster.errors).toEqual([registryError]);
        expect(cluster.collectedAt).toBe(T1.toISOString());
      });

      it('removes only the clusters it is told have vanished, and their results', async () => {
        await saveDemo();
        await saveEvaluation(store, demoFleet, T1);
        await store.removeClusters(['aks-weu-legacy', 'aks-eus-linux']);
        expect((await storedFleet()).clusters.map(c => c.name)).toEqual([
          'aks-neu-modern',
          'aks-weu-batch',
        ]);
        expect((await store.listClusterResults()).map(c => c.name)).toEqual([
          'aks-neu-modern',
          'aks-weu-batch',
        ]);
        // orders-legacy ran only in aks-weu-legacy: gone with it.
        expect(await store.getServiceResult('orders-legacy')).toBeUndefined();
        expect(await store.removeClusters(['aks-weu-legacy'])).toEqual([]);
      });

      it('rejects a cluster without a name before touching the database', async () => {
        const queries: unknown[] = [];
        const onQuery = (query: unknown) => queries.push(query);
        knex.on('query', onQuery);
        await expect(
          store.saveClusterCollection({ nodePools: [] } as unknown as Cluster, {
            ok: true,
            attemptedAt: T1,
          }),
        ).rejects.toThrow(InputError);
        await expect(
          store.saveClusterCollection(
            { name: 'a,b', nodePools: [] },
            { ok: true, attemptedAt: T1 },
          ),
        ).rejects.toThrow(InputError);
        await expect(
          store.saveClusterCollection(
            { name: 'aks', nodePools: [] },
            { ok: true, attemptedAt: new Date('nope') },
          ),
        ).rejects.toThrow(InputError);
        knex.off('query', onQuery);
        expect(queries).toEqual([]);
        expect((await storedFleet()).clusters).toEqual([]);
      });
    });

    describe('loadClusterForCheck', () => {
      it('reads one cluster and the records of the images asked for, by exact or canonical reference', async () => {
        await saveDemo();
        await store.saveImages(
          {
            'nginx:1.25': {
              platforms: [{ os: 'linux', architecture: 'amd64' }],
            },
          },
          T1,
        );
        const { cluster, images } = await store.loadClusterForCheck(
          'aks-weu-legacy',
          [
            'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
            'docker.io/library/nginx:1.25',
            'winreadydemo.azurecr.io/orders/api:9.9.9',
          ],
        );
        expect(cluster).toMatchObject({
          name: 'aks-weu-legacy',
          collectedAt: T1.toISOString(),
          stale: false,
        });
        expect(cluster!.nodePools.map(p => p.name)).toEqual([
          'system',
          'npwin',
        ]);
        expect(Object.keys(images).sort()).toEqual([
          'nginx:1.25',
          'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
        ]);
        expect(images['winreadydemo.azurecr.io/orders/api:1.4.2-1803']).toEqual(
          demoFleet.images!['winreadydemo.azurecr.io/orders/api:1.4.2-1803'],
        );
      });

      it('answers no cluster for one never stored, and refuses bad input before the database', async () => {
        await saveDemo();
        expect(await store.loadClusterForCheck('nope', ['x:1'])).toEqual({
          images: {},
        });
        await expect(store.loadClusterForCheck('', [])).rejects.toBeInstanceOf(
          InputError,
        );
        await expect(
          store.loadClusterForCheck('aks-weu-legacy', [42 as any]),
        ).rejects.toBeInstanceOf(InputError);
      });
    });

    describe('images', () => {
      const ref = 'winreadydemo.azurecr.io/payments/api:5.1.0';

      it('does not let a failed lookup overwrite a good record', async () => {
        await saveDemo();
        await store.saveImages(
          {
            [ref]: { platforms: [], error: 'registry timed out' },
            'example.azurecr.io/new:1': { platforms: [], error: 'not found' },
          },
          T2,
        );
        const { images } = await storedFleet();
        expect(images[ref]).toEqual(json(demoFleet.images![ref]));
        expect(images['example.azurecr.io/new:1']).toEqual({
          platforms: [],
          error: 'not found',
        });
        const row = await knex(TABLES.images).where('reference', ref).first();
        expect(row.last_error).toBe('registry timed out');

        // A later good answer replaces an error record and clears the error.
        await store.saveImages(
          {
            'example.azurecr.io/new:1': {
              platforms: [{ os: 'linux', architecture: 'amd64' }],
            },
          },
          T2,
        );
        expect(
          (await storedFleet()).images['example.azurecr.io/new:1'],
        ).toEqual({ platforms: [{ os: 'linux', architecture: 'amd64' }] });
        const fixed = await knex(TABLES.images)
          .where('reference', 'example.azurecr.io/new:1')
          .first();
        expect(fixed.last_error).toBeNull();
      });

      it('forgets the images no stored workload uses', async () => {
        await saveDemo();
        expect(await store.removeImagesNotIn([ref, 'never/seen:1'])).toBe(
          Object.keys(demoFleet.images!).length - 1,
        );
        expect(Object.keys((await storedFleet()).images)).toEqual([ref]);
        expect(await store.removeImagesNotIn([ref])).toBe(0);
      });

      it('rejects records that are not image records', async () => {
        await expect(
          store.saveImages({ [ref]: { error: 42 } as any }, T1),
        ).rejects.toThrow(InputError);
        await expect(
          store.saveImages({ [ref]: {} as any }, T1),
        ).rejects.toThrow(InputError);
        expect((await storedFleet()).images).toEqual({});
      });
    });

    describe('results', () => {
      it('stores each cluster on its own, and merges services as the whole fleet would', async () => {
        await saveEvaluation(store, demoFleet, T1);
        const payments = demoEvaluation.services.find(
          s => s.id === 'payments',
        )!;
        expect(await store.getServiceResult('payments')).toEqual({
          id: 'payments',
          status: payments.status,
          clusters: payments.clusters,
          evaluatedAt: T1.toISOString(),
          result: json(payments),
        });
        expect(await store.getServiceResult('nope')).toBeUndefined();
        // Every service merged from its clusters equals evaluateFleet's.
        const { items } = await store.listServiceResults();
        expect(items.map(i => [i.id, i.status])).toEqual(
          [...demoEvaluation.services]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map(s => [s.id, s.status]),
        );
        for (const item of items) {
          const expected = demoEvaluation.services.find(s => s.id === item.id)!;
          expect(item.result.checks.map(c => [c.id, c.result])).toEqual(
            expected.checks.map(c => [c.id, c.result]),
          );
        }
        const clusters = await store.listClusterResults();
        expect(clusters.map(c => c.name)).toEqual(
          demoEvaluation.clusters.map(c => c.name).sort(),
        );
        expect(clusters.map(c => c.result)).toEqual(
          expect.arrayContaining(json(demoEvaluation.clusters)),
        );
        expect(await store.getLastEvaluatedAt()).toBe(T1.toISOString());
        expect(await store.getLastAsOf()).toBe(AS_OF.toISOString());
      });

      it("replaces a cluster's previous results, and says how its services changed", async () => {
        await saveEvaluation(store, demoFleet, T1);
        const version = await store.resultsVersion();
        const legacy = clusterByName('aks-weu-legacy');
        const emptied = {
          ...demoFleet,
          clusters: [{ ...legacy, objects: [] }],
        };
        const before = await store.listServiceResults({ cluster: legacy.name });
        await saveEvaluation(store, emptied, T2);
        expect(await store.resultsVersion()).toBeGreaterThan(version);
        const after = await store.listServiceResults({ cluster: legacy.name });
        expect(after.total).toBe(0);
        // Services that ran only there are gone; the others keep their other clusters.
        const ids = (await store.listServiceResults()).items.map(i => i.id);
        for (const service of before.items) {
          const elsewhere = service.clusters.some(c => c !== legacy.name);
          expect(ids.includes(service.id)).toBe(elsewhere);
        }
        expect(await store.getLastEvaluatedAt()).toBe(T2.toISOString());
      });

      it('stores services under the ids the backend maps them to', async () => {
        const mapping: Record<string, string[]> = {
          orders: ['component:default/orders', 'component:shop/orders'],
          storefront: [],
        };
        await saveEvaluation(store, demoFleet, T1, ({ serviceId }) => {
          if (!serviceId) return [];
          return mapping[serviceId] ?? [`component:default/${serviceId}`];
        });
        expect(
          (await store.getServiceResult('component:shop/orders'))?.result.id,
        ).toBe('component:shop/orders');
        expect(await store.getServiceResult('payments')).toBeUndefined();
        expect(
          await store.getServiceResult('component:default/storefront'),
        ).toBeUndefined();
        expect(
          (await store.getServiceResult('component:default/payments'))?.status,
        ).toBe(demoEvaluation.services.find(s => s.id === 'payments')!.status);
        expect((await store.listServiceResults()).total).toBe(
          demoEvaluation.services.length,
        );
      });

      it('is all or nothing when the database fails half-way', async () => {
        await saveEvaluation(store, demoFleet, T1);
        // The cluster result (written after the workloads) fails in the database.
        if (isPostgres(knex)) {
          await knex.raw(`CREATE FUNCTION winready_test_fail() RETURNS trigger AS $$
            BEGIN IF NEW.name = 'aks-weu-legacy' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END;
            $$ LANGUAGE plpgsql`);
          await knex.raw(`CREATE TRIGGER winready_test_fail BEFORE INSERT ON ${TABLES.clusterResults}
            FOR EACH ROW EXECUTE FUNCTION winready_test_fail()`);
        } else {
          await knex.raw(`CREATE TRIGGER winready_test_fail BEFORE INSERT ON ${TABLES.clusterResults}
            WHEN NEW.name = 'aks-weu-legacy' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
        }
        const before = await store.listServiceResults();
        const legacy = clusterByName('aks-weu-legacy');
        // Not toThrow: better-sqlite3 makes its errors with the Error of the
        // first test file that loaded it in this worker, which toThrow does
        // not count as an error in the next file.
        await expect(
          saveEvaluation(
            store,
            { ...demoFleet, clusters: [{ ...legacy, objects: [] }] },
            T2,
          ),
        ).rejects.toMatchObject({ message: expect.stringMatching(/boom/) });
        expect(await store.listServiceResults()).toEqual(before);
        expect(await store.getLastEvaluatedAt()).toBe(T1.toISOString());
      });

      it('rejects bad keys and statuses before touching the database', async () => {
        await saveEvaluation(store, demoFleet, T1);
        const before = await store.listServiceResults();
        const [cluster] = demoEvaluation.clusters;
        const workload = {
          key: 'Deployment/x/a',
          serviceIds: ['a'],
          result: { ...demoEvaluation.services[0].workloads[0] },
          workload: {} as Workload,
        };
        await expect(
          store.saveClusterEvaluation({
            cluster,
            facts: { name: cluster.name, nodePools: [] },
            workloads: [workload, workload],
            asOf: AS_OF.toISOString(),
          }),
        ).rejects.toThrow(InputError);
        await expect(
          store.saveClusterEvaluation({
            cluster,
            facts: { name: cluster.name, nodePools: [] },
            workloads: [
              {
                ...workload,
                result: { ...workload.result, status: 'fine' as any },
              },
            ],
            asOf: AS_OF.toISOString(),
          }),
        ).rejects.toThrow(InputError);
        expect(await store.listServiceResults()).toEqual(before);
      });
    });

    describe('listServiceResults', () => {
      beforeEach(() => saveEvaluation(store, demoFleet, T1));
      const ids = (statuses: string[] | undefined, cluster?: string) =>
        demoEvaluation.services
          .filter(s => !statuses || statuses.includes(s.status))
          .filter(s => !cluster || s.clusters.includes(cluster))
          .map(s => s.id)
          .sort();

      it('filters by status, cluster and ids', async () => {
        const blocked = await store.listServiceResults({ status: 'blocked' });
        expect(blocked.items.map(i => i.id)).toEqual(ids(['blocked']));
        expect(blocked.total).toBe(5);

        const worst = await store.listServiceResults({
          status: ['blocked', 'at-risk'],
        });
        expect(worst.items.map(i => i.id)).toEqual(ids(['blocked', 'at-risk']));

        const legacy = await store.listServiceResults({
          cluster: 'aks-weu-legacy',
        });
        expect(legacy.items.map(i => i.id)).toEqual(
          ids(undefined, 'aks-weu-legacy'),
        );
        expect(legacy.items.length).toBeGreaterThan(0);
        // A cluster name that is only a prefix of another matches nothing.
        expect(
          (await store.listServiceResults({ cluster: 'aks-weu' })).total,
        ).toBe(0);

        const some = await store.listServiceResults({
          ids: ['payments', 'orders', 'no-such-service'],
          status: 'at-risk',
        });
        expect(some.items.map(i => i.id)).toEqual(['orders', 'payments']);
        expect(await store.listServiceResults({ ids: [] })).toEqual({
          items: [],
          total: 0,
        });
      });

      it('takes an id list of any length', async () => {
        const many = Array.from({ length: 40_000 }, (_, i) => `svc-${i}`);
        const page = await store.listServiceResults({
          ids: [...many, 'payments', 'ledger'],
        });
        expect(page.items.map(i => i.id)).toEqual(['ledger', 'payments']);
      });

      it('pages in a stable order with a constant total', async () => {
        const all = await store.listServiceResults();
        expect(all.total).toBe(20);
        const seen: string[] = [];
        for (let offset = 0; offset < all.total; offset += 4) {
          const page = await store.listServiceResults({ limit: 4, offset });
          expect(page.total).toBe(20);
          seen.push(...page.items.map(i => i.id));
        }
        expect(seen).toEqual(all.items.map(i => i.id));
        expect(
          await store.listServiceResults({ limit: 4, offset: 100 }),
        ).toEqual({ items: [], total: 20 });
        expect(await store.listServiceResults({ limit: 0 })).toEqual({
          items: [],
          total: 20,
        });
        await expect(store.listServiceResults({ limit: -1 })).rejects.toThrow(
          InputError,
        );
        await expect(
          store.listServiceResults({ status: 'green' as any }),
        ).rejects.toThrow(InputError);
      });
    });

    describe('history', () => {
      it('upserts a day, replaces what it re-records, and orders by day', async () => {
        await store.recordHistory('2026-11-26', [
          { dimension: 'all', key: '*', counts: counts({ blocked: 5 }) },
          {
            dimension: 'owner',
            key: 'group:default/payments',
            counts: counts({ ready: 2 }),
          },
          {
            dimension: 'owner',
            key: 'group:default/retail',
            counts: counts({ unknown: 1 }),
          },
        ]);
        await store.recordHistory('2026-11-24', [
          { dimension: 'all', key: '*', counts: counts({ blocked: 7 }) },
        ]);
        await store.recordHistory('2026-11-26', [
          {
            dimension: 'all',
            key: '*',
            counts: counts({ blocked: 4, 'at-risk': 7 }),
          },
          {
            dimension: 'owner',
            key: 'group:default/payments',
            counts: counts({ 'not-applicable': 1 }),
          },
        ]);

        expect(await store.getHistory({ dimension: 'all' })).toEqual([
          {
            day: '2026-11-24',
            dimension: 'all',
            key: '*',
            counts: counts({ blocked: 7 }),
          },
          {
            day: '2026-11-26',
            dimension: 'all',
            key: '*',
            counts: counts({ blocked: 4, 'at-risk': 7 }),
          },
        ]);
        // Re-recording the owners of that day dropped the owner that has no services any more.
        expect(await store.getHistory({ dimension: 'owner' })).toEqual([
          {
            day: '2026-11-26',
            dimension: 'owner',
            key: 'group:default/payments',
            counts: counts({ 'not-applicable': 1 }),
          },
        ]);
        expect(
          await store.getHistory({
            dimension: 'all',
            from: '2026-11-25',
            to: '2026-11-26',
          }),
        ).toHaveLength(1);
        expect(
          await store.getHistory({
            dimension: 'owner',
            key: 'group:default/retail',
          }),
        ).toEqual([]);
      });

      it('records the demo report and prunes old days', async () => {
        const days = ['2026-08-01', '2026-10-28', '2026-10-29', '2026-11-27'];
        for (const day of [...days].reverse()) {
          await store.recordHistory(day, [
            {
              dimension: 'all',
              key: '*',
              counts: counts({
                blocked: 5,
                'at-risk': 7,
                unknown: 2,
                ready: 3,
                'not-applicable': 3,
              }),
            },
            ...demoEvaluation.clusters.map(c => ({
              dimension: 'cluster' as const,
              key: c.name,
              counts: counts({ ready: 1 }),
            })),
          ]);
        }
        expect(
          (await store.getHistory({ dimension: 'all' })).map(h => h.day),
        ).toEqual(days);
        const clusterSeries = await store.getHistory({ dimension: 'cluster' });
        expect(clusterSeries.map(h => `${h.day} ${h.key}`)).toEqual(
          [...clusterSeries.map(h => `${h.day} ${h.key}`)].sort(),
        );

        // 30 days before 2026-11-27 is 2026-10-28: that day stays; the day
        // before goes, its 'all' row and one row per demo cluster.
        expect(await store.pruneHistory(30, '2026-11-27')).toBe(
          1 + demoEvaluation.clusters.length,
        );
        expect(
          (await store.getHistory({ dimension: 'all' })).map(h => h.day),
        ).toEqual(days.slice(1));
      });

      it('rejects bad days, dimensions and counts', async () => {
        const row = { dimension: 'all' as const, key: '*', counts: counts({}) };
        await expect(store.recordHistory('2026-02-30', [row])).rejects.toThrow(
          InputError,
        );
        await expect(
          store.recordHistory('2026-11-27', [
            { ...row, dimension: 'team' as any },
          ]),
        ).rejects.toThrow(InputError);
        await expect(
          store.recordHistory('2026-11-27', [
            { ...row, counts: counts({ ready: -1 }) },
          ]),
        ).rejects.toThrow(InputError);
        await expect(
          store.recordHistory('2026-11-27', [row, row]),
        ).rejects.toThrow(InputError);
        await expect(store.pruneHistory(30, 'today')).rejects.toThrow(
          InputError,
        );
        expect(await store.getHistory({ dimension: 'all' })).toEqual([]);
      });
    });

    describe('timestamps and meta', () => {
      it('come back as ISO strings whatever the driver returns', async () => {
        await saveDemo();
        const raw = await knex(TABLES.clusterSnapshots).first();
        // PostgreSQL hands back Date objects, SQLite numbers: the store hides both.
        expect(
          isPostgres(knex)
            ? raw.collected_at instanceof Date
            : typeof raw.collected_at,
        ).toBe(isPostgres(knex) ? true : 'number');
        const [cluster] = (await storedFleet()).clusters;
        expect(cluster.collectedAt).toBe('2026-11-27T08:00:00.000Z');
        expect(cluster.attemptedAt).toBe('2026-11-27T08:00:00.000Z');

        await store.setMeta('refresh.last', { ok: true, clusters: 3 }, T2);
        expect(await store.getMeta('refresh.last')).toEqual({
          value: { ok: true, clusters: 3 },
          updatedAt: T2.toISOString(),
        });
        expect(await store.getMeta('missing')).toBeUndefined();
      });

      it('reads timestamps written by hand in the database', async () => {
        const literal = isPostgres(knex)
          ? '2026-11-27 08:00:00+00'
          : '2026-11-27 08:00:00';
        await knex(TABLES.meta).insert({
          key: 'by-hand',
          value: '"x"',
          updated_at: knex.raw('?', [literal]),
        });
        expect((await store.getMeta('by-hand'))?.updatedAt).toBe(
          '2026-11-27T08:00:00.000Z',
        );
      });
    });
  },
);
