import { resolve } from 'node:path';
import type {
  Fleet,
  OsSkuOverride,
} from '@winready/plugin-windows-readiness-common';
import type {
  SnapshotBuilder,
  SnapshotProgress,
} from '@winready/plugin-windows-readiness-node';
import { CliError, errorMessage } from './exitCodes';
import type { CliIo } from './io';
import { configLoader, liveSources } from './liveSources';

export interface LiveFleet {
  fleet: Fleet;
  /** `windowsReadiness.osSkus` of the config: corrections to the OS SKU table. */
  osSkuOverrides: OsSkuOverride[];
}

function describeProgress(progress: SnapshotProgress): string {
  switch (progress.phase) {
    case 'locate':
      return `found ${progress.total} cluster(s)`;
    case 'clusters':
      return `collected ${progress.done}/${progress.total} clusters (${progress.cluster})`;
    default:
      return `described ${progress.done}/${progress.total} images`;
  }
}

/**
 * Collects a fleet from the live sources an app-config describes, through
 * the same code the backend runs; progress goes to stderr.
 */
export async function collectLiveFleet(
  configPaths: string[],
  io: CliIo,
  /** Which clusters and images to collect (default all, and the services' images). */
  scope: Pick<
    Parameters<SnapshotBuilder['build']>[0] & object,
    'onlyClusters' | 'describeImagesOf' | 'alsoDescribe'
  > = {},
): Promise<LiveFleet> {
  if (configPaths.length === 0) {
    throw new CliError('--live needs at least one --config <app-config.yaml>');
  }
  const { ConfigSources } = configLoader();
  const { createSnapshotBuilder, readSourcesConfig } = liveSources();
  let sources;
  let config;
  try {
    config = await ConfigSources.toConfig(
      ConfigSources.default({
        // One run reads the files once: a watcher would keep the process
        // alive, and does after a missing or broken file.
        watch: false,
        rootDir: process.cwd(),
        argv: configPaths.flatMap(path => ['--config', resolve(path)]),
      }),
    );
    sources = readSourcesConfig(config);
  } catch (error) {
    throw new CliError(`Cannot use the config: ${errorMessage(error)}`);
  }
  try {
    const builder = createSnapshotBuilder({
      config: sources,
      rootConfig: config,
    });
    let lastImages = -1;
    const fleet = await builder.build({
      ...scope,
      onProgress: progress => {
        // Image progress ticks per image: print every tenth.
        if (progress.phase === 'images') {
          const step = Math.floor(
            (progress.done * 10) / Math.max(1, progress.total),
          );
          if (step === lastImages && progress.done !== progress.total) return;
          lastImages = step;
        }
        io.stderr(`winready: ${describeProgress(progress)}\n`);
      },
    });
    for (const error of fleet.errors ?? []) {
      io.stderr(`winready: ${error.source}: ${error.message}\n`);
    }
    for (const cluster of fleet.clusters) {
      for (const error of cluster.errors ?? []) {
        io.stderr(
          `winready: ${cluster.name}: ${error.source} ${
            error.resourcePath ?? ''
          }: ${error.message}\n`,
        );
      }
    }
    return { fleet, osSkuOverrides: sources.osSkus };
  } finally {
    config.close();
  }
}
