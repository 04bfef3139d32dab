/**
 * The fleet: clusters first, then each service planned and deployed to its
 * home cluster (and now and then to a second one), then the registry's
 * answers for every image, sorted.
 */
import type {
  Fleet,
  ImageRecord,
} from '@winready/plugin-windows-readiness-common';
import { generateCluster } from './clusters';
import { runsOn } from './imagePlatforms';
import { SHARED_IMAGE_REFERENCES, SHARED_IMAGES } from './images';
import type { ClusterModel } from './model';
import type { GenerateFleetOptions } from './options';
import { Rng } from './rng';
import { planService, type ServicePlan } from './services';
import { addUnownedWorkloads } from './unowned';
import { addDeployment } from './workloads';

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
    nodesPerPool,
    distinctImages,
    unownedWorkloads = 0,
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
  if (!Number.isInteger(unownedWorkloads) || unownedWorkloads < 0) {
    throw new Error(
      'generateFleet: unownedWorkloads must be a whole number >= 0',
    );
  }
  if (nodesPerPool !== undefined && !(nodesPerPool >= 1)) {
    throw new Error('generateFleet: nodesPerPool must be >= 1');
  }
  // Services [0, ownImages) get images of their own; the rest reuse one of theirs.
  const ownImages =
    distinctImages === undefined
      ? services
      : distinctImages - SHARED_IMAGE_REFERENCES;
  if (
    distinctImages !== undefined &&
    services > 0 &&
    !(ownImages >= 1 && ownImages <= services)
  ) {
    throw new Error(
      `generateFleet: distinctImages must be between ${
        SHARED_IMAGE_REFERENCES + 1
      } and services + ${SHARED_IMAGE_REFERENCES} (the shared sidecars)`,
    );
  }
  const rng = new Rng(seed);
  const models = Array.from({ length: clusterCount }, (_, i) =>
    generateCluster(rng, i, poolsPerCluster),
  );
  // After the draws, so that the rest of the fleet is drawn the same way.
  if (nodesPerPool !== undefined) {
    for (const model of models) {
      for (const pool of model.pools) pool.pool.count = nodesPerPool;
    }
  }
  const images: Record<string, ImageRecord> = {};
  for (const shared of SHARED_IMAGES) {
    images[shared.reference] = { platforms: shared.platforms };
  }
  const names = new Map<string, number>();
  const plans: ServicePlan[] = [];
  for (let s = 0; s < services; s++) {
    const imageOf =
      s < ownImages ? undefined : plans[rng.int(0, ownImages - 1)];
    const plan = planService(
      rng,
      s,
      names,
      images,
      { windowsShare, missingImageShare },
      imageOf,
    );
    if (!imageOf) plans.push(plan);
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
  // After every service, so that a fleet without them draws the same.
  if (unownedWorkloads > 0) {
    addUnownedWorkloads(rng, models, unownedWorkloads, images);
  }
  for (const model of models) {
    model.cluster.objects!.push(
      ...model.deployments,
      ...model.daemonSets,
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
