/**
 * Image platforms (the registry's answer about an image) and the node
 * runtime's verdict on them: would this pool pull and start the image?
 */
import type { ImageRecord } from '@winready/plugin-windows-readiness-common';
import type { PoolModel } from './model';

export type ImagePlatform = ImageRecord['platforms'][number];

export const win = (
  osVersion?: string,
  osFeatures?: string[],
): ImagePlatform => ({
  os: 'windows',
  architecture: 'amd64',
  ...(osVersion ? { osVersion } : {}),
  ...(osFeatures ? { osFeatures } : {}),
});
export const linux = (
  architecture = 'amd64',
  variant?: string,
): ImagePlatform => ({
  os: 'linux',
  architecture,
  ...(variant ? { variant } : {}),
});

/** Process isolation as the node's runtime decides it (containerd/platforms). */
function hostStarts(hostBuild: number, imageBuild: number): boolean {
  if (hostBuild < 20348) return hostBuild === imageBuild;
  return imageBuild >= 20348 && imageBuild <= hostBuild;
}

function buildOf(osVersion: string): number {
  return Number(osVersion.split('.')[2]);
}

/** Would the node pull and start this image? `pull`/`start` name the failing step. */
export function runsOn(
  platforms: ImagePlatform[] | undefined,
  pool: PoolModel,
): 'ok' | 'pull' | 'start' {
  // The registry knows more than our `images` map: a missing answer still runs.
  if (!platforms) return 'ok';
  if (!pool.windows) {
    return platforms.some(p => p.os === 'linux') ? 'ok' : 'pull';
  }
  const windows = platforms.filter(p => p.os === 'windows');
  if (windows.length === 0) return 'pull';
  if (windows.some(p => !p.osVersion)) return 'ok';
  if (windows.some(p => hostStarts(pool.build!, buildOf(p.osVersion!)))) {
    return 'ok';
  }
  // A single manifest is pulled and fails at start; an index fails to resolve.
  return platforms.length === 1 ? 'start' : 'pull';
}
