import { defaultWindowsOsSku } from '../catalog/defaultOsSku.data';
import type { OsSkuInfo, OsSkuTable } from '../catalog/osSkus';
import type { KubernetesObject, NodePool } from '../model';
import { parseNodeImageVersion } from '../versions/nodeImageVersion';
import {
  parseKernelVersion,
  parseWindowsBuildLabel,
  type WindowsVersion,
} from '../versions/windowsVersion';
import { nodeLabel } from './poolNodes';

export type BuildSource = 'kernelVersion' | 'nodeImageVersion' | 'osSku';

/** Where a pool's OS SKU was read (docs/rules.md rule 5, in this order). */
export type OsSkuSource = 'arm' | 'nodeLabel' | 'build' | 'kubernetesDefault';

const OS_SKU_LABEL = 'kubernetes.azure.com/os-sku';
const WINDOWS_BUILD_LABEL = 'node.kubernetes.io/windows-build';

function minorOf(kubernetesVersion: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(kubernetesVersion ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * AKS's default when a Windows pool is created without an osSKU, from the
 * table in catalog/defaultOsSku.data.ts; the given SKU when there is one.
 */
export function effectiveOsSku(
  pool: NodePool,
  kubernetesVersion: string | undefined,
): string | undefined {
  if (pool.osSku) return pool.osSku;
  if (pool.osType !== 'Windows') return undefined;
  const minor = minorOf(pool.orchestratorVersion ?? kubernetesVersion);
  // Without a readable version, the default of the versions AKS supports today.
  return defaultWindowsOsSku(minor ?? 25).osSku;
}

/** The build the pool's nodes run, as the nodes or the node image say. */
export function observedBuild(
  pool: NodePool,
  nodes: readonly KubernetesObject[],
): { build?: WindowsVersion; source?: Exclude<BuildSource, 'osSku'> } {
  for (const node of nodes) {
    const fromNode = parseKernelVersion(node.status?.nodeInfo?.kernelVersion);
    if (fromNode) return { build: fromNode, source: 'kernelVersion' };
  }
  const fromPool = parseKernelVersion(pool.kernelVersion);
  if (fromPool) return { build: fromPool, source: 'kernelVersion' };
  const image = parseNodeImageVersion(pool.nodeImageVersion);
  if (image?.os === 'windows') {
    return {
      build: {
        major: 10,
        minor: 0,
        build: image.build,
        revision: image.revision,
      },
      source: 'nodeImageVersion',
    };
  }
  return {};
}

function skuOfBuild(build: number, osSkus: OsSkuTable): OsSkuInfo | undefined {
  return [...osSkus.values()].find(
    sku => sku.osType === 'Windows' && sku.build === build,
  );
}

/**
 * The OS SKU a pool runs: ARM `osSKU`, else the nodes'
 * `kubernetes.azure.com/os-sku` label, else the SKU of the build the nodes
 * run, else AKS's default for the Kubernetes version. A build no SKU has
 * leaves the SKU unknown rather than guessed.
 */
export function poolOsSku(
  pool: NodePool,
  nodes: readonly KubernetesObject[],
  kubernetesVersion: string | undefined,
  osSkus: OsSkuTable,
): { osSku?: string; source?: OsSkuSource } {
  if (pool.osSku) return { osSku: pool.osSku, source: 'arm' };
  if (pool.osType !== 'Windows') return {};
  const labelled = nodeLabel(nodes, OS_SKU_LABEL);
  if (labelled) return { osSku: labelled, source: 'nodeLabel' };
  const build =
    observedBuild(pool, nodes).build?.build ??
    parseWindowsBuildLabel(nodeLabel(nodes, WINDOWS_BUILD_LABEL))?.build;
  if (build !== undefined) {
    const sku = skuOfBuild(build, osSkus);
    return sku ? { osSku: sku.osSku, source: 'build' } : {};
  }
  return {
    osSku: effectiveOsSku(pool, kubernetesVersion),
    source: 'kubernetesDefault',
  };
}

/** The host build: nodes and node image first, else the OS SKU's build. */
export function poolHostBuild(
  pool: NodePool,
  nodes: readonly KubernetesObject[],
  osSkuInfo: OsSkuInfo | undefined,
): { build?: WindowsVersion; source?: BuildSource } {
  const observed = observedBuild(pool, nodes);
  if (observed.build) return observed;
  if (osSkuInfo?.build) {
    return {
      build: { major: 10, minor: 0, build: osSkuInfo.build },
      source: 'osSku',
    };
  }
  return {};
}
