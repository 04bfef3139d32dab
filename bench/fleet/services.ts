/**
 * Services: who owns them, what they are called, and the image each runs,
 * with the registry's answer about it (entered into the fleet's `images` map
 * unless the service is one of those the registry has no answer for).
 */
import type { ImageRecord } from '@winready/plugin-windows-readiness-common';
import { linux, win, type ImagePlatform } from './imagePlatforms';
import {
  BASE_TAG,
  LINUX_SIDECARS,
  WINDOWS_FLAVOURS,
  WINDOWS_OS_VERSIONS,
  WINDOWS_SIDECARS,
  type SharedImage,
  type WindowsFlavour,
} from './images';
import type { GenerateFleetOptions } from './options';
import type { Rng } from './rng';

const TEAMS = [
  'payments',
  'orders',
  'catalog',
  'search',
  'identity',
  'billing',
  'reports',
  'logistics',
  'hr',
  'crm',
  'inventory',
  'pricing',
  'notify',
  'print',
  'ledger',
  'claims',
  'portal',
  'gateway',
  'tax',
  'fleet',
];
const NOUNS = [
  'api',
  'web',
  'worker',
  'sync',
  'indexer',
  'scheduler',
  'exporter',
  'importer',
  'renderer',
  'auth',
  'cache',
  'bridge',
  'agent',
  'portal',
  'jobs',
];
const REGISTRIES = [
  'contoso.azurecr.io',
  'fabrikamacr.azurecr.io',
  'woodgrove.azurecr.io',
  'tailspin.azurecr.io',
];

/** What the generator decided about a service, before any cluster sees it. */
export interface ServicePlan {
  id: string;
  team: string;
  noun: string;
  windows: boolean;
  flavour?: WindowsFlavour;
  /** The service's own image and the registry's answer (undefined: missing). */
  image: string;
  imagePlatforms?: ImagePlatform[];
  sidecar?: SharedImage;
  /** Windows: the build the team targets (drives pins, sidecars, RuntimeClass). */
  targetBuild?: number;
}

/**
 * Plans service `index`, recording its image's registry answer in `images`.
 * With `imageOf`, the service runs that earlier service's image (and
 * sidecar): it draws only its own name.
 */
export function planService(
  rng: Rng,
  index: number,
  names: Map<string, number>,
  images: Record<string, ImageRecord>,
  options: Required<
    Pick<GenerateFleetOptions, 'windowsShare' | 'missingImageShare'>
  >,
  imageOf?: ServicePlan,
): ServicePlan {
  const team = rng.pick(TEAMS);
  const noun = rng.pick(NOUNS);
  const stem = `${team}-${noun}`;
  const seen = (names.get(stem) ?? 0) + 1;
  names.set(stem, seen);
  const id = seen === 1 ? stem : `${stem}-${seen}`;
  if (imageOf) return { ...imageOf, id, team, noun };
  const registry = REGISTRIES[index % REGISTRIES.length];
  const version = `${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
  const windows = rng.chance(options.windowsShare);
  const missing = rng.chance(options.missingImageShare);

  if (!windows) {
    const image = `${registry}/${team}/${id}:${version}`;
    const platforms = rng.chance(0.3) ? [linux(), linux('arm64')] : [linux()];
    if (!missing) images[image] = { platforms };
    const sidecar = rng.chance(0.2) ? rng.pick(LINUX_SIDECARS) : undefined;
    return {
      id,
      team,
      noun,
      windows,
      image,
      imagePlatforms: missing ? undefined : platforms,
      sidecar,
    };
  }

  const flavour = rng.weighted(WINDOWS_FLAVOURS);
  const single = flavour.builds.length === 1 && !flavour.linux;
  const tag = single ? `${version}-${BASE_TAG[flavour.builds[0]]}` : version;
  const image = `${registry}/${team}/${id}:${tag}`;
  const platforms: ImagePlatform[] = flavour.hostProcess
    ? [win()]
    : [
        ...(flavour.linux ? [linux()] : []),
        ...flavour.builds.map(build =>
          win(rng.pick(WINDOWS_OS_VERSIONS[build])),
        ),
      ];
  if (!missing) {
    // A few registries answer with an error instead of platforms.
    images[image] = rng.chance(0.01)
      ? { platforms: [], error: 'UNAUTHORIZED: authentication required' }
      : { platforms };
  }
  // The build the team means to run on (a 1803 image's team means 2019).
  const targetBuild = flavour.builds.length
    ? rng.pick(flavour.builds.map(build => (build === 17134 ? 17763 : build)))
    : undefined;
  const sidecars = targetBuild ? WINDOWS_SIDECARS[targetBuild] : undefined;
  const sidecar = sidecars && rng.chance(0.15) ? rng.pick(sidecars) : undefined;
  return {
    id,
    team,
    noun,
    windows,
    flavour,
    image,
    imagePlatforms: missing ? undefined : platforms,
    sidecar,
    targetBuild,
  };
}
