import {
  mockServices,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  buildOsSkuTable,
  type Cluster,
  type ImageRecord,
  type SourceError,
} from '@winready/plugin-windows-readiness-common';
import {
  DUPLICATE_CLUSTER,
  UNSUPPORTED_AUTH_PROVIDER,
  type ClusterTarget,
} from '@winready/plugin-windows-readiness-node';
import { EntityServiceMap } from '../catalog/EntityServiceMap';
import { DatabaseWindowsReadinessStore } from '../store/DatabaseWindowsReadinessStore';
import { TABLES, isPostgres } from '../store/db';
import { ClusterPipeline } from './ClusterPipeline';
import { Semaphore } from './Semaphore';
import { ShardRefresher, type RunSources } from './ShardRefresher';
import { shardOf } from './shards';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
jest.setTimeout(60_000);

// Every Deployment's kubernetes-id, for the catalog of the tests.
const serviceNames = new Set<string>();

const deployment = (name: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace: 'ns',
    labels: { 'backstage.io/kubernetes-id': name },
  },
  spec: {
    template: {
      spec: {
        nodeSelector: { 'kubernetes.io/os': 'windows' },
        containers: [{ name: 'c', image }],
      },
    },
  },
});

const ltsc2022: ImageRecord = {
  platforms: [
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' },
  ],
};
const ltsc2019: ImageRecord = {
  platforms: [
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' },
  ],
};

/** A cluster with one Windows2022 pool and a Deployment per [service, image]. */
function cluster(
  name: string,
  workloads: Array<[string, string]>,
  reachable = true,
): Cluster {
  return {
    name,
    reachable,
    nodePools: [
      { name: 'npwin', osType: 'Windows', osSku: 'Windows2022', taints: [] },
    ],
    objects: reachable
      ? workloads.map(([service, image]) => {
          serviceNames.add(service);
          return deployment(service, image);
        })
      : [],
    errors: reachable
      ? []
      : [{ source: 'kubernetes', errorType: 'FETCH_ERROR', message: 'down' }],
  } as Cluster;
}

/** The sources of one run: the clusters to locate (and read), the listing's errors. */
function sourcesOf(
  clusters: Cluster[],
  errors: SourceError[] = [],
  images: Record<string, ImageRecord> = {},
): RunSources {
  return {
    locate: async () => ({
      targets: clusters.map(
        c => ({ name: c.name, source: 'test' } as ClusterTarget),
      ),
      errors,
    }),
    collectCluster: async target => clusters.find(c => c.name === target.name)!,
    describe: async references =>
      Object.fromEntries(
        references.map(r => [
          r,
          images[r] ?? { platforms: [], error: 'no record' },
        ]),
      ),
  };
}

const ref = (name: string) => `component:default/${name}`;
function entitiesFor(ids: Iterable<string>) {
  return new EntityServiceMap(
    [...ids].map(name => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: { 'backstage.io/kubernetes-id': name },
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    })),
  );
}

async function setUp(databaseId: TestDatabaseId, shards = 1) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseWindowsReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const runs: RunSources[] = [];
  const now = () => new Date('2026-11-27T12:00:00Z');
  const logger = mockServices.logger.mock();
  const refresher = new ShardRefresher({
    store,
    pipeline: new ClusterPipeline({
      store,
      osSkus: buildOsSkuTable(),
      retirementWarningDays: 180,
      logger,
      now,
      instance: 'test',
    }),
    sources: () => runs.shift()!,
    // Every Deployment's kubernetes-id names a Component of the same name.
    withEntities: use => use(entitiesFor(serviceNames)),
    shards,
    clusters: new Semaphore(2),
    historyDays: 30,
    logger,
    now,
    instance: 'test',
  });
  const run = (sources: RunSources, shard = 0) => {
    runs.push(sources);
    return refresher.run(shard);
  };
  return { knex, store, run };
}

const images = {
  'reg/a:1': ltsc2022,
  'reg/b:1': ltsc2022,
  'reg/old:1': ltsc2022,
};

describe('ShardRefresher', () => {
  it.each(databases.eachSupportedId())(
    'merges a service from its workloads in every cluster, %p',
    async databaseId => {
      const { store, run } = await setUp(databaseId);
      await run(
        sourcesOf(
          [
            cluster('a', [['shop', 'reg/a:1']]),
            cluster('b', [['shop', 'reg/old:2019']]),
          ],
          [],
          { 'reg/a:1': ltsc2022, 'reg/old:2019': ltsc2019 },
        ),
      );
      const shop = await store.getServiceResult(ref('shop'));
      // Worst of: at risk in a (Windows2022 retires within 180 days), blocked in
      // b (a 2019 image on a 2022 pool).
      expect(shop?.status).toBe('blocked');
      expect(shop?.clusters.sort()).toEqual(['a', 'b']);
      expect(shop?.result.workloads.map(w => w.cluster)).toEqual(['a', 'b']);

      // b vanishes (a complete listing): shop is merged again from a alone.
      await run(sourcesOf([cluster('a', [['shop', 'reg/a:1']])], [], images));
      const after = await store.getServiceResult(ref('shop'));
      expect(after?.status).toBe('at-risk');
      expect(after?.clusters).toEqual(['a']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the image records stored workloads name and forgets the rest, %p',
    async databaseId => {
      const { knex, store, run } = await setUp(databaseId);
      const stored = async () =>
        (await knex(TABLES.images).pluck('reference')).sort();
      await run(
        sourcesOf(
          [
            cluster('a', [
              ['a', 'reg/a:1'],
              ['old', 'reg/old:1'],
            ]),
            cluster('b', [['b', 'reg/b:1']]),
          ],
          [],
          images,
        ),
      );
      expect(await stored()).toEqual(['reg/a:1', 'reg/b:1', 'reg/old:1']);
      // The old tag is gone from a; b cannot be read: its last good workloads stay.
      await run(
        sourcesOf(
          [cluster('a', [['a', 'reg/a:1']]), cluster('b', [], false)],
          [],
          images,
        ),
      );
      expect(await stored()).toEqual(['reg/a:1', 'reg/b:1']);
      expect((await store.getServiceResult(ref('b')))?.status).toBe('at-risk');
      expect(
        (await store.listClusterStates()).find(c => c.name === 'b'),
      ).toMatchObject({ stale: true, collectedBy: 'test' });
    },
  );

  it.each(databases.eachSupportedId())(
    'commits a cluster all or nothing: a failure keeps its snapshot and results, and the others go on, %p',
    async databaseId => {
      const { knex, store, run } = await setUp(databaseId);
      await run(
        sourcesOf(
          [cluster('a', [['a', 'reg/a:1']]), cluster('b', [['b', 'reg/b:1']])],
          [],
          images,
        ),
      );
      const before = await store.getServiceResult(ref('b'));
      await failInsertsOfCluster(knex, 'b');
      const outcome = await run(
        sourcesOf(
          [
            cluster('a', [
              ['a', 'reg/a:1'],
              ['a2', 'reg/a:1'],
            ]),
            cluster('b', [['b2', 'reg/b:1']]),
          ],
          [],
          images,
        ),
      );
      expect(outcome.failedClusters).toEqual(['b']);
      // a committed; b did not: its old workload, result and snapshot stay.
      expect((await store.getServiceResult(ref('a2')))?.status).toBe('at-risk');
      expect(await store.getServiceResult(ref('b2'))).toBeUndefined();
      expect(await store.getServiceResult(ref('b'))).toEqual(before);
      const snapshot = await store.loadCluster('b');
      expect(snapshot?.objects?.map(o => o.metadata?.name)).toEqual(['b']);
    },
  );

  it('collects only the clusters of its shard', async () => {
    const { store, run } = await setUp('SQLITE_3', 2);
    const names = Array.from({ length: 8 }, (_, i) => `aks-${i}`);
    const clusters = names.map(name =>
      cluster(name, [[`svc-${name}`, 'reg/a:1']]),
    );
    const first = await run(sourcesOf(clusters, [], images), 0);
    const mine = names.filter(name => shardOf(name, 2) === 0);
    expect(first.clusters).toBe(mine.length);
    expect((await store.listClusterStates()).map(c => c.name).sort()).toEqual(
      mine.sort(),
    );
    await run(sourcesOf(clusters, [], images), 1);
    expect(await store.listClusterStates()).toHaveLength(8);
  });

  describe('vanished clusters', () => {
    const listingFailed: SourceError = {
      source: 'aks',
      errorType: 'FETCH_ERROR',
      statusCode: 503,
      message: 'listing managed clusters failed',
    };
    const duplicate: SourceError = {
      source: 'kubernetes-plugin',
      errorType: DUPLICATE_CLUSTER,
      message: 'cluster "a" was found by aks and by kubernetes-plugin',
    };
    const unsupported: SourceError = {
      source: 'kubernetes-plugin',
      errorType: UNSUPPORTED_AUTH_PROVIDER,
      message: 'cluster "c" uses authProvider oidc',
    };

    it.each([
      ['a failed listing keeps it, stale', [listingFailed], ['a', 'b']],
      ['a duplicate elsewhere forgets it', [duplicate], ['a']],
      ['an unusable cluster elsewhere forgets it', [unsupported], ['a']],
    ])('when b vanishes, %s', async (_what, errors, remaining) => {
      const { store, run } = await setUp('SQLITE_3');
      await run(
        sourcesOf(
          [cluster('a', [['a', 'reg/a:1']]), cluster('b', [['b', 'reg/b:1']])],
          [],
          images,
        ),
      );
      await run(
        sourcesOf(
          [cluster('a', [['a', 'reg/a:1']])],
          errors as SourceError[],
          images,
        ),
      );
      const states = await store.listClusterStates();
      expect(states.map(c => c.name).sort()).toEqual(remaining);
      expect(states.find(c => c.name === 'b')?.stale ?? true).toBe(true);
      // Its services follow: kept while it is stale, gone with it.
      expect(!!(await store.getServiceResult(ref('b')))).toBe(
        remaining.includes('b'),
      );
    });
  });
});

/** Makes the database refuse workload rows of one cluster, inside the commit. */
async function failInsertsOfCluster(knex: Knex, name: string) {
  if (isPostgres(knex)) {
    await knex.raw(`CREATE FUNCTION winready_test_fail() RETURNS trigger AS $$
      BEGIN IF NEW.cluster = '${name}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END;
      $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER winready_test_fail BEFORE INSERT ON ${TABLES.workloadResults}
      FOR EACH ROW EXECUTE FUNCTION winready_test_fail()`);
  } else {
    await knex.raw(`CREATE TRIGGER winready_test_fail BEFORE INSERT ON ${TABLES.workloadResults}
      WHEN NEW.cluster = '${name}' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
  }
}
