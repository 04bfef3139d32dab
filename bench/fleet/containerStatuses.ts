/**
 * What the node's runtime makes of each container of a scheduled pod: an
 * image without the node's platform fails to pull, a Windows image of
 * another build crashes at start with the HCS mismatch, a few crash on their
 * own, and the rest run.
 */
import type { ClusterModel, PoolModel } from './model';
import { podWarning } from './events';
import { runsOn } from './imagePlatforms';
import type { Rng } from './rng';
import type { ServicePlan } from './services';

/** The pod a container belongs to; `noise` is the pod's own roll of the dice. */
export interface ScheduledPod {
  name: string;
  namespace: string;
  started: string;
  noise: number;
}

// What containerd reports when HCS refuses a process-isolated container of another build.
function hcsMismatch(container: string): string {
  return `failed to create containerd task: failed to create shim task: hcs::CreateComputeSystem ${container}: The container operating system does not match the host operating system.: unknown`;
}

function pullError(image: string): string {
  return `failed to pull and unpack image "${image}": no match for platform in manifest: not found`;
}

function crashLooping(
  name: string,
  image: string,
  pod: ScheduledPod,
  restartCount: number,
  backOff: string,
  terminated: Record<string, unknown>,
) {
  return {
    name,
    image,
    ready: false,
    restartCount,
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${backOff} restarting failed container=${name} pod=${pod.name}_${pod.namespace}`,
      },
    },
    lastState: { terminated },
  };
}

/** The container's status on `pool`; a failed pull also records its Event. */
export function containerStatus(
  rng: Rng,
  model: ClusterModel,
  plan: ServicePlan,
  pool: PoolModel,
  pod: ScheduledPod,
  container: Record<string, unknown>,
) {
  const name = container.name as string;
  const image = container.image as string;
  const platforms =
    image === plan.image ? plan.imagePlatforms : plan.sidecar?.platforms;
  const outcome = runsOn(platforms, pool);
  if (outcome === 'pull') {
    const message = pullError(image);
    model.events.push(
      podWarning(
        rng,
        pod,
        'Failed',
        `Failed to pull image "${image}": ${message}`,
        50,
      ),
    );
    return {
      name,
      image,
      ready: false,
      restartCount: 0,
      state: { waiting: { reason: 'ErrImagePull', message } },
    };
  }
  if (outcome === 'start') {
    return crashLooping(name, image, pod, rng.int(3, 40), '5m0s', {
      reason: 'StartError',
      exitCode: 128,
      message: hcsMismatch(name),
    });
  }
  if (pod.noise < 0.03) {
    return crashLooping(name, image, pod, rng.int(1, 20), '2m40s', {
      reason: 'Error',
      exitCode: 1,
    });
  }
  return {
    name,
    image,
    ready: true,
    restartCount: 0,
    state: { running: { startedAt: pod.started } },
  };
}
