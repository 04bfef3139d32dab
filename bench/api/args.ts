/** The command line of `yarn bench:api` (see the usage in ../api.ts). */
import { BENCH_FLEET_OPTIONS, type GenerateFleetOptions } from '../fleet';
import { readFleetSizeFlag, wholeNumber } from '../fleet/sizeFlags';

export type DatabaseChoice = 'sqlite' | 'postgres';

export interface Args {
  json: boolean;
  fleet: GenerateFleetOptions;
  database: DatabaseChoice;
  /** PostgreSQL server for `--database postgres` (databases get a unique prefix and are dropped at the end). */
  postgresUrl: string;
  /** Entity endpoint over many entities. */
  entityConnections: number;
  entityDurationS: number;
  /**
   * A second run of the entity endpoint over the same connections held to
   * this many requests a second (open loop): latency at a given traffic
   * rather than at saturation. 0 skips it.
   */
  entityRate: number;
  /** JSON and CSV reports. */
  reportConnections: number;
  reportDurationS: number;
  /** Same-entity comparison (windows-readiness entity endpoint vs Kubernetes backend), at 1 and N connections. */
  compareConnections: number;
  compareDurationS: number;
  /** What-ifs (`POST /v1/what-if`) at once. */
  whatIfConnections: number;
  /** Distinct OS SKU what-ifs (a pool each, first pass to Windows2025), each asked once: first answers, none cached. */
  whatIfRequests: number;
  /** Distinct taint what-ifs (`addTaint: os=windows:NoSchedule` on a pool each), each asked once. */
  taintRequests: number;
  /** The same what-ifs asked again for this long: answers the backend has cached. */
  whatIfDurationS: number;
  /** Per-request timeout of the load tool. */
  requestTimeoutS: number;
  /** Bounds of the set-up waits. */
  startupTimeoutS: number;
  catalogTimeoutS: number;
  refreshTimeoutS: number;
  /**
   * Object kinds the Kubernetes backend fetches: `served` (default) the 7
   * the simulator serves, with pod metrics skipped (it has no metrics API);
   * `all` the backend's 13 defaults and metrics, so that 6 kinds and the
   * metrics answer 404 (each logged as a warning by the Kubernetes backend).
   */
  kubernetesKinds: 'served' | 'all';
  /** Bound of the wait for the backend to go idle after each run. */
  drainTimeoutS: number;
  /**
   * A module the backend process loads before it starts (`-r`, TypeScript
   * allowed): to try a change to a plugin, e.g. a patched method, without
   * editing it.
   */
  backendRequire?: string;
  /** Write a CPU profile of the backend for each load run into this folder. */
  profileDir?: string;
  /** Keep the temporary folder (config, entities, logs) at the end. */
  keep: boolean;
}

const NUMBER_FLAGS = new Map<string, keyof Args>([
  ['--connections', 'entityConnections'],
  ['--duration', 'entityDurationS'],
  ['--rate', 'entityRate'],
  ['--report-connections', 'reportConnections'],
  ['--report-duration', 'reportDurationS'],
  ['--compare-connections', 'compareConnections'],
  ['--compare-duration', 'compareDurationS'],
  ['--what-if-connections', 'whatIfConnections'],
  ['--what-if-requests', 'whatIfRequests'],
  ['--taint-requests', 'taintRequests'],
  ['--what-if-duration', 'whatIfDurationS'],
  ['--request-timeout', 'requestTimeoutS'],
  ['--startup-timeout', 'startupTimeoutS'],
  ['--catalog-timeout', 'catalogTimeoutS'],
  ['--refresh-timeout', 'refreshTimeoutS'],
  ['--drain-timeout', 'drainTimeoutS'],
]);

/** Upper bounds, so that no option turns the run into an unbounded one. */
const MAX_CONNECTIONS = 500;
const MAX_DURATION_S = 300;
const MAX_WAIT_S = 3600;
const MAX_RATE = 100_000;
const MAX_WHAT_IFS = 10_000;

/** The fleet of `yarn bench:api`: the standard size and 2,000 workloads no catalog entity maps to. */
export const API_UNOWNED_WORKLOADS = 2000;

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    fleet: { ...BENCH_FLEET_OPTIONS, unownedWorkloads: API_UNOWNED_WORKLOADS },
    database: 'sqlite',
    postgresUrl:
      process.env.BENCH_API_POSTGRES_URL ??
      'postgresql://postgres@127.0.0.1:5432',
    entityConnections: 50,
    entityDurationS: 10,
    entityRate: 100,
    reportConnections: 1,
    reportDurationS: 10,
    compareConnections: 10,
    compareDurationS: 20,
    whatIfConnections: 20,
    whatIfRequests: 100,
    taintRequests: 20,
    whatIfDurationS: 10,
    requestTimeoutS: 60,
    startupTimeoutS: 300,
    catalogTimeoutS: 900,
    refreshTimeoutS: 1200,
    kubernetesKinds: 'served',
    drainTimeoutS: 300,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (readFleetSizeFlag(args.fleet, flag, value, 1)) continue;
    const numberOption = NUMBER_FLAGS.get(flag);
    if (numberOption) {
      let n = wholeNumber(flag, value(), flag === '--rate' ? 0 : 1);
      if (/connections/.test(flag)) n = Math.min(n, MAX_CONNECTIONS);
      else if (flag === '--rate') n = Math.min(n, MAX_RATE);
      else if (/requests/.test(flag)) n = Math.min(n, MAX_WHAT_IFS);
      else if (/timeout/.test(flag)) n = Math.min(n, MAX_WAIT_S);
      else n = Math.min(n, MAX_DURATION_S);
      (args as any)[numberOption] = n;
      continue;
    }
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--seed':
        args.fleet.seed = value();
        break;
      case '--unowned-workloads':
        args.fleet.unownedWorkloads = Math.min(
          wholeNumber(flag, value(), 0),
          1_000_000,
        );
        break;
      case '--database': {
        const choice = value();
        if (choice !== 'sqlite' && choice !== 'postgres') {
          throw new Error(`--database is sqlite or postgres, got ${choice}`);
        }
        args.database = choice;
        break;
      }
      case '--postgres-url':
        args.postgresUrl = value();
        break;
      case '--kubernetes-kinds': {
        const kinds = value();
        if (kinds !== 'served' && kinds !== 'all') {
          throw new Error(`--kubernetes-kinds is served or all, got ${kinds}`);
        }
        args.kubernetesKinds = kinds;
        break;
      }
      case '--backend-require':
        args.backendRequire = value();
        break;
      case '--profile':
        args.profileDir = value();
        break;
      case '--keep':
        args.keep = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}
