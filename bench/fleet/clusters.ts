/**
 * One AKS cluster: its name, version and Azure coordinates, its node pools,
 * and a RuntimeClass for each Windows build its pools run.
 */
import type { Cluster } from '@winready/plugin-windows-readiness-common';
import {
  ENVIRONMENTS,
  KUBERNETES_VERSIONS,
  REGIONS,
  RUNTIME_CLASSES,
  WINDOWS_SKUS,
} from './aksCatalog';
import {
  windowsBuildLabel,
  windowsToleration,
  type ClusterModel,
  type RuntimeClassScheduling,
} from './model';
import { pad } from './names';
import { addPool, linuxUserPool, systemPool, windowsPool } from './pools';
import type { Rng } from './rng';

export function generateCluster(
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
    daemonSets: [],
    replicaSets: [],
    pods: [],
    events: [],
    podIp: 0,
  };

  addPool(rng, model, systemPool(rng));
  if (poolsPerCluster >= 2) addPool(rng, model, linuxUserPool(rng));
  const validSkus = WINDOWS_SKUS.filter(
    sku => k8s.minor >= sku.minMinor && k8s.minor <= sku.maxMinor,
  );
  for (let p = 2; p < poolsPerCluster; p++) {
    const taken = new Set(cluster.nodePools.map(pool => pool.name));
    addPool(rng, model, windowsPool(rng, validSkus, taken));
  }
  addRuntimeClasses(model);
  return model;
}

/** RuntimeClasses for the Windows builds this cluster runs. */
function addRuntimeClasses(model: ClusterModel): void {
  const builds = new Set(model.pools.map(pool => pool.build).filter(Boolean));
  for (const runtimeClass of RUNTIME_CLASSES) {
    if (!builds.has(runtimeClass.build)) continue;
    const spec: RuntimeClassScheduling = {
      nodeSelector: {
        'kubernetes.io/os': 'windows',
        'node.kubernetes.io/windows-build': windowsBuildLabel(
          runtimeClass.build,
        ),
      },
      tolerations: [windowsToleration()],
    };
    model.runtimeClasses.set(runtimeClass.name, spec);
    model.cluster.objects!.push({
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: runtimeClass.name },
      handler: 'runhcs-wcow-process',
      scheduling: spec,
    });
  }
}
