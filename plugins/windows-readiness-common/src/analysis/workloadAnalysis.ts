import type {
  KubernetesObject,
  NodeSelectorTerm,
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
import { imageFacts, poolFit, type Fit, type ImageFacts } from './imageFacts';

const OS_LABEL = 'kubernetes.io/os';
const BETA_OS_LABEL = 'beta.kubernetes.io/os';

/** How a workload asks for an OS: which label, and which value. */
export interface OsSelection {
  windows: boolean;
  linux: boolean;
  /** The labels through which it selects Windows. */
  windowsLabels: string[];
}

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
  involvesWindows: boolean;
  selected: PoolProfile[];
  eligible: PoolProfile[];
  compatible: PoolProfile[];
  fit: Map<string, Fit>;
  runsOn: PoolProfile[];
  signals: PodSignal[];
}

function osSelection(
  nodeSelector: Record<string, string>,
  terms: readonly NodeSelectorTerm[],
): OsSelection {
  const selection: OsSelection = {
    windows: false,
    linux: false,
    windowsLabels: [],
  };
  const note = (label: string, value: string) => {
    if (value === 'windows') {
      selection.windows = true;
      if (!selection.windowsLabels.includes(label)) {
        selection.windowsLabels.push(label);
      }
    }
    if (value === 'linux') selection.linux = true;
  };
  for (const label of [OS_LABEL, BETA_OS_LABEL]) {
    if (nodeSelector[label]) note(label, nodeSelector[label]);
  }
  for (const term of terms) {
    for (const requirement of term.matchExpressions ?? []) {
      if (
        requirement.operator === 'In' &&
        [OS_LABEL, BETA_OS_LABEL].includes(requirement.key) &&
        requirement.values?.length === 1
      ) {
        note(requirement.key, requirement.values[0]);
      }
    }
  }
  return selection;
}

function findRuntimeClass(
  objects: readonly KubernetesObject[],
  name: string,
): RuntimeClassObject | undefined {
  return objects.find(
    object => object.kind === 'RuntimeClass' && object.metadata?.name === name,
  ) as RuntimeClassObject | undefined;
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

  const images = workload.images.map(image => imageFacts(image, catalog));
  const selection = osSelection(nodeSelector, terms);
  const involvesWindows =
    images.some(image => image.windows) || selection.windows;

  const selected = missingRuntimeClass
    ? []
    : pools.filter(
        pool =>
          matchesNodeSelector(pool.labels, nodeSelector) &&
          matchesRequiredAffinity(pool.labels, terms, pool.nodeNames),
      );
  const eligible = selected.filter(
    pool => untoleratedTaints(pool.taints, tolerations).length === 0,
  );
  const fit = new Map(pools.map(pool => [pool.name, poolFit(images, pool)]));
  const compatible = selected.filter(pool => fit.get(pool.name) === 'yes');

  const poolNames = pools.map(pool => pool.name);
  const podPools = new Set(
    workload.pods
      .map(pod => pod.spec?.nodeName)
      .filter((name): name is string => !!name)
      .map(name => poolOfNodeName(name, poolNames))
      .filter((name): name is string => !!name),
  );
  const runsOn =
    podPools.size > 0
      ? pools.filter(pool => podPools.has(pool.name))
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
    involvesWindows,
    selected,
    eligible,
    compatible,
    fit,
    runsOn,
    signals: workload.pods.flatMap(pod => podSignals(pod, workload.events)),
  };
}
