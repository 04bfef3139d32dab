/**
 * How a team writes its service's pod spec for a cluster: the containers,
 * and the scheduling (selectors, affinity, tolerations, RuntimeClass,
 * HostProcess), more or less careful about the cluster's Windows pools.
 */
import { RUNTIME_CLASSES } from './aksCatalog';
import { runsOn } from './imagePlatforms';
import {
  windowsBuildLabel,
  windowsToleration,
  type ClusterModel,
} from './model';
import type { Rng } from './rng';
import type { SchedulingSpec } from './scheduling';
import type { ServicePlan } from './services';

/** How the team wrote the pod spec's scheduling for this cluster. */
export function schedulingFor(
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
      ? [windowsToleration()]
      : tolerate < 0.87
      ? [{ key: 'os', operator: 'Exists', effect: 'NoSchedule' }]
      : [];
  return spec;
}

/** The service's container and its sidecar, if it has one. */
export function containersFor(
  rng: Rng,
  plan: ServicePlan,
): Array<Record<string, unknown>> {
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
  return containers;
}

/** The pod spec: scheduling fields only where the team wrote them. */
export function podSpecFor(
  scheduling: SchedulingSpec,
  containers: Array<Record<string, unknown>>,
): Record<string, unknown> {
  return {
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
}
