import type {
  OsSkuOption,
  OsSkusResponse,
} from '@winready/plugin-windows-readiness-common';

const services = (fit: number, noFit: number, unknown = 0) => ({
  fit,
  noFit,
  unknown,
  total: fit + noFit + unknown,
});

/** The built-in OS SKU table against the demo services (as of 2026-11-27). */
const SKUS: Omit<OsSkuOption, 'allowedOnCluster'>[] = [
  {
    osSku: 'Windows2019',
    osType: 'Windows',
    build: 17763,
    buildName: 'Windows Server 2019',
    baseImageTag: 'ltsc2019',
    successor: 'Windows2022',
    retirementDate: '2026-03-01',
    imageDeletionDate: '2027-04-01',
    minKubernetesVersion: '1.14',
    maxKubernetesVersion: '1.32',
    services: services(3, 1),
    notFitting: ['component:default/orders-legacy'],
  },
  {
    osSku: 'Windows2022',
    osType: 'Windows',
    build: 20348,
    buildName: 'Windows Server 2022',
    baseImageTag: 'ltsc2022',
    successor: 'Windows2025',
    retirementDate: '2027-03-15',
    imageDeletionDate: '2028-04-01',
    minKubernetesVersion: '1.23',
    maxKubernetesVersion: '1.34',
    services: services(2, 3, 1),
    notFitting: [
      'component:default/orders',
      'component:default/orders-legacy',
      'component:default/reports-job',
    ],
  },
  {
    osSku: 'Windows2025',
    osType: 'Windows',
    build: 26100,
    buildName: 'Windows Server 2025',
    baseImageTag: 'ltsc2025',
    minKubernetesVersion: '1.32',
    services: services(1, 4, 1),
    notFitting: [
      'component:default/catalog-web',
      'component:default/orders',
      'component:default/orders-legacy',
      'component:default/reports-job',
      'component:payments/fax-gateway',
    ],
  },
  {
    osSku: 'Ubuntu2204',
    osType: 'Linux',
    services: services(0, 0),
    notFitting: [],
  },
];

function minor(version: string): number[] {
  return version.split('.').slice(0, 2).map(Number);
}

function allowed(sku: OsSkuOption, version: string): boolean {
  const [major, min] = minor(version);
  const at = (v?: string) => (v ? minor(v) : undefined);
  const lo = at(sku.minKubernetesVersion);
  const hi = at(sku.maxKubernetesVersion);
  const cmp = (a: number[]) => major - a[0] || min - a[1];
  return (!lo || cmp(lo) >= 0) && (!hi || cmp(hi) <= 0);
}

const VERSIONS: Record<string, string> = {
  'aks-weu-legacy': '1.31.5',
  'aks-neu-modern': '1.33.2',
};

/** GET /v1/os-skus, with the verdicts for one demo cluster or without a cluster. */
export function osSkusFor(cluster?: string): OsSkusResponse {
  const kubernetesVersion = cluster ? VERSIONS[cluster] : undefined;
  return {
    ...(cluster ? { cluster: { name: cluster, kubernetesVersion } } : {}),
    evaluatedAt: '2026-11-27T10:50:00.000Z',
    items: SKUS.map(sku => ({
      ...sku,
      ...(kubernetesVersion && sku.osType === 'Windows'
        ? { allowedOnCluster: allowed(sku as OsSkuOption, kubernetesVersion) }
        : {}),
    })),
  };
}
