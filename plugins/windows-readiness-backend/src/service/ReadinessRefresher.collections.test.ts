import {
  mockServices,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  buildOsSkuTable,
  type Cluster,
  type Fleet,
  type SourceError,
} from '@winready/plugin-windows-readiness-common';
import {
  DUPLICATE_CLUSTER,
  UNSUPPORTED_AUTH_PROVIDER,
} from '@winready/plugin-windows-readiness-node';
import { EntityServiceMap } from '../catalog/EntityServiceMap';
import { DatabaseWindowsReadinessStore } from '../store/DatabaseWindowsReadinessStore';
import { ReadinessRefresher } from './ReadinessRefresher';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const deployment = (name: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace: 'ns',
    labels: { 'backstage.io/kubernetes-id': name },
  },
  spec: { template: { spec: { containers: [{ name: 'c', image }] } } },
});

const windowsImage = {
  platforms: [
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' },
  ],
};

function cluster(name: string, images: string[], reachable = true): Cluster {
  return {
    name,
    reachable,
    nodePools: [{ name: 'npwin', osType: 'Windows', osSku: 'Windows2022' }],
    objects: reachable
      ? images.map((image, i) => deployment(`svc-${name}-${i}`, image))
      : [],
    errors: reachable
      ? []
      : [{ source: 'kubernetes', errorType: 'FETCH_ERROR', message: 'down' }],
  } as Cluster;
}

/** A collection: the clusters as read, and what the registry said of their images. */
function collection(clusters: Cluster[], errors: SourceError[] = []): Fleet {
  const images = Object.fromEntries(
    clusters
      .flatMap(c => c.objects ?? [])
      .map((o: any) => [
        o.spec.template.spec.containers[0].image,
        windowsImage,
      ]),
  );
  return {
    apiVersion: 'winready/v1',
    kind: 'Fleet',
    metadata: { name: 'images' },
    clusters,
    images,
    errors,
  };
}

/** A refresher on a fresh database that collects `collections` in turn. */
async function refresherOver(databaseId: TestDatabaseId, collections: Fleet[]) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseWindowsReadinessStore.create({
    database: mockServices.database({ knex }),
  });
  const refresher = new ReadinessRefresher({
    store,
    snapshots: { build: async () => collections.shift()! },
    entities: async () => new EntityServiceMap([]),
    osSkus: buildOsSkuTable(),
    retirementWarningDays: 180,
    historyDays: 30,
    logger: mockServices.logger.mock(),
  });
  return { store, refresher };
}

describe('ReadinessRefresher image records', () => {
  it.each(databases.eachSupportedId())(
    'keeps the records stored workloads use and forgets the rest, %p',
    async databaseId => {
      const { store, refresher } = await refresherOver(databaseId, [
        collection([
          cluster('a', ['reg/a:1', 'reg/old:1']),
          cluster('b', ['reg/b:1']),
        ]),
        // The old tag is gone from a; b cannot be read (its objects are kept).
        collection([cluster('a', ['reg/a:1']), cluster('b', [], false)]),
        collection([cluster('a', ['reg/a:1']), cluster('b', [], false)]),
      ]);
      const stored = async () =>
        Object.keys((await store.loadFleet()).images).sort();

      await refresher.refresh();
      expect(await stored()).toEqual(['reg/a:1', 'reg/b:1', 'reg/old:1']);
      // One refresh later the old tag is only in the previous collection.
      await refresher.refresh();
      expect(await stored()).toEqual(['reg/a:1', 'reg/b:1', 'reg/old:1']);
      await refresher.refresh();
      // b's image stays while b's last good objects use it.
      expect(await stored()).toEqual(['reg/a:1', 'reg/b:1']);
    },
  );
});

describe('ReadinessRefresher vanished clusters', () => {
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
    const { store, refresher } = await refresherOver('SQLITE_3', [
      collection([cluster('a', ['reg/a:1']), cluster('b', ['reg/b:1'])]),
      collection([cluster('a', ['reg/a:1'])], errors as SourceError[]),
    ]);
    await refresher.refresh();
    await refresher.refresh();
    const states = await store.listClusterStates();
    expect(states.map(c => c.name).sort()).toEqual(remaining);
    expect(states.find(c => c.name === 'b')?.stale ?? true).toBe(true);
  });
});
