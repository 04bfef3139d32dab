import type {
  KubernetesObject,
  RuntimeClassObject,
  Toleration,
} from '../model';
import type { ImageCatalog } from '../images/imageReference';
import {
  matchesNodeSelector,
  matchesRequiredAffinity,
} from '../scheduling/nodeSelection';
import { poolOfNodeName, type PoolProfile } from '../scheduling/poolProfile';
import { untoleratedTaints } from '../scheduling/taints';
import { podSignals, type PodSignal } from '../pods/podSignals';
import type { Workload } from '../workloads/workloads';
import {
  hostProcessImages,
  imageFacts,
  poolFit,
  type Fit,
  type ImageFacts,
} from './imageFacts';
import { osSelection, type OsSelection } from './osSelection';
import { windowsInvolvement, type WindowsInvolvement } from './workloadOs';

export type { OsSelection } from './osSelection';

/** Everything the checks need to know about one workload in one cluster. */
export interface WorkloadAnalysis {
  workload: Workload;
  pools: PoolProfile[];
  images: ImageFacts[];
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  runtimeClass?: RuntimeClassObject;
  /** Set when the pod names a RuntimeClass the cluster does not have. */
  missingRuntimeClass?: string;
  osSelection: OsSelection;
  /** Rule 1 and 2: yes, no, or not until the registry describes its images. */
  windows: WindowsInvolvement;
  /** `windows` is not `no`: it is judged as a Windows workload. */
  involvesWindows: boolean;
  selected: PoolProfile[];
  eligible: PoolProfile[];
  compatible: PoolProfile[];
  fit: Map<string, Fit>;
  runsOn: PoolProfile[];
  signals: PodSignal[];
}

function findRuntimeClass(
  objects: readonly KubernetesObject[],
  name: string,
): RuntimeClassObject | undefined {
  return objects.find(
    object => object.kind === 'RuntimeClass' && object.metadata?.name === name,
  ) as RuntimeClassObject | undefined;
}

/** The pool a node belongs to: by its Node object, else by its AKS name. */
export function poolOfNode(
  nodeName: string,
  pools: readonly PoolProfile[],
): PoolProfile | undefined {
  const byNode = pools.find(pool => pool.nodeNames.includes(nodeName));
  if (byNode) return byNode;
  const name = poolOfNodeName(
    nodeName,
    pools.map(pool => pool.name),
  );
  return pools.find(pool => pool.name === name);
}

export function analyzeWorkload(
  workload: Workload,
  pools: readonly PoolProfile[],
  clusterObjects: readonly KubernetesObject[],
  catalog: ImageCatalog,
): WorkloadAnalysis {
  const spec = workload.podSpec;
  const runtimeClassName = spec.runtimeClassName;
  const runtimeClass = runtimeClassName
    ? findRuntimeClass(clusterObjects, runtimeClassName)
    : undefined;
  // RuntimeClass admission merges its scheduling into every pod that names it.
  const nodeSelector = {
    ...(runtimeClass?.scheduling?.nodeSelector ?? {}),
    ...(spec.nodeSelector ?? {}),
  };
  const tolerations = [
    ...(spec.tolerations ?? []),
    ...(runtimeClass?.scheduling?.tolerations ?? []),
  ];
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? [];
  const missingRuntimeClass =
    runtimeClassName && !runtimeClass ? runtimeClassName : undefined;

  const exempt = hostProcessImages(spec);
  const images = workload.images.map(image =>
    imageFacts(image, catalog, exempt.has(image)),
  );
  const selection = osSelection(nodeSelector, terms);

  const selected = missingRuntimeClass
    ? []
    : pools.filter(
        pool =>
          matchesNodeSelector(pool.labels, nodeSelector) &&
          matchesRequiredAffinity(pool.labels, terms, pool.nodeNames),
      );
  const windows = windowsInvolvement(selected, images, selection);
  const eligible = selected.filter(
    pool => untoleratedTaints(pool.taints, tolerations).length === 0,
  );
  const fit = new Map(pools.map(pool => [pool.name, poolFit(images, pool)]));
  const compatible = selected.filter(pool => fit.get(pool.name) === 'yes');

  // Rule 6: the pools of the nodes its pods are on, else where it would go.
  const podPools = new Set(
    workload.pods
      .map(pod => pod.spec?.nodeName)
      .filter((name): name is string => !!name)
      .map(name => poolOfNode(name, pools))
      .filter((pool): pool is PoolProfile => !!pool),
  );
  const runsOn =
    podPools.size > 0
      ? pools.filter(pool => podPools.has(pool))
      : compatible.filter(
          pool => pool.osType === 'Windows' && eligible.includes(pool),
        );

  return {
    workload,
    pools: [...pools],
    images,
    nodeSelector,
    tolerations,
    runtimeClass,
    missingRuntimeClass,
    osSelection: selection,
    windows,
    involvesWindows: windows !== 'no',
    selected,
    eligible,
    compatible,
    fit,
    runsOn,
    signals: workload.pods.flatMap(pod => podSignals(pod, workload.events)),
  };
}
