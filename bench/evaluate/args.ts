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
  measureFile?: string;
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
      case '--write-fleet':
        args.writeFleet = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}
