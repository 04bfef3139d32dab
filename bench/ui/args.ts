/** The command line of `yarn bench:ui` (see the usage in ../ui.ts). */
import { BENCH_FLEET_OPTIONS, type GenerateFleetOptions } from '../fleet';
import { readFleetSizeFlag, wholeNumber } from '../fleet/sizeFlags';

export interface Args {
  json: boolean;
  /** Measured navigations, after `warmup` unmeasured ones. */
  runs: number;
  warmup: number;
  fleet: GenerateFleetOptions;
  /** Port of the frontend dev server (0: a free one). */
  appPort: number;
  /** Port of the backend (0: a free one). */
  backendPort: number;
  /** The target for the median navigation → interactive, in ms. */
  targetMs: number;
  /** Heap limit of the portal's node processes (`--max-old-space-size`). */
  heapMb: number;
  /** Until the app and the backend answer. */
  startupTimeoutS: number;
  /** Until the catalog holds every Component and the report every service. */
  dataTimeoutS: number;
  /** Bound of one measured navigation (load, ready, click, blocked view). */
  runTimeoutS: number;
  /** Where the screenshot of the 5,000-service report goes ('' for none). */
  screenshot: string;
  /** Print the portal's log on stderr as it comes. */
  verbose: boolean;
  /**
   * Which frontend to measure: the dev server of `yarn start` (unminified,
   * React development mode), a production build served statically, or both.
   */
  frontend: 'dev' | 'build' | 'both';
  /** Port of the production build's static server (0: a free one). */
  buildPort: number;
  buildTimeoutS: number;
  /** Profile one more navigation per frontend into this dir (./profile.ts). */
  cpuProfileDir?: string;
}

export const DEFAULT_SCREENSHOT = 'docs/screenshots/report-5000.png';

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    runs: 5,
    warmup: 1,
    fleet: { ...BENCH_FLEET_OPTIONS },
    appPort: 0,
    backendPort: 0,
    targetMs: 1500,
    heapMb: 8192,
    startupTimeoutS: 600,
    dataTimeoutS: 900,
    runTimeoutS: 120,
    screenshot: DEFAULT_SCREENSHOT,
    verbose: false,
    frontend: 'both',
    buildPort: 0,
    buildTimeoutS: 900,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (readFleetSizeFlag(args.fleet, flag, value, 1)) continue;
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--runs':
        args.runs = wholeNumber(flag, value(), 1);
        break;
      case '--warmup':
        args.warmup = wholeNumber(flag, value(), 0);
        break;
      case '--seed': {
        const seed = value();
        if (!seed) throw new Error('--seed needs a value');
        args.fleet.seed = /^\d+$/.test(seed) ? Number(seed) : seed;
        break;
      }
      case '--app-port':
        args.appPort = wholeNumber(flag, value(), 0);
        break;
      case '--backend-port':
        args.backendPort = wholeNumber(flag, value(), 0);
        break;
      case '--target-ms':
        args.targetMs = wholeNumber(flag, value(), 1);
        break;
      case '--heap-mb':
        args.heapMb = wholeNumber(flag, value(), 512);
        break;
      case '--startup-timeout':
        args.startupTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--data-timeout':
        args.dataTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--run-timeout':
        args.runTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--screenshot': {
        const path = value();
        if (path === undefined) throw new Error('--screenshot needs a path');
        args.screenshot = path;
        break;
      }
      case '--no-screenshot':
        args.screenshot = '';
        break;
      case '--frontend': {
        const frontend = value();
        if (frontend !== 'dev' && frontend !== 'build' && frontend !== 'both') {
          throw new Error(`--frontend is dev, build or both, got ${frontend}`);
        }
        args.frontend = frontend;
        break;
      }
      case '--build-port':
        args.buildPort = wholeNumber(flag, value(), 0);
        break;
      case '--build-timeout':
        args.buildTimeoutS = wholeNumber(flag, value(), 1);
        break;
      case '--cpu-profile':
        args.cpuProfileDir = value();
        if (!args.cpuProfileDir)
          throw new Error('--cpu-profile needs a directory');
        break;
      case '--verbose':
        args.verbose = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (args.appPort && args.appPort === args.backendPort) {
    throw new Error('--app-port and --backend-port must differ');
  }
  return args;
}
