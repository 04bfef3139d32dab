/** The command line of `yarn bench:scale` (see the usage in ../scale.ts). */
import { resolve } from 'node:path';
import { BENCH_FLEET_OPTIONS, type GenerateFleetOptions } from '../fleet';
import { readFleetSizeFlag, wholeNumber } from '../fleet/sizeFlags';

/** The target fleet: 1,000 clusters, 10,000 pools, 500,000 pods. */
export const TARGET_FLEET: Readonly<GenerateFleetOptions> = {
  ...BENCH_FLEET_OPTIONS,
  clusters: 1000,
  poolsPerCluster: 10,
  services: 50_000,
  podsPerService: 10,
};

export interface Size {
  label: string;
  fleet: GenerateFleetOptions;
}

export interface Args {
  json: boolean;
  sizes: Size[];
  replicas: number;
  shards: number;
  shardsPerInstance: number;
  /** `windowsReadiness.concurrency`; the product's default when unset. */
  concurrency?: number;
  postgresUrl: string;
  /** Replica heap limit (MB): high enough not to cap what is measured. */
  heapMb: number;
  simulatorHeapMb: number;
  startupTimeoutS: number;
  cycleTimeoutS: number;
  /** Start the replicas at once instead of one after the other. */
  startTogether: boolean;
  /** A module every replica loads first (`--replica-require`). */
  replicaRequire?: string;
  /** Skip the one-replica phase. */
  noSingle: boolean;
  keep: boolean;
}

const number = (flag: string, value: string | undefined) => {
  const n = Number(value);
  if (!(n > 0))
    throw new Error(`${flag} needs a positive number, got ${value}`);
  return n;
};

export function parseArgs(argv: string[]): Args {
  const base: GenerateFleetOptions = { ...BENCH_FLEET_OPTIONS };
  let scales = [1, 2, 4];
  let target = false;
  const args: Omit<Args, 'sizes'> = {
    json: false,
    replicas: 3,
    shards: 12,
    shardsPerInstance: 1,
    postgresUrl:
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
      'postgresql://postgres@127.0.0.1:5432',
    heapMb: 4096,
    simulatorHeapMb: 16384,
    startupTimeoutS: 600,
    cycleTimeoutS: 1800,
    noSingle: false,
    startTogether: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (readFleetSizeFlag(base, flag, value, 1)) continue;
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--scale':
        scales = value()
          ?.split(',')
          .map(s => number(flag, s)) ?? [number(flag, undefined)];
        break;
      case '--target':
        target = true;
        break;
      case '--seed':
        base.seed = value();
        break;
      case '--replicas':
        args.replicas = wholeNumber(flag, value(), 1);
        break;
      case '--shards':
        args.shards = wholeNumber(flag, value(), 1);
        break;
      case '--shards-per-instance':
        args.shardsPerInstance = wholeNumber(flag, value(), 1);
        break;
      case '--concurrency':
        args.concurrency = wholeNumber(flag, value(), 1);
        break;
      case '--postgres-url':
        args.postgresUrl = value();
        break;
      case '--heap-mb':
        args.heapMb = wholeNumber(flag, value(), 256);
        break;
      case '--simulator-heap-mb':
        args.simulatorHeapMb = wholeNumber(flag, value(), 256);
        break;
      case '--startup-timeout':
        args.startupTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--cycle-timeout':
        args.cycleTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--start-together':
        args.startTogether = true;
        break;
      case '--replica-require':
        args.replicaRequire = resolve(value() ?? '');
        break;
      case '--no-single':
        args.noSingle = true;
        break;
      case '--keep':
        args.keep = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  const sizes: Size[] = target
    ? [{ label: 'target', fleet: { ...TARGET_FLEET, seed: base.seed } }]
    : scales.map(scale => ({
        label: `${scale}x`,
        fleet: {
          ...base,
          clusters: Math.max(1, Math.round(base.clusters * scale)),
          services: Math.max(1, Math.round(base.services * scale)),
        },
      }));
  return { ...args, sizes };
}
