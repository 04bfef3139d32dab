/**
 * The pods of a ReplicaSet, placed by the scheduler model: a pod no pool
 * admits stays Pending with a FailedScheduling event; a scheduled pod runs
 * on a node of a weighted-random admitting pool, with container statuses
 * that follow from its images and that node.
 */
import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';
import { containerStatus, type ScheduledPod } from './containerStatuses';
import { podWarning } from './events';
import type { ClusterModel, PoolModel } from './model';
import { NAME_ALPHABET, nodeName } from './names';
import type { Rng } from './rng';
import {
  candidatePools,
  insufficientCpuMessage,
  unschedulableMessage,
  type SchedulingSpec,
} from './scheduling';
import type { ServicePlan } from './services';
import { EPOCH, iso } from './time';

/** The ReplicaSet whose pods to add, and the spec they share. */
export interface ReplicaSetPods {
  plan: ServicePlan;
  model: ClusterModel;
  scheduling: SchedulingSpec;
  podSpec: Record<string, unknown>;
  containers: Array<Record<string, unknown>>;
  replicaSet: string;
  hash: string;
  namespace: string;
  appLabels: Record<string, string>;
  replicas: number;
  /** How long before EPOCH the Deployment was created, in seconds. */
  createdOffset: number;
}

export function addPods(rng: Rng, rs: ReplicaSetPods): void {
  const { plan, model, podSpec, containers, replicaSet, namespace } = rs;
  const { matching, schedulable } = candidatePools(model, rs.scheduling);
  const weights = schedulable.map(pool => ({
    pool,
    weight: pool.pool.count ?? 1,
  }));
  for (let r = 0; r < rs.replicas; r++) {
    const podName = `${replicaSet}-${rng.chars(5, NAME_ALPHABET)}`;
    const started = iso(EPOCH, -rng.int(600, rs.createdOffset));
    const noise = rng.next();
    // 1% stay Pending although a pool admits them: the pools are full.
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
        labels: { ...rs.appLabels, 'pod-template-hash': rs.hash },
        ownerReferences,
        creationTimestamp: started,
      },
      spec: pool ? { ...podSpec, nodeName: nodeName(rng, pool) } : podSpec,
    };
    const scheduled: ScheduledPod = {
      name: podName,
      namespace,
      started,
      noise,
    };
    if (!pool) {
      const message = weights.length
        ? insufficientCpuMessage(rng, model)
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
      model.events.push(
        podWarning(rng, scheduled, 'FailedScheduling', message, 300),
      );
    } else {
      pod.status = runningPodStatus(
        rng,
        model,
        plan,
        pool,
        scheduled,
        containers,
      );
    }
    model.pods.push(pod);
  }
}

/**
 * The status of a pod the scheduler placed on `pool`: Running, with the
 * next pod IP of the cluster and each container's status on that node.
 */
export function runningPodStatus(
  rng: Rng,
  model: ClusterModel,
  plan: ServicePlan,
  pool: PoolModel,
  scheduled: ScheduledPod,
  containers: Array<Record<string, unknown>>,
) {
  const clusterIndex = Number(model.cluster.name.slice(-3));
  model.podIp++;
  const statuses = containers.map(container =>
    containerStatus(rng, model, plan, pool, scheduled, container),
  );
  const ready = statuses.every(status => status.ready);
  return {
    phase: 'Running',
    hostIP: `10.${clusterIndex % 250}.${rng.int(0, 3)}.${rng.int(4, 250)}`,
    podIP: `10.${100 + (clusterIndex % 150)}.${(model.podIp >> 8) & 255}.${
      model.podIp & 255
    }`,
    startTime: scheduled.started,
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
