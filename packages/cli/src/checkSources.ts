import {
  checkManifests,
  manifestImages,
  type Cluster,
  type ManifestCheckResult,
  type ManifestDocument,
  type ManifestText,
} from '@winready/plugin-windows-readiness-common';
import { CliError } from './exitCodes';
import type { CliIo } from './io';
import { collectLiveFleet } from './liveFleet';
import { liveSources } from './liveSources';
import type { CommonOptions } from './options';
import { readFleetFile, readOsSkuTable } from './readFleetFile';

export interface CheckSourceOptions extends Omit<CommonOptions, 'format'> {
  cluster: string;
  fleet?: string;
  backend?: string;
  token?: string;
}

export interface CheckInput {
  texts: ManifestText[];
  documents: ManifestDocument[];
}

function findCluster(
  clusters: readonly Cluster[],
  name: string,
  where: string,
) {
  const cluster = clusters.find(c => c.name === name);
  if (!cluster) {
    const known = clusters.map(c => c.name).join(', ') || 'none';
    throw new CliError(`no cluster "${name}" ${where} (clusters: ${known})`);
  }
  return cluster;
}

/** The backend's plugin URL: a backend base URL gets the plugin's path. */
export function preflightBaseUrl(backend: string): string {
  const url = backend.replace(/\/+$/, '');
  return /\/api\/windows-readiness$/.test(url)
    ? url
    : `${url}/api/windows-readiness`;
}

/** `--fleet FILE`: the fleet file's cluster and its `images`. */
function fromFleet(
  input: CheckInput,
  options: CheckSourceOptions,
  file: string,
) {
  const fleet = readFleetFile(file);
  return checkManifests(
    input.documents,
    findCluster(fleet.clusters, options.cluster, `in ${file}`),
    {
      images: fleet.images,
      asOf: options.at,
      osSkus: readOsSkuTable(options.osSkus),
    },
  );
}

/** `--live`: the cluster from its sources, the manifests' images from their registries. */
async function fromLive(
  input: CheckInput,
  options: CheckSourceOptions,
  io: CliIo,
) {
  const live = await collectLiveFleet(options.config ?? [], io, {
    onlyClusters: [options.cluster],
    describeImagesOf: () => false,
    alsoDescribe: manifestImages(input.documents),
  });
  const cluster = findCluster(
    live.fleet.clusters,
    options.cluster,
    'found by the sources of the config',
  );
  return checkManifests(input.documents, cluster, {
    images: live.fleet.images,
    asOf: options.at,
    osSkus: readOsSkuTable(options.osSkus, live.osSkuOverrides),
    stale: cluster.reachable === false,
  });
}

/** `--backend URL`: the backend's stored cluster and image records; no Azure credentials here. */
async function fromBackend(
  input: CheckInput,
  options: CheckSourceOptions,
  backend: string,
) {
  if (options.osSkus) {
    throw new CliError(
      '--os-skus does not apply to --backend: the backend uses its own OS SKU table',
    );
  }
  const token = options.token ?? process.env.WINREADY_TOKEN;
  const { PreflightClient, PreflightError } = liveSources();
  const client = new PreflightClient({
    baseUrl: async () => preflightBaseUrl(backend),
    token: async () => token,
  });
  try {
    return await client.check({
      cluster: options.cluster,
      manifests: input.texts.map(({ path, content }) => ({ path, content })),
      ...(options.at ? { at: options.at.toISOString() } : {}),
    });
  } catch (error) {
    if (error instanceof PreflightError) throw new CliError(error.message);
    throw error;
  }
}

/** Judges the manifests against the cluster of exactly one source of pools. */
export async function checkAgainstSource(
  input: CheckInput,
  options: CheckSourceOptions,
  io: CliIo,
): Promise<ManifestCheckResult> {
  const sources = [options.fleet, options.live, options.backend].filter(
    Boolean,
  );
  if (sources.length !== 1) {
    throw new CliError(
      'give one source of pools: --fleet FILE, --live --config FILE or --backend URL',
    );
  }
  if (options.fleet) return fromFleet(input, options, options.fleet);
  if (options.live) return fromLive(input, options, io);
  return fromBackend(input, options, options.backend!);
}
