/** The command line of `yarn bench:evaluate` (see the usage in ../evaluate.ts). */
import { BENCH_FLEET_OPTIONS, type GenerateFleetOptions } from '../fleet';
import { readFleetSizeFlag, wholeNumber } from '../fleet/sizeFlags';

const DEFAULT_AS_OF = '2026-01-15';

export interface Args {
  json: boolean;
  check: boolean;
  runs: number;
  asOf: string;
  fleet: GenerateFleetOptions;
  /** Sizes measured, relative to `fleet` (clusters and services scaled). */
  scales: number[];
  measureFile?: string;
  /** `--measure-clusters DIR`: the per-cluster path over DIR's cluster files. */
  measureClusters?: string;
  writeFleet?: string;
}

/** The flags that size the generated fleet, by the option each sets. */

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    check: false,
    runs: 5,
    asOf: DEFAULT_AS_OF,
    fleet: { ...BENCH_FLEET_OPTIONS },
    scales: [1, 2, 4],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (readFleetSizeFlag(args.fleet, flag, value, 0)) continue;
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--check':
        args.check = true;
        break;
      case '--runs':
        args.runs = Math.max(1, wholeNumber(flag, value(), 0));
        break;
      case '--as-of':
        args.asOf = value();
        if (Number.isNaN(Date.parse(args.asOf))) {
          throw new Error(`--as-of needs a date, got ${args.asOf}`);
        }
        break;
      case '--seed':
        args.fleet.seed = value();
        break;
      case '--measure':
        args.measureFile = value();
        break;
      case '--measure-clusters':
        args.measureClusters = value();
        break;
      case '--scales':
        args.scales = parseScales(flag, value());
        break;
      case '--write-fleet':
        args.writeFleet = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

/** `1,2,4`: positive numbers, in the order given. */
function parseScales(flag: string, value: string | undefined): number[] {
  const scales = (value ?? '').split(',').map(Number);
  if (!value || scales.some(scale => !(scale > 0))) {
    throw new Error(`${flag} needs positive numbers like 1,2,4, got ${value}`);
  }
  return scales;
}

/** The fleet at `scale` times `base`: clusters and services scaled, pools per cluster and pods per service kept. */
export function scaledFleet(
  base: GenerateFleetOptions,
  scale: number,
): GenerateFleetOptions {
  return {
    ...base,
    clusters: Math.max(1, Math.round(base.clusters * scale)),
    services: Math.round(base.services * scale),
  };
}
