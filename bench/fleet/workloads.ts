/**
 * One Deployment of a service in a cluster: the Deployment, its current
 * ReplicaSet (and now and then a previous rollout's, scaled to zero), and
 * the pods the current ReplicaSet runs.
 */
import type { ClusterModel } from './model';
import { NAME_ALPHABET } from './names';
import { addPods } from './pods';
import { containersFor, podSpecFor, schedulingFor } from './podSpecs';
import type { Rng } from './rng';
import type { ServicePlan } from './services';
import { EPOCH, iso } from './time';

/** Adds one Deployment of a service to a cluster: the Deployment, its ReplicaSets, pods and events. */
export function addDeployment(
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
  const containers = containersFor(rng, plan);
  const podSpec = podSpecFor(scheduling, containers);
  const appLabels: Record<string, string> = {
    app: name,
    ...(labelOnTemplate ? { 'backstage.io/kubernetes-id': plan.id } : {}),
  };
  // Each object gets its own template, as the API would return them.
  const template = () => ({ metadata: { labels: appLabels }, spec: podSpec });
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
      template: template(),
    },
    status: { replicas, observedGeneration: rng.int(1, 40) },
  });

  const addReplicaSet = (rsHash: string, rsReplicas: number) => {
    // As the API returns them (ObjectMeta types only what the rules read).
    const ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'Deployment', name, controller: true },
    ];
    model.replicaSets.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-${rsHash}`,
        namespace,
        labels: { ...appLabels, 'pod-template-hash': rsHash },
        ownerReferences,
      },
      spec: { replicas: rsReplicas, template: template() },
    });
  };
  const hash = rng.chars(rng.pick([9, 10]), NAME_ALPHABET);
  // A previous rollout, scaled to zero.
  if (rng.chance(0.2)) addReplicaSet(rng.chars(10, NAME_ALPHABET), 0);
  addReplicaSet(hash, replicas);

  addPods(rng, {
    plan,
    model,
    scheduling,
    podSpec,
    containers,
    replicaSet: `${name}-${hash}`,
    hash,
    namespace,
    appLabels,
    replicas,
    createdOffset,
  });
}
