/**
 * A deterministic, realistic fleet for benchmarks (and later for the simulator
 * and API benchmarks): AKS clusters with a Linux system pool, a Linux user pool
 * and Windows pools of mixed OS SKUs; services as Deployments with their
 * ReplicaSets, pods and events; and the registry's answers about their images.
 *
 * Same options, same fleet, byte for byte: every random choice comes from a
 * seeded PRNG (sfc32), never from Math.random or the clock.
 *
 * The pods are placed by a small scheduler model of the generator's own
 * (selectors, tolerations, Windows build compatibility), so that pod states
 * tell the same story as the specs: a Windows image on the wrong build crashes
 * with the HCS mismatch, a pod without the toleration stays Pending with a
 * FailedScheduling event, and so on. It is deliberately independent of the
 * engine's rules so that the benchmark does not grade its own homework.
 */
import type {
  Cluster,
  Fleet,
  ImageRecord,
  KubernetesObject,
  NodePool,
} from '@winready/plugin-windows-readiness-common';

/** What to generate. Totals: clusters x poolsPerCluster pools, services x podsPerService pods. */
export interface GenerateFleetOptions {
  clusters: number;
  /** At least 1. Pool 0 is the Linux system pool, pool 1 a Linux user pool, the rest Windows. */
  poolsPerCluster: number;
  /** Services; each is a Deployment labelled `backstage.io/kubernetes-id`. */
  services: number;
  /** Pods per service, over all its clusters (default 10). */
  podsPerService?: number;
  /** PRNG seed: same seed and options, same fleet. */
  seed: number | string;
  /** `metadata.name` (default `bench-<seed>`). */
  name?: string;
  /** Share of services that run Windows images (default 0.45). */
  windowsShare?: number;
  /** Share of services deployed to a second cluster (default 0.1). */
  multiClusterShare?: number;
  /** Share of service images the registry has no answer for (default 0.03). */
  missingImageShare?: number;
}

/** The fleet `yarn bench:evaluate` measures: 100 clusters, 500 pools, 5,000 services, 50,000 pods. */
export const BENCH_FLEET_OPTIONS: Readonly<GenerateFleetOptions> = {
  clusters: 100,
  poolsPerCluster: 5,
  services: 5000,
  podsPerService: 10,
  seed: 20251127,
};

type ImagePlatform = ImageRecord['platforms'][number];

// ---------------------------------------------------------------- PRNG

/** A seeded PRNG (sfc32 seeded through cyrb128): fast, small, deterministic. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const text = String(seed);
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < text.length; i++) {
      const k = text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks an item with probability proportional to its `weight`. */
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1];
  }

  /** Random characters of an alphabet, e.g. a pod-template-hash. */
  chars(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += alphabet[Math.floor(this.next() * alphabet.length)];
    }
    return out;
  }
}

// ---------------------------------------------------------------- Vocabulary

/** The alphabet of Kubernetes generated names (pod-template-hash, pod suffix). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';

const REGIONS = [
  { code: 'weu', location: 'westeurope' },
  { code: 'neu', location: 'northeurope' },
  { code: 'eus', location: 'eastus' },
  { code: 'eus2', location: 'eastus2' },
  { code: 'wus3', location: 'westus3' },
  { code: 'uks', location: 'uksouth' },
  { code: 'sec', location: 'swedencentral' },
  { code: 'sea', location: 'southeastasia' },
  { code: 'aue', location: 'australiaeast' },
  { code: 'jpe', location: 'japaneast' },
];
const ENVIRONMENTS = ['prod', 'prod', 'stg', 'dev'];

const KUBERNETES_VERSIONS = [
  { version: '1.30.14', minor: 30, weight: 10 },
  { version: '1.31.10', minor: 31, weight: 15 },
  { version: '1.31.11', minor: 31, weight: 10 },
  { version: '1.32.6', minor: 32, weight: 20 },
  { version: '1.32.7', minor: 32, weight: 15 },
  { version: '1.33.2', minor: 33, weight: 20 },
  { version: '1.33.3', minor: 33, weight: 10 },
];

interface WindowsSku {
  osSku: string;
  /** Pool-name stem, at most 3 characters. */
  code: string;
  build: number;
  minMinor: number;
  maxMinor: number;
  weight: number;
  /** `nodeImageVersion` values AKS has shipped for the SKU. */
  nodeImages: string[];
}

const WINDOWS_SKUS: readonly WindowsSku[] = [
  {
    osSku: 'Windows2019',
    code: 'w19',
    build: 17763,
    minMinor: 14,
    maxMinor: 32,
    weight: 25,
    nodeImages: [
      'AKSWindows-2019-containerd-17763.6532.241101',
      'AKSWindows-2019-containerd-17763.6659.241205',
      'AKSWindows-2019-containerd-17763.7009.250314',
      'AKSWindows-2019-containerd-17763.7314.250513',
      'AKSWindows-2019-containerd-17763.7792.251027',
    ],
  },
  {
    osSku: 'Windows2022',
    code: 'w22',
    build: 20348,
    minMinor: 23,
    maxMinor: 34,
    weight: 45,
    nodeImages: [
      'AKSWindows-2022-containerd-20348.2582.240716',
      'AKSWindows-2022-containerd-20348.2849.241101',
      'AKSWindows-2022-containerd-20348.3453.250409',
      'AKSWindows-2022-containerd-gen2-20348.3695.250513',
      'AKSWindows-2022-containerd-20348.4052.250812',
      'AKSWindows-2022-containerd-20348.4294.251027',
    ],
  },
  {
    osSku: 'Windows2025',
    code: 'w25',
    build: 26100,
    minMinor: 32,
    maxMinor: 99,
    weight: 18,
    nodeImages: [
      'AKSWindows-2025-gen2-26100.4061.250513',
      'AKSWindows-2025-gen2-26100.4946.250812',
      'AKSWindows-2025-gen2-26100.6905.251027',
    ],
  },
  {
    osSku: 'WindowsAnnual',
    code: 'wan',
    build: 25398,
    minMinor: 28,
    maxMinor: 33,
    weight: 10,
    nodeImages: [
      'AKSWindows-23H2-gen2-25398.1189.241008',
      'AKSWindows-23H2-gen2-25398.1425.250211',
      'AKSWindows-23H2-gen2-25398.1611.250518',
    ],
  },
];

const LINUX_SYSTEM_SKUS = [
  {
    osSku: 'Ubuntu',
    nodeImages: [
      'AKSUbuntu-2204gen2containerd-202509.23.0',
      'AKSUbuntu-2204gen2containerd-202510.27.0',
    ],
    weight: 6,
  },
  {
    osSku: 'AzureLinux',
    nodeImages: [
      'AKSAzureLinux-V3gen2-202509.23.0',
      'AKSAzureLinux-V3gen2-202510.27.0',
    ],
    weight: 4,
  },
];

const LINUX_USER_SKUS = [
  {
    osSku: 'Ubuntu2204',
    nodeImages: [
      'AKSUbuntu-2204gen2containerd-202509.23.0',
      'AKSUbuntu-2204gen2containerd-202510.27.0',
    ],
    weight: 6,
  },
  {
    osSku: 'AzureLinux3',
    nodeImages: ['AKSAzureLinux-V3gen2-202510.27.0'],
    weight: 4,
  },
];

const WINDOWS_VM_SIZES = [
  'Standard_D4s_v5',
  'Standard_D8s_v5',
  'Standard_D8ds_v5',
  'Standard_E8s_v5',
];
const LINUX_VM_SIZES = [
  'Standard_D8s_v5',
  'Standard_D16s_v5',
  'Standard_D8as_v5',
];

const TEAMS = [
  'payments',
  'orders',
  'catalog',
  'search',
  'identity',
  'billing',
  'reports',
  'logistics',
  'hr',
  'crm',
  'inventory',
  'pricing',
  'notify',
  'print',
  'ledger',
  'claims',
  'portal',
  'gateway',
  'tax',
  'fleet',
];
const NOUNS = [
  'api',
  'web',
  'worker',
  'sync',
  'indexer',
  'scheduler',
  'exporter',
  'importer',
  'renderer',
  'auth',
  'cache',
  'bridge',
  'agent',
  'portal',
  'jobs',
];
const REGISTRIES = [
  'contoso.azurecr.io',
  'fabrikamacr.azurecr.io',
  'woodgrove.azurecr.io',
  'tailspin.azurecr.io',
];

/** `os.version` values of real Windows base images, by build. */
const WINDOWS_OS_VERSIONS: Record<number, readonly string[]> = {
  17134: ['10.0.17134.1304'],
  17763: ['10.0.17763.6532', '10.0.17763.7009', '10.0.17763.7314'],
  20348: ['10.0.20348.2849', '10.0.20348.3453', '10.0.20348.4294'],
  26100: ['10.0.26100.4061', '10.0.26100.6905'],
};
const BASE_TAG: Record<number, string> = {
  17134: '1803',
  17763: 'ltsc2019',
  20348: 'ltsc2022',
  26100: 'ltsc2025',
};

/** How a Windows service's image is built: which builds its platforms cover. */
interface WindowsFlavour {
  name: string;
  builds: number[];
  /** Adds a linux/amd64 entry (a multi-OS image). */
  linux?: boolean;
  /** HostProcess: one Windows entry without os.version. */
  hostProcess?: boolean;
  weight: number;
}

const WINDOWS_FLAVOURS: readonly WindowsFlavour[] = [
  { name: 'ltsc2019', builds: [17763], weight: 24 },
  { name: 'ltsc2022', builds: [20348], weight: 30 },
  { name: 'ltsc2025', builds: [26100], weight: 8 },
  { name: 'ltsc2019+ltsc2022', builds: [17763, 20348], weight: 14 },
  { name: 'ltsc2022+ltsc2025', builds: [20348, 26100], weight: 10 },
  {
    name: 'ltsc2019+ltsc2022+ltsc2025',
    builds: [17763, 20348, 26100],
    weight: 5,
  },
  { name: '1803', builds: [17134], weight: 2 },
  { name: 'hostprocess', builds: [], hostProcess: true, weight: 4 },
  { name: 'multi-os', builds: [20348], linux: true, weight: 3 },
];

/** Shared images: sidecars and agents, keyed as the registry answers for them. */
interface SharedImage {
  reference: string;
  /** How the pod spec names it (short forms exercise normalisation). */
  asWritten?: string;
  platforms: ImagePlatform[];
}

const win = (osVersion?: string, osFeatures?: string[]): ImagePlatform => ({
  os: 'windows',
  architecture: 'amd64',
  ...(osVersion ? { osVersion } : {}),
  ...(osFeatures ? { osFeatures } : {}),
});
const linux = (architecture = 'amd64', variant?: string): ImagePlatform => ({
  os: 'linux',
  architecture,
  ...(variant ? { variant } : {}),
});

const LINUX_SIDECARS: readonly SharedImage[] = [
  {
    reference: 'docker.io/library/nginx:1.27',
    asWritten: 'nginx:1.27',
    platforms: [linux(), linux('arm64', 'v8'), linux('arm', 'v7')],
  },
  {
    reference: 'mcr.microsoft.com/oss/envoyproxy/envoy:v1.31.2',
    platforms: [linux(), linux('arm64')],
  },
  {
    reference: 'docker.io/otel/opentelemetry-collector-contrib:0.112.0',
    asWritten: 'otel/opentelemetry-collector-contrib:0.112.0',
    platforms: [linux(), linux('arm64')],
  },
  {
    reference: 'ghcr.io/oauth2-proxy/oauth2-proxy:v7.7.1',
    platforms: [linux(), linux('arm64')],
  },
];

/** Windows sidecars by the build the service targets. */
const WINDOWS_SIDECARS: Record<number, readonly SharedImage[]> = {
  17763: [
    {
      reference: 'mcr.microsoft.com/dotnet/framework/aspnet:4.8',
      platforms: [
        win('10.0.17763.7314', ['win32k']),
        win('10.0.20348.4294', ['win32k']),
      ],
    },
    {
      reference: 'mcr.microsoft.com/windows/servercore:ltsc2019',
      platforms: [win('10.0.17763.7314')],
    },
  ],
  20348: [
    {
      reference: 'mcr.microsoft.com/dotnet/framework/aspnet:4.8',
      platforms: [
        win('10.0.17763.7314', ['win32k']),
        win('10.0.20348.4294', ['win32k']),
      ],
    },
    {
      reference: 'mcr.microsoft.com/windows/nanoserver:ltsc2022',
      platforms: [win('10.0.20348.4294')],
    },
    {
      reference:
        'mcr.microsoft.com/azuremonitor/containerinsights/ciprod:win-3.1.28',
      platforms: [
        win('10.0.17763.7314'),
        win('10.0.20348.4294'),
        win('10.0.26100.6905'),
      ],
    },
  ],
  26100: [
    {
      reference: 'mcr.microsoft.com/windows/servercore:ltsc2025',
      platforms: [win('10.0.26100.6905')],
    },
    {
      reference:
        'mcr.microsoft.com/azuremonitor/containerinsights/ciprod:win-3.1.28',
      platforms: [
        win('10.0.17763.7314'),
        win('10.0.20348.4294'),
        win('10.0.26100.6905'),
      ],
    },
  ],
};

const RUNTIME_CLASSES = [
  { name: 'windows-2019', build: 17763 },
  { name: 'windows-2022', build: 20348 },
  { name: 'windows-2025', build: 26100 },
];

// ---------------------------------------------------------------- Model

type TaintSpec = { key: string; value?: string; effect: string };
type TolerationSpec = {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
};

interface PoolModel {
  pool: NodePool;
  windows: boolean;
  build?: number;
  labels: Record<string, string>;
  taint?: TaintSpec;
  /** For Linux node names: `aks-<pool>-<vmssId>-vmss<6>`. */
  vmssId: string;
}

interface ClusterModel {
  cluster: Cluster;
  minor: number;
  pools: PoolModel[];
  runtimeClasses: Map<
    string,
    { nodeSelector: Record<string, string>; tolerations: TolerationSpec[] }
  >;
  deployments: KubernetesObject[];
  replicaSets: KubernetesObject[];
  pods: KubernetesObject[];
  events: KubernetesObject[];
  podIp: number;
}

interface ServicePlan {
  id: string;
  team: string;
  noun: string;
  windows: boolean;
  flavour?: WindowsFlavour;
  /** The service's own image and the registry's answer (undefined: missing). */
  image: string;
  imagePlatforms?: ImagePlatform[];
  sidecar?: SharedImage;
  /** Windows: the build the team targets (drives pins, sidecars, RuntimeClass). */
  targetBuild?: number;
}

function windowsBuildLabel(build: number): string {
  return `10.0.${build}`;
}

/** Process isolation as the node's runtime decides it (containerd/platforms). */
function hostStarts(hostBuild: number, imageBuild: number): boolean {
  if (hostBuild < 20348) return hostBuild === imageBuild;
  return imageBuild >= 20348 && imageBuild <= hostBuild;
}

function buildOf(osVersion: string): number {
  return Number(osVersion.split('.')[2]);
}

/** Would the node pull and start this image? `pull`/`start` name the failing step. */
function runsOn(
  platforms: ImagePlatform[] | undefined,
  pool: PoolModel,
): 'ok' | 'pull' | 'start' {
  // The registry knows more than our `images` map: a missing answer still runs.
  if (!platforms) return 'ok';
  if (!pool.windows) {
    return platforms.some(p => p.os === 'linux') ? 'ok' : 'pull';
  }
  const windows = platforms.filter(p => p.os === 'windows');
  if (windows.length === 0) return 'pull';
  if (windows.some(p => !p.osVersion)) return 'ok';
  if (windows.some(p => hostStarts(pool.build!, buildOf(p.osVersion!)))) {
    return 'ok';
  }
  // A single manifest is pulled and fails at start; an index fails to resolve.
  return platforms.length === 1 ? 'start' : 'pull';
}

function tolerates(tolerations: TolerationSpec[], taint: TaintSpec): boolean {
  return tolerations.some(t => {
    if (t.effect && t.effect !== taint.effect) return false;
    const operator = t.operator ?? 'Equal';
    if (!t.key) return operator === 'Exists';
    if (t.key !== taint.key) return false;
    return operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
}

function blocking(taint: TaintSpec | undefined): taint is TaintSpec {
  return !!taint && taint.effect !== 'PreferNoSchedule';
}

function formatTaint(taint: TaintSpec): string {
  return `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${
    taint.effect
  }`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function iso(base: number, offsetSeconds: number): string {
  return new Date(base + offsetSeconds * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
}

// Fixed reference instant for timestamps: 2025-11-20T00:00:00Z.
const EPOCH = Date.UTC(2025, 10, 20);

// ---------------------------------------------------------------- Clusters

function windowsPoolName(sku: WindowsSku, taken: Set<string>): string {
  const candidates = [`np${sku.code}`];
  for (let k = 2; k < 1296; k++)
    candidates.push(`${sku.code}p${k.toString(36)}`);
  for (const name of candidates) {
    if (name.length <= 6 && !taken.has(name)) return name;
  }
  throw new Error(`no free Windows pool name for ${sku.osSku}`);
}

function generateCluster(
  rng: Rng,
  index: number,
  poolsPerCluster: number,
): ClusterModel {
  const region = REGIONS[index % REGIONS.length];
  const environment = rng.pick(ENVIRONMENTS);
  const k8s = rng.weighted(KUBERNETES_VERSIONS);
  const name = `aks-${region.code}-${environment}-${pad(index + 1, 3)}`;
  const cluster: Cluster = {
    name,
    kubernetesVersion: k8s.version,
    azure: {
      subscriptionId: `00000000-0000-0000-0000-${pad(1 + (index % 7), 12)}`,
      resourceGroup: `rg-${environment}-${region.code}-${pad(index + 1, 3)}`,
      location: region.location,
    },
    nodePools: [],
    objects: [],
  };
  const model: ClusterModel = {
    cluster,
    minor: k8s.minor,
    pools: [],
    runtimeClasses: new Map(),
    deployments: [],
    replicaSets: [],
    pods: [],
    events: [],
    podIp: 0,
  };

  const taken = new Set<string>();
  const addPool = (
    pool: NodePool,
    build: number | undefined,
    taint?: TaintSpec,
  ) => {
    taken.add(pool.name);
    if (taint) pool.taints = [formatTaint(taint)];
    cluster.nodePools.push(pool);
    const windows = pool.osType === 'Windows';
    const os = windows ? 'windows' : 'linux';
    const labels: Record<string, string> = {
      'kubernetes.io/os': os,
      'beta.kubernetes.io/os': os,
      agentpool: pool.name,
      'kubernetes.azure.com/agentpool': pool.name,
      'kubernetes.azure.com/mode': (pool.mode ?? 'User').toLowerCase(),
      // AKS labels the effective SKU, also when the pool was created without one.
      ...(pool.osSku || windows
        ? {
            'kubernetes.azure.com/os-sku':
              pool.osSku ??
              (windows && build === 17763 ? 'Windows2019' : 'Windows2022'),
          }
        : {}),
      ...(windows && build
        ? { 'node.kubernetes.io/windows-build': windowsBuildLabel(build) }
        : {}),
      ...(pool.labels ?? {}),
    };
    model.pools.push({
      pool,
      windows,
      build,
      labels,
      taint,
      vmssId: pad(rng.int(10000000, 99999999), 8),
    });
  };

  const system = rng.weighted(LINUX_SYSTEM_SKUS);
  addPool(
    {
      name: rng.chance(0.7) ? 'system' : 'nodepool1',
      osType: 'Linux',
      osSku: system.osSku,
      mode: 'System',
      count: rng.pick([2, 3, 3, 5]),
      vmSize: 'Standard_D4ds_v5',
      nodeImageVersion: rng.pick(system.nodeImages),
    },
    undefined,
    rng.chance(0.5)
      ? { key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' }
      : undefined,
  );
  if (poolsPerCluster >= 2) {
    const user = rng.weighted(LINUX_USER_SKUS);
    addPool(
      {
        name: 'nplinux',
        osType: 'Linux',
        osSku: user.osSku,
        mode: 'User',
        count: rng.int(3, 20),
        vmSize: rng.pick(LINUX_VM_SIZES),
        nodeImageVersion: rng.pick(user.nodeImages),
        labels: { workload: 'general' },
      },
      undefined,
    );
  }
  const validSkus = WINDOWS_SKUS.filter(
    sku => k8s.minor >= sku.minMinor && k8s.minor <= sku.maxMinor,
  );
  for (let p = 2; p < poolsPerCluster; p++) {
    const sku = rng.weighted(validSkus);
    const nodeImageVersion = rng.pick(sku.nodeImages);
    const [, revision] = /-\d{5}\.(\d+)\.\d{6}$/.exec(nodeImageVersion)!;
    const pool: NodePool = {
      name: windowsPoolName(sku, taken),
      osType: 'Windows',
      // Old pools created without osSKU get AKS's default (Windows2022 from 1.25).
      ...(sku.osSku === 'Windows2022' && rng.chance(0.05)
        ? {}
        : { osSku: sku.osSku }),
      mode: 'User',
      count: rng.int(1, 8),
      vmSize: rng.pick(WINDOWS_VM_SIZES),
      nodeImageVersion,
      ...(rng.chance(0.25)
        ? { kernelVersion: `10.0.${sku.build}.${revision}` }
        : {}),
      ...(rng.chance(0.3) ? { labels: { workload: 'windows' } } : {}),
    };
    const roll = rng.next();
    const taint: TaintSpec | undefined =
      roll < 0.68
        ? { key: 'os', value: 'windows', effect: 'NoSchedule' }
        : roll < 0.76
        ? { key: 'os', value: 'windows', effect: 'PreferNoSchedule' }
        : undefined;
    addPool(pool, sku.build, taint);
  }

  // RuntimeClasses for the Windows builds this cluster runs.
  const builds = new Set(model.pools.map(pool => pool.build).filter(Boolean));
  for (const runtimeClass of RUNTIME_CLASSES) {
    if (!builds.has(runtimeClass.build)) continue;
    const spec = {
      nodeSelector: {
        'kubernetes.io/os': 'windows',
        'node.kubernetes.io/windows-build': windowsBuildLabel(
          runtimeClass.build,
        ),
      },
      tolerations: [
        {
          key: 'os',
          operator: 'Equal',
          value: 'windows',
          effect: 'NoSchedule',
        },
      ],
    };
    model.runtimeClasses.set(runtimeClass.name, spec);
    cluster.objects!.push({
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: runtimeClass.name },
      handler: 'runhcs-wcow-process',
      scheduling: spec,
    });
  }
  return model;
}

// ---------------------------------------------------------------- Services

function planService(
  rng: Rng,
  index: number,
  names: Map<string, number>,
  images: Record<string, ImageRecord>,
  options: Required<
    Pick<GenerateFleetOptions, 'windowsShare' | 'missingImageShare'>
  >,
): ServicePlan {
  const team = rng.pick(TEAMS);
  const noun = rng.pick(NOUNS);
  const stem = `${team}-${noun}`;
  const seen = (names.get(stem) ?? 0) + 1;
  names.set(stem, seen);
  const id = seen === 1 ? stem : `${stem}-${seen}`;
  const registry = REGISTRIES[index % REGISTRIES.length];
  const version = `${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
  const windows = rng.chance(options.windowsShare);
  const missing = rng.chance(options.missingImageShare);

  if (!windows) {
    const image = `${registry}/${team}/${id}:${version}`;
    const platforms = rng.chance(0.3) ? [linux(), linux('arm64')] : [linux()];
    if (!missing) images[image] = { platforms };
    const sidecar = rng.chance(0.2) ? rng.pick(LINUX_SIDECARS) : undefined;
    return {
      id,
      team,
      noun,
      windows,
      image,
      imagePlatforms: missing ? undefined : platforms,
      sidecar,
    };
  }

  const flavour = rng.weighted(WINDOWS_FLAVOURS);
  const single = flavour.builds.length === 1 && !flavour.linux;
  const tag = single ? `${version}-${BASE_TAG[flavour.builds[0]]}` : version;
  const image = `${registry}/${team}/${id}:${tag}`;
  const platforms: ImagePlatform[] = flavour.hostProcess
    ? [win()]
    : [
        ...(flavour.linux ? [linux()] : []),
        ...flavour.builds.map(build =>
          win(rng.pick(WINDOWS_OS_VERSIONS[build])),
        ),
      ];
  if (!missing) {
    // A few registries answer with an error instead of platforms.
    images[image] = rng.chance(0.01)
      ? { platforms: [], error: 'UNAUTHORIZED: authentication required' }
      : { platforms };
  }
  // The build the team means to run on (a 1803 image's team means 2019).
  const targetBuild = flavour.builds.length
    ? rng.pick(flavour.builds.map(build => (build === 17134 ? 17763 : build)))
    : undefined;
  const sidecars = targetBuild ? WINDOWS_SIDECARS[targetBuild] : undefined;
  const sidecar = sidecars && rng.chance(0.15) ? rng.pick(sidecars) : undefined;
  return {
    id,
    team,
    noun,
    windows,
    flavour,
    image,
    imagePlatforms: missing ? undefined : platforms,
    sidecar,
    targetBuild,
  };
}

interface SchedulingSpec {
  nodeSelector?: Record<string, string>;
  affinityIn?: Array<{ key: string; values: string[] }>;
  tolerations?: TolerationSpec[];
  runtimeClassName?: string;
  hostProcess?: boolean;
}

/** How the team wrote the pod spec's scheduling for this cluster. */
function schedulingFor(
  rng: Rng,
  plan: ServicePlan,
  model: ClusterModel,
): SchedulingSpec {
  if (!plan.windows) {
    const roll = rng.next();
    return roll < 0.6
      ? { nodeSelector: { 'kubernetes.io/os': 'linux' } }
      : roll < 0.65
      ? { nodeSelector: { agentpool: 'nplinux' } }
      : {};
  }
  const spec: SchedulingSpec = {};
  // The Windows pools this service's image starts on, if the team looked.
  const fitting = model.pools.filter(
    pool => pool.windows && runsOn(plan.imagePlatforms, pool) === 'ok',
  );
  const target =
    fitting.find(pool => pool.build === plan.targetBuild) ?? fitting[0];
  // Where some Windows pools cannot start the image, most teams have pinned
  // it (usually after the first CrashLoopBackOff); elsewhere fewer bother.
  const mixed =
    fitting.length < model.pools.filter(pool => pool.windows).length;
  const pinShare = mixed ? 0.75 : 0.35;
  const roll = rng.next();
  if (plan.flavour?.hostProcess) {
    spec.nodeSelector = { 'kubernetes.io/os': 'windows' };
    spec.hostProcess = true;
    spec.tolerations = [{ operator: 'Exists' }];
    return spec;
  }
  if (roll < 0.08 && plan.targetBuild) {
    const runtimeClass = RUNTIME_CLASSES.find(
      rc => rc.build === plan.targetBuild && model.runtimeClasses.has(rc.name),
    );
    if (runtimeClass) {
      spec.runtimeClassName = runtimeClass.name;
      return spec;
    }
  }
  if (roll < 0.18) {
    spec.affinityIn = [{ key: 'kubernetes.io/os', values: ['windows'] }];
    if (target?.build && rng.chance(pinShare)) {
      spec.affinityIn.push({
        key: 'node.kubernetes.io/windows-build',
        values: [windowsBuildLabel(target.build)],
      });
    }
  } else if (roll < 0.24) {
    spec.nodeSelector = { 'beta.kubernetes.io/os': 'windows' };
  } else if (roll < 0.28) {
    // No OS selector: relies on the image alone.
  } else {
    spec.nodeSelector = { 'kubernetes.io/os': 'windows' };
    const pin = rng.next();
    if (target && pin < pinShare * 0.7) {
      spec.nodeSelector['kubernetes.azure.com/os-sku'] =
        target.labels['kubernetes.azure.com/os-sku'];
    } else if (target?.build && pin < pinShare) {
      spec.nodeSelector['node.kubernetes.io/windows-build'] = windowsBuildLabel(
        target.build,
      );
    }
  }
  const tolerate = rng.next();
  spec.tolerations =
    tolerate < 0.75
      ? [
          {
            key: 'os',
            operator: 'Equal',
            value: 'windows',
            effect: 'NoSchedule',
          },
        ]
      : tolerate < 0.87
      ? [{ key: 'os', operator: 'Exists', effect: 'NoSchedule' }]
      : [];
  return spec;
}

function candidatePools(model: ClusterModel, scheduling: SchedulingSpec) {
  const runtimeClass = scheduling.runtimeClassName
    ? model.runtimeClasses.get(scheduling.runtimeClassName)
    : undefined;
  const selector = {
    ...(runtimeClass?.nodeSelector ?? {}),
    ...(scheduling.nodeSelector ?? {}),
  };
  const tolerations = [
    ...(scheduling.tolerations ?? []),
    ...(runtimeClass?.tolerations ?? []),
  ];
  const matching = model.pools.filter(
    pool =>
      Object.entries(selector).every(
        ([key, value]) => pool.labels[key] === value,
      ) &&
      (scheduling.affinityIn ?? []).every(req =>
        req.values.includes(pool.labels[req.key]),
      ),
  );
  const schedulable = matching.filter(
    pool => !blocking(pool.taint) || tolerates(tolerations, pool.taint),
  );
  return { matching, schedulable };
}

function unschedulableMessage(
  model: ClusterModel,
  matching: PoolModel[],
): string {
  const total = model.pools.reduce(
    (sum, pool) => sum + (pool.pool.count ?? 0),
    0,
  );
  const selectorMiss =
    total - matching.reduce((sum, pool) => sum + (pool.pool.count ?? 0), 0);
  const byTaint = new Map<string, number>();
  for (const pool of matching) {
    if (!blocking(pool.taint)) continue;
    const key = `{${pool.taint.key}: ${pool.taint.value ?? ''}}`;
    byTaint.set(key, (byTaint.get(key) ?? 0) + (pool.pool.count ?? 0));
  }
  const parts = [
    ...(selectorMiss > 0
      ? [`${selectorMiss} node(s) didn't match Pod's node affinity/selector`]
      : []),
    ...[...byTaint].map(
      ([taint, n]) => `${n} node(s) had untolerated taint ${taint}`,
    ),
  ];
  return `0/${total} nodes are available: ${parts.join(
    ', ',
  )}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

function nodeName(rng: Rng, pool: PoolModel): string {
  const instance = rng
    .int(0, Math.max((pool.pool.count ?? 1) - 1, 0))
    .toString(36);
  return pool.windows
    ? `aks${pool.pool.name}${instance.padStart(6, '0')}`
    : `aks-${pool.pool.name}-${pool.vmssId}-vmss${instance.padStart(6, '0')}`;
}

// What containerd reports when HCS refuses a process-isolated container of another build.
function hcsMismatch(container: string): string {
  return `failed to create containerd task: failed to create shim task: hcs::CreateComputeSystem ${container}: The container operating system does not match the host operating system.: unknown`;
}

function pullError(image: string): string {
  return `failed to pull and unpack image "${image}": no match for platform in manifest: not found`;
}

/** Adds one Deployment of a service to a cluster: the Deployment, its ReplicaSets, pods and events. */
function addDeployment(
  rng: Rng,
  plan: ServicePlan,
  model: ClusterModel,
  replicas: number,
  createdOffset: number,
): void {
  const scheduling = schedulingFor(rng, plan, model);
  const name = rng.chance(0.85)
    ? plan.id
    : `${plan.id}-${rng.pick(['svc', 'app', 'deploy'])}`;
  const namespace = plan.team;
  const labelOnTemplate = rng.chance(0.5);
  const containers: Array<Record<string, unknown>> = [
    {
      name: plan.noun,
      image: plan.image,
      ports: [{ containerPort: plan.windows ? 80 : 8080, protocol: 'TCP' }],
      resources: {
        requests: {
          cpu: rng.pick(['100m', '250m', '500m', '1']),
          memory: rng.pick(['256Mi', '512Mi', '1Gi', '2Gi']),
        },
      },
    },
  ];
  if (plan.sidecar) {
    containers.push({
      name: plan.sidecar.reference.split('/').pop()!.split(':')[0],
      image: plan.sidecar.asWritten ?? plan.sidecar.reference,
      resources: { requests: { cpu: '50m', memory: '64Mi' } },
    });
  }
  const podSpec: Record<string, unknown> = {
    ...(scheduling.nodeSelector
      ? { nodeSelector: scheduling.nodeSelector }
      : {}),
    ...(scheduling.affinityIn
      ? {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: scheduling.affinityIn.map(req => ({
                      key: req.key,
                      operator: 'In',
                      values: req.values,
                    })),
                  },
                ],
              },
            },
          },
        }
      : {}),
    ...(scheduling.tolerations?.length
      ? { tolerations: scheduling.tolerations }
      : {}),
    ...(scheduling.runtimeClassName
      ? { runtimeClassName: scheduling.runtimeClassName }
      : {}),
    ...(scheduling.hostProcess
      ? {
          hostNetwork: true,
          securityContext: {
            windowsOptions: {
              hostProcess: true,
              runAsUserName: 'NT AUTHORITY\\SYSTEM',
            },
          },
        }
      : {}),
    containers,
  };
  const appLabels: Record<string, string> = {
    app: name,
    ...(labelOnTemplate ? { 'backstage.io/kubernetes-id': plan.id } : {}),
  };
  const created = iso(EPOCH, -createdOffset);
  model.deployments.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      labels: {
        'backstage.io/kubernetes-id': plan.id,
        'app.kubernetes.io/part-of': plan.team,
      },
      creationTimestamp: created,
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: appLabels }, spec: podSpec },
    },
    status: { replicas, observedGeneration: rng.int(1, 40) },
  });

  const hash = rng.chars(rng.pick([9, 10]), NAME_ALPHABET);
  const replicaSet = `${name}-${hash}`;
  const rsMeta = (rsName: string, rsHash: string) => ({
    name: rsName,
    namespace,
    labels: { ...appLabels, 'pod-template-hash': rsHash },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name, controller: true },
    ],
  });
  if (rng.chance(0.2)) {
    // A previous rollout, scaled to zero.
    const oldHash = rng.chars(10, NAME_ALPHABET);
    model.replicaSets.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: rsMeta(`${name}-${oldHash}`, oldHash),
      spec: {
        replicas: 0,
        template: { metadata: { labels: appLabels }, spec: podSpec },
      },
    });
  }
  model.replicaSets.push({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: rsMeta(replicaSet, hash),
    spec: {
      replicas,
      template: { metadata: { labels: appLabels }, spec: podSpec },
    },
  });

  const { matching, schedulable } = candidatePools(model, scheduling);
  const weights = schedulable.map(pool => ({
    pool,
    weight: pool.pool.count ?? 1,
  }));
  const clusterIndex = Number(model.cluster.name.slice(-3));
  for (let r = 0; r < replicas; r++) {
    const podName = `${replicaSet}-${rng.chars(5, NAME_ALPHABET)}`;
    const started = iso(EPOCH, -rng.int(600, createdOffset));
    const noise = rng.next();
    const pool =
      weights.length && noise >= 0.01 ? rng.weighted(weights).pool : undefined;
    // As the API returns them (ObjectMeta types only what the rules read).
    const ownerReferences = [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: replicaSet,
        controller: true,
      },
    ];
    const pod: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        namespace,
        labels: { ...appLabels, 'pod-template-hash': hash },
        ownerReferences,
        creationTimestamp: started,
      },
      spec: pool ? { ...podSpec, nodeName: nodeName(rng, pool) } : podSpec,
    };
    if (!pool) {
      const message = weights.length
        ? `0/${model.pools.reduce(
            (s, p) => s + (p.pool.count ?? 0),
            0,
          )} nodes are available: ${rng.int(
            1,
            4,
          )} Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`
        : unschedulableMessage(model, matching);
      pod.status = {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message,
          },
        ],
        qosClass: 'Burstable',
      };
      model.events.push({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${podName}.${rng.chars(16, HEX)}`, namespace },
        involvedObject: { kind: 'Pod', name: podName, namespace },
        reason: 'FailedScheduling',
        type: 'Warning',
        message,
        count: rng.int(1, 300),
      });
    } else {
      model.podIp++;
      const statuses = containers.map(container => {
        const image = container.image as string;
        const platforms =
          image === plan.image ? plan.imagePlatforms : plan.sidecar?.platforms;
        const outcome = runsOn(platforms, pool);
        if (outcome === 'pull') {
          const message = pullError(image);
          model.events.push({
            apiVersion: 'v1',
            kind: 'Event',
            metadata: { name: `${podName}.${rng.chars(16, HEX)}`, namespace },
            involvedObject: { kind: 'Pod', name: podName, namespace },
            reason: 'Failed',
            type: 'Warning',
            message: `Failed to pull image "${image}": ${message}`,
            count: rng.int(1, 50),
          });
          return {
            name: container.name,
            image,
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ErrImagePull', message } },
          };
        }
        if (outcome === 'start') {
          return {
            name: container.name,
            image,
            ready: false,
            restartCount: rng.int(3, 40),
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: `back-off 5m0s restarting failed container=${container.name} pod=${podName}_${namespace}`,
              },
            },
            lastState: {
              terminated: {
                reason: 'StartError',
                exitCode: 128,
                message: hcsMismatch(container.name as string),
              },
            },
          };
        }
        if (noise < 0.03) {
          return {
            name: container.name,
            image,
            ready: false,
            restartCount: rng.int(1, 20),
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: `back-off 2m40s restarting failed container=${container.name} pod=${podName}_${namespace}`,
              },
            },
            lastState: { terminated: { reason: 'Error', exitCode: 1 } },
          };
        }
        return {
          name: container.name,
          image,
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: started } },
        };
      });
      const ready = statuses.every(status => status.ready);
      pod.status = {
        phase: 'Running',
        hostIP: `10.${clusterIndex % 250}.${rng.int(0, 3)}.${rng.int(4, 250)}`,
        podIP: `10.${100 + (clusterIndex % 150)}.${(model.podIp >> 8) & 255}.${
          model.podIp & 255
        }`,
        startTime: started,
        qosClass: 'Burstable',
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          {
            type: 'Ready',
            status: ready ? 'True' : 'False',
            ...(ready ? {} : { reason: 'ContainersNotReady' }),
          },
        ],
        containerStatuses: statuses,
      };
    }
    model.pods.push(pod);
  }
}

// ---------------------------------------------------------------- Fleet

/** Generates a realistic fleet; deterministic for given options. */
export function generateFleet(options: GenerateFleetOptions): Fleet {
  const {
    clusters: clusterCount,
    poolsPerCluster,
    services,
    podsPerService = 10,
    seed,
    windowsShare = 0.45,
    multiClusterShare = 0.1,
    missingImageShare = 0.03,
  } = options;
  if (
    !(clusterCount >= 1) ||
    !(poolsPerCluster >= 1) ||
    !(services >= 0) ||
    !(podsPerService >= 0)
  ) {
    throw new Error(
      'generateFleet: clusters and poolsPerCluster must be >= 1, services and podsPerService >= 0',
    );
  }
  const rng = new Rng(seed);
  const models = Array.from({ length: clusterCount }, (_, i) =>
    generateCluster(rng, i, poolsPerCluster),
  );
  const images: Record<string, ImageRecord> = {};
  for (const sidecar of [
    ...LINUX_SIDECARS,
    ...Object.values(WINDOWS_SIDECARS).flat(),
  ]) {
    images[sidecar.reference] = { platforms: sidecar.platforms };
  }
  const names = new Map<string, number>();
  for (let s = 0; s < services; s++) {
    const plan = planService(rng, s, names, images, {
      windowsShare,
      missingImageShare,
    });
    // Mostly, a Windows service lives where a pool can start its image (it
    // would never have worked elsewhere); the rest are the fleet's accidents.
    const careful = plan.windows && rng.chance(0.85);
    const fits = (model: ClusterModel) =>
      !careful ||
      model.pools.some(
        pool => pool.windows && runsOn(plan.imagePlatforms, pool) === 'ok',
      );
    const clusterFrom = (first: number) => {
      for (let k = 0; k < clusterCount; k++) {
        const model = models[(first + k) % clusterCount];
        if (fits(model)) return model;
      }
      return models[first % clusterCount];
    };
    const home = clusterFrom(s % clusterCount);
    const createdOffset = rng.int(3600, 400 * 86400);
    let second: ClusterModel | undefined;
    if (clusterCount > 1 && rng.chance(multiClusterShare)) {
      second = clusterFrom(models.indexOf(home) + rng.int(1, clusterCount - 1));
      if (second === home) second = undefined;
    }
    if (second) {
      addDeployment(
        rng,
        plan,
        home,
        Math.ceil(podsPerService / 2),
        createdOffset,
      );
      addDeployment(
        rng,
        plan,
        second,
        Math.floor(podsPerService / 2),
        createdOffset,
      );
    } else {
      addDeployment(rng, plan, home, podsPerService, createdOffset);
    }
  }
  for (const model of models) {
    model.cluster.objects!.push(
      ...model.deployments,
      ...model.replicaSets,
      ...model.pods,
      ...model.events,
    );
  }
  // Sorted keys: a stable, readable `images` map.
  const sortedImages: Record<string, ImageRecord> = {};
  for (const key of Object.keys(images).sort()) sortedImages[key] = images[key];
  return {
    apiVersion: 'winready/v1',
    kind: 'Fleet',
    metadata: { name: options.name ?? `bench-${seed}` },
    clusters: models.map(model => model.cluster),
    images: sortedImages,
  };
}

/** Counts of what a fleet holds, for reports. */
export interface FleetStats {
  clusters: number;
  pools: number;
  windowsPools: number;
  services: number;
  deployments: number;
  replicaSets: number;
  pods: number;
  pendingPods: number;
  events: number;
  objects: number;
  images: number;
  missingImages: number;
  windowsPoolsBySku: Record<string, number>;
}

export function fleetStats(fleet: Fleet): FleetStats {
  const stats: FleetStats = {
    clusters: fleet.clusters.length,
    pools: 0,
    windowsPools: 0,
    services: 0,
    deployments: 0,
    replicaSets: 0,
    pods: 0,
    pendingPods: 0,
    events: 0,
    objects: 0,
    images: Object.keys(fleet.images ?? {}).length,
    missingImages: 0,
    windowsPoolsBySku: {},
  };
  const services = new Set<string>();
  const referenced = new Set<string>();
  for (const cluster of fleet.clusters) {
    stats.pools += cluster.nodePools.length;
    for (const pool of cluster.nodePools) {
      if (pool.osType !== 'Windows') continue;
      stats.windowsPools++;
      const sku = pool.osSku ?? '(default)';
      stats.windowsPoolsBySku[sku] = (stats.windowsPoolsBySku[sku] ?? 0) + 1;
    }
    for (const object of cluster.objects ?? []) {
      stats.objects++;
      switch (object.kind) {
        case 'Deployment': {
          stats.deployments++;
          const id = object.metadata?.labels?.['backstage.io/kubernetes-id'];
          if (id) services.add(id);
          for (const container of object.spec?.template?.spec?.containers ??
            []) {
            referenced.add(container.image);
          }
          break;
        }
        case 'ReplicaSet':
          stats.replicaSets++;
          break;
        case 'Pod':
          stats.pods++;
          if (object.status?.phase === 'Pending') stats.pendingPods++;
          break;
        case 'Event':
          stats.events++;
          break;
        default:
      }
    }
  }
  stats.services = services.size;
  const known = new Set(Object.keys(fleet.images ?? {}));
  const shortForms = new Map(
    [...LINUX_SIDECARS]
      .filter(s => s.asWritten)
      .map(s => [s.asWritten!, s.reference]),
  );
  for (const image of referenced) {
    if (!known.has(image) && !known.has(shortForms.get(image) ?? '')) {
      stats.missingImages++;
    }
  }
  return stats;
}
