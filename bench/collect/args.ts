/** The command line of `yarn bench:collect` (see the usage in ../collect.ts). */
import { COLLECT_FLEET_OPTIONS, type GenerateFleetOptions } from '../fleet';
import {
  FLEET_SIZE_FLAGS as COMMON_FLEET_SIZE_FLAGS,
  readFleetSizeFlag,
  wholeNumber,
  type FleetSizeOption,
} from '../fleet/sizeFlags';

export interface Args {
  json: boolean;
  /** `windowsReadiness.concurrency`; undefined keeps the config's (default 8). */
  concurrency?: number;
  /** `windowsReadiness.kubernetes.pageSize`. */
  pageSize: number;
  /** Measured JSON.parse runs of the floor (after 1 warm-up). */
  runs: number;
  fleet: GenerateFleetOptions;
  /** Heap limit of the simulator process (its YAML parse of the fleet file needs more than the default). */
  simulatorHeapMb: number;
  /** How long the simulator may take to load the fleet and listen. */
  startupTimeoutS: number;
  /** Profile the measuring child: `--cpu-prof` with the profile written here. */
  cpuProfDir?: string;
  /** Child mode: collect from the simulator this app-config fragment points at. */
  measureConfig?: string;
  /** Child mode: fetch the requests listed in this file and time JSON.parse over the bodies. */
  floorInput?: string;
}

/** The flags that size the generated fleet, by the option each sets. */
// The common size flags, plus the collect fleet's nodes per pool and images.
const FLEET_SIZE_FLAGS = new Map<string, FleetSizeOption>([
  ...COMMON_FLEET_SIZE_FLAGS,
  ['--nodes-per-pool', 'nodesPerPool'],
  ['--images', 'distinctImages'],
]);

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    pageSize: 500,
    runs: 5,
    fleet: { ...COLLECT_FLEET_OPTIONS },
    simulatorHeapMb: 12288,
    startupTimeoutS: 600,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (readFleetSizeFlag(args.fleet, flag, value, 0, FLEET_SIZE_FLAGS)) {
      continue;
    }
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--concurrency':
        args.concurrency = wholeNumber(flag, value(), 1);
        break;
      case '--page-size':
        args.pageSize = wholeNumber(flag, value(), 1);
        break;
      case '--runs':
        args.runs = wholeNumber(flag, value(), 1);
        break;
      case '--seed':
        args.fleet.seed = value();
        break;
      case '--simulator-heap-mb':
        args.simulatorHeapMb = wholeNumber(flag, value(), 256);
        break;
      case '--startup-timeout':
        args.startupTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--cpu-prof':
        args.cpuProfDir = value();
        if (!args.cpuProfDir) throw new Error('--cpu-prof needs a directory');
        break;
      case '--measure':
        args.measureConfig = value();
        break;
      case '--floor':
        args.floorInput = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}
