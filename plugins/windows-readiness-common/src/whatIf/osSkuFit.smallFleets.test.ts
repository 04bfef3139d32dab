/** osSkuFit on hand-made fleets: the rules one at a time (the demo: osSkuFit.test.ts). */
import fc from 'fast-check';
import { buildOsSkuTable } from '../catalog/osSkus';
import { arbitraryFleet } from '../evaluate/__testUtils__/arbitraryFleet';
import type { Cluster, Fleet, ImageRecord, KubernetesObject } from '../model';
import { osSkuFit, type OsSkuFitItem } from './osSkuFit';

const item = (items: OsSkuFitItem[], osSku: string) =>
  items.find(i => i.osSku === osSku)!;

// Small hand-made fleets: one cluster per entry, every workload a Deployment.
const WS2019 = 'img/ws2019:1';
const WS2022 = 'img/ws2022:1';
const WS1803 = 'img/ws1803:1';
const HOST_PROCESS = 'img/hostprocess:1';
const LINUX = 'img/linux:1';
const UNKNOWN = 'img/not-in-registry:1';
const IMAGES: Record<string, ImageRecord> = {
  [WS2019]: {
    platforms: [
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' },
    ],
  },
  [WS2022]: {
    platforms: [
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' },
    ],
  },
  [WS1803]: {
    platforms: [
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.17134.1' },
    ],
  },
  [HOST_PROCESS]: { platforms: [{ os: 'windows', architecture: 'amd64' }] },
  [LINUX]: { platforms: [{ os: 'linux', architecture: 'amd64' }] },
};

interface Spec {
  service: string;
  images: string[];
  nodeSelector?: Record<string, string>;
}

function deployment(spec: Spec, index: number): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: `w${index}`,
      namespace: 'ns',
      labels: { 'backstage.io/kubernetes-id': spec.service },
    },
    spec: {
      template: {
        spec: {
          nodeSelector: spec.nodeSelector,
          containers: spec.images.map((image, i) => ({ name: `c${i}`, image })),
        },
      },
    },
  } as KubernetesObject;
}

function fleetOf(...clusters: Spec[][]): Fleet {
  return {
    apiVersion: 'winready/v1',
    kind: 'Fleet',
    metadata: { name: 'small' },
    clusters: clusters.map(
      (specs, c): Cluster => ({
        name: `c${c}`,
        nodePools: [],
        objects: specs.map(deployment),
      }),
    ),
    images: IMAGES,
  };
}

const verdicts = (fleet: Fleet, osSku: string) => {
  const found = item(osSkuFit(fleet).items, osSku);
  return { fit: found.fit, noFit: found.noFit, unknown: found.unknown };
};
const WIN = { 'kubernetes.io/os': 'windows' };

describe('osSkuFit on small fleets', () => {
  it.each<
    [
      string,
      Fleet,
      string,
      { fit?: string[]; noFit?: string[]; unknown?: string[] },
    ]
  >([
    [
      'a WS2019 image fits Windows2019',
      fleetOf([{ service: 's', images: [WS2019] }]),
      'Windows2019',
      { fit: ['s'] },
    ],
    [
      'a WS2019 image does not fit Windows2022',
      fleetOf([{ service: 's', images: [WS2019] }]),
      'Windows2022',
      { noFit: ['s'] },
    ],
    [
      'every image of the workload must fit',
      fleetOf([{ service: 's', images: [WS2022, HOST_PROCESS] }]),
      'Windows2019',
      { noFit: ['s'] },
    ],
    [
      'an image without os.version fits any build',
      fleetOf([{ service: 's', images: [HOST_PROCESS] }]),
      'Windows2019',
      { fit: ['s'] },
    ],
    [
      'a Windows selector with an unknown image is unknown',
      fleetOf([{ service: 's', images: [UNKNOWN], nodeSelector: WIN }]),
      'Windows2022',
      { unknown: ['s'] },
    ],
    [
      'the deprecated beta label selects Windows too',
      fleetOf([
        {
          service: 's',
          images: [UNKNOWN],
          nodeSelector: { 'beta.kubernetes.io/os': 'windows' },
        },
      ]),
      'Windows2022',
      { unknown: ['s'] },
    ],
    [
      'unknown beats yes',
      fleetOf([
        { service: 's', images: [WS2022] },
        { service: 's', images: [UNKNOWN], nodeSelector: WIN },
      ]),
      'Windows2022',
      { unknown: ['s'] },
    ],
    [
      'no beats unknown',
      fleetOf([
        { service: 's', images: [UNKNOWN], nodeSelector: WIN },
        { service: 's', images: [WS1803] },
      ]),
      'Windows2019',
      { noFit: ['s'] },
    ],
    [
      'no in one cluster beats yes in another',
      fleetOf(
        [{ service: 's', images: [WS2022] }],
        [{ service: 's', images: [WS2019] }],
      ),
      'Windows2022',
      { noFit: ['s'] },
    ],
    [
      "a service's Linux workloads are not judged",
      fleetOf([
        { service: 's', images: [WS2022] },
        { service: 's', images: [LINUX] },
      ]),
      'Windows2022',
      { fit: ['s'] },
    ],
    [
      'Linux-only and unlabelled workloads are not counted',
      fleetOf([
        { service: 'linux', images: [LINUX] },
        { service: '', images: [WS2022] },
      ]),
      'Windows2022',
      {},
    ],
    [
      // docs/rules.md rule 2: unknown is never Linux while nothing settles the OS.
      'an image the registry has not described, with no OS selection, is unknown',
      fleetOf([{ service: 'unknown-linux-or-not', images: [UNKNOWN] }]),
      'Windows2022',
      { unknown: ['unknown-linux-or-not'] },
    ],
    [
      'an image the registry has not described, selecting Linux, is not counted',
      fleetOf([
        {
          service: 'pinned',
          images: [UNKNOWN],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      ]),
      'Windows2022',
      {},
    ],
  ])('%s', (_, fleet, osSku, expected) => {
    expect(verdicts(fleet, osSku)).toEqual({
      fit: [],
      noFit: [],
      unknown: [],
      ...expected,
    });
  });

  it('follows the table: overrides add Windows SKUs, Linux SKUs never show', () => {
    const osSkus = buildOsSkuTable([
      { osSku: 'WindowsNext', osType: 'Windows' },
      { osSku: 'Windows2022', maxKubernetesVersion: '1.40' },
    ]);
    const fleet = fleetOf([{ service: 's', images: [WS2022] }]);
    fleet.clusters[0].kubernetesVersion = '1.36';
    const { items } = osSkuFit(fleet, { osSkus, cluster: 'c0' });
    // Without a build, only images without os.version could be judged.
    expect(items.map(i => [i.osSku, i.allowedOnCluster, i.unknown])).toEqual([
      ['Windows2025', true, []],
      ['WindowsAnnual', false, []],
      ['Windows2022', true, []],
      ['Windows2019', false, []],
      ['WindowsNext', true, ['s']],
    ]);
    expect(items.every(i => i.osType === 'Windows')).toBe(true);
  });

  it('leaves allowedOnCluster out when the cluster has no readable version', () => {
    const fleet = fleetOf([{ service: 's', images: [WS2022] }]);
    const result = osSkuFit(fleet, { cluster: 'c0' });
    expect(result.cluster).toEqual({ name: 'c0' });
    expect(result.items.every(i => !('allowedOnCluster' in i))).toBe(true);
    fleet.clusters[0].kubernetesVersion = 'latest';
    expect(
      osSkuFit(fleet, { cluster: 'c0' }).items.map(i => i.allowedOnCluster),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('answers an empty fleet with every SKU and no services', () => {
    const empty = { ...fleetOf(), clusters: undefined } as unknown as Fleet;
    const { items } = osSkuFit(empty);
    expect(
      items.map(i => i.fit.length + i.noFit.length + i.unknown.length),
    ).toEqual([0, 0, 0, 0]);
    expect(() => osSkuFit(empty, { cluster: 'c0' })).toThrow(/clusters: none/);
  });

  it('never throws on arbitrary fleets, and puts each Windows service in exactly one list', () => {
    fc.assert(
      fc.property(arbitraryFleet, fleet => {
        const { items } = osSkuFit(fleet);
        for (const i of items) {
          const all = [...i.fit, ...i.noFit, ...i.unknown];
          expect(new Set(all).size).toBe(all.length);
          expect([...all].sort()).toEqual(
            [...items[0].fit, ...items[0].noFit, ...items[0].unknown].sort(),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
