import type {
  ImageRecord,
  Workload,
} from '@winready/plugin-windows-readiness-common';
import type {
  ClusterLocator,
  ClusterTarget,
  ImageDescriber,
  KubernetesReader,
} from '../sources/types';
import { SnapshotBuilder } from './SnapshotBuilder';

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

function cluster(
  name: string,
  connect?: ClusterTarget['connect'],
): ClusterTarget {
  return {
    name,
    source: 'test',
    nodePools: [{ name: 'np', osType: 'Windows', osSku: 'Windows2022' }],
    connect: connect ?? (async () => ({ server: `https://${name}.invalid` })),
  };
}

class RecordingReader implements KubernetesReader {
  inFlight = 0;
  maxInFlight = 0;
  async read(connection: { server: string }) {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise(resolve => setImmediate(resolve));
    this.inFlight--;
    const name = new URL(connection.server).hostname.split('.')[0];
    if (name === 'down')
      throw Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      });
    return {
      objects: [deployment(`svc-${name}`, `reg.example/${name}:1`)],
      errors:
        name === 'partial'
          ? [
              {
                source: 'kubernetes',
                errorType: 'FORBIDDEN_ERROR',
                statusCode: 403,
                message: 'events are forbidden',
              },
            ]
          : [],
    };
  }
}

class RecordingImages implements ImageDescriber {
  asked: string[] = [];
  async describeAll(references: string[]) {
    this.asked = references;
    return Object.fromEntries(
      references.map(r => [
        r,
        {
          platforms: [
            { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' },
          ],
        } as ImageRecord,
      ]),
    );
  }
}

const locator = (clusters: ClusterTarget[], fail = false): ClusterLocator => ({
  id: 'test',
  locate: async () => {
    if (fail) throw new Error('subscription listing failed');
    return { clusters, errors: [] };
  },
});

describe('SnapshotBuilder', () => {
  const now = () => new Date('2026-11-27T10:00:00Z');

  it('keeps the other clusters when one is down', async () => {
    const reader = new RecordingReader();
    const images = new RecordingImages();
    const fleet = await new SnapshotBuilder({
      locators: [locator([cluster('a'), cluster('down'), cluster('partial')])],
      reader,
      images,
      now,
    }).build();
    expect(
      fleet.clusters.map(c => [
        c.name,
        c.reachable,
        c.objects?.length,
        c.errors?.map(e => e.errorType),
      ]),
    ).toEqual([
      ['a', true, 1, []],
      ['down', false, 0, ['FETCH_ERROR']],
      ['partial', true, 1, ['FORBIDDEN_ERROR']],
    ]);
    expect(images.asked).toEqual(['reg.example/a:1', 'reg.example/partial:1']);
    expect(fleet.collectedAt).toBe('2026-11-27T10:00:00.000Z');
  });

  it('describes the images of the workloads the caller maps, not only kubernetes-id ones', async () => {
    const unlabelled = {
      read: async () => ({
        objects: [
          deployment('labelled', 'reg.example/labelled:1'),
          {
            ...deployment('selected', 'reg.example/selected:1'),
            metadata: {
              name: 'selected',
              namespace: 'ns',
              labels: { app: 'shop' },
            },
          },
        ],
        errors: [],
      }),
    };
    const build = async (describeImagesOf?: (w: Workload) => boolean) => {
      const images = new RecordingImages();
      await new SnapshotBuilder({
        locators: [locator([cluster('a')])],
        reader: unlabelled,
        images,
        now,
      }).build({ describeImagesOf });
      return images.asked;
    };
    expect(await build()).toEqual(['reg.example/labelled:1']);
    expect(await build(w => !!w.serviceId || w.labels.app === 'shop')).toEqual([
      'reg.example/labelled:1',
      'reg.example/selected:1',
    ]);
  });

  it('collects only the clusters asked for and describes the images given', async () => {
    const reader = new RecordingReader();
    const images = new RecordingImages();
    const fleet = await new SnapshotBuilder({
      locators: [locator([cluster('a'), cluster('b'), cluster('down')])],
      reader,
      images,
      now,
    }).build({
      onlyClusters: ['b'],
      describeImagesOf: () => false,
      alsoDescribe: ['reg.example/manifest:2', 'reg.example/manifest:2'],
    });
    expect(fleet.clusters.map(c => c.name)).toEqual(['b']);
    expect(reader.maxInFlight).toBe(1);
    expect(images.asked).toEqual(['reg.example/manifest:2']);
  });

  it('bounds how many clusters are collected at once', async () => {
    const reader = new RecordingReader();
    const names = Array.from({ length: 12 }, (_, i) => cluster(`c${i}`));
    await new SnapshotBuilder({
      locators: [locator(names)],
      reader,
      images: new RecordingImages(),
      concurrency: 3,
    }).build();
    expect(reader.maxInFlight).toBe(3);
  });

  it('reports a cluster that takes too long as timed out', async () => {
    const slow = cluster('slow', () => new Promise(() => {}));
    const fleet = await new SnapshotBuilder({
      locators: [locator([slow, cluster('a')])],
      reader: new RecordingReader(),
      images: new RecordingImages(),
      clusterTimeoutMs: 50,
    }).build();
    expect(fleet.clusters[0].errors).toEqual([
      expect.objectContaining({
        errorType: 'TIMEOUT',
        message: expect.stringMatching(/slow took longer than 50 ms/),
      }),
    ]);
    expect(fleet.clusters[1].objects).toHaveLength(1);
  });

  it('records a failing locator and a duplicate cluster without losing the rest', async () => {
    const fleet = await new SnapshotBuilder({
      locators: [locator([], true), locator([cluster('a'), cluster('a')])],
      reader: new RecordingReader(),
      images: new RecordingImages(),
    }).build();
    expect(fleet.clusters.map(c => c.name)).toEqual(['a']);
    expect(fleet.errors?.map(e => e.errorType)).toEqual([
      'FETCH_ERROR',
      'DUPLICATE_CLUSTER',
    ]);
  });

  it('reports progress per phase', async () => {
    const phases: string[] = [];
    await new SnapshotBuilder({
      locators: [locator([cluster('a'), cluster('b')])],
      reader: new RecordingReader(),
      images: new RecordingImages(),
    }).build({
      onProgress: p => phases.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(phases).toEqual(['locate 2/2', 'clusters 1/2', 'clusters 2/2']);
  });
});
