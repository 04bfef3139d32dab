import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import { stringify } from 'yaml';
import { simulatorAppConfig } from './appConfig';
import { startAksSimulator, type RunningSimulator } from './startAksSimulator';

export interface CliArguments {
  file: string;
  port?: number;
  writeConfig?: string;
  caFile?: string;
  quiet: boolean;
}

export const USAGE =
  'usage: aks-simulator FILE [--port N] [--write-config FILE] [--ca-file FILE] [--quiet]';

/** Pure: the command line, or an Error naming what is wrong. */
export function parseArguments(argv: readonly string[]): CliArguments {
  const result: Partial<CliArguments> = { quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) {
        throw new Error(`${arg} needs a value\n${USAGE}`);
      }
      return next;
    };
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port must be 0-65535\n${USAGE}`);
      }
      result.port = port;
    } else if (arg === '--write-config') result.writeConfig = value();
    else if (arg === '--ca-file') result.caFile = value();
    else if (arg === '--quiet') result.quiet = true;
    else if (arg.startsWith('--') || result.file !== undefined) {
      throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    } else result.file = arg;
  }
  if (!result.file) throw new Error(`a fleet file is required\n${USAGE}`);
  return result as CliArguments;
}

/** What the CLI prints on stderr once the simulator listens. */
export function describe(sim: RunningSimulator, clusters: string[]): string {
  return [
    `aks-simulator listening on ${sim.url}`,
    `  ARM endpoint:      ${sim.armEndpoint}`,
    `  registry endpoint: ${sim.registryEndpoint}/v2/ (original host in ?ns=)`,
    `  kubernetes token:  ${sim.kubernetesToken}`,
    ...clusters.map(c => `  kubernetes ${c}: ${sim.kubernetesServer(c)}`),
    '',
  ].join('\n');
}

/**
 * `aks-simulator FILE [--port N] [--write-config FILE] [--ca-file FILE]`:
 * serves the fleet until SIGINT or SIGTERM.
 */
export async function run(argv: string[] = process.argv.slice(2)) {
  let args: CliArguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  let sim: RunningSimulator;
  try {
    const path = resolve(args.file);
    const fleet = parseFleet(readFileSync(path, 'utf8'), path);
    sim = await startAksSimulator({
      fleet,
      port: args.port,
      quiet: args.quiet,
    });
    const caFile = args.caFile ? resolve(args.caFile) : undefined;
    if (caFile) writeFileSync(caFile, sim.caPem, { mode: 0o644 });
    if (args.writeConfig) {
      const config = simulatorAppConfig(sim, fleet, { caFile });
      writeFileSync(
        resolve(args.writeConfig),
        `# Written by aks-simulator for ${sim.url}; do not commit.\n${stringify(
          config,
        )}`,
      );
    }
    process.stderr.write(
      describe(
        sim,
        fleet.clusters.map(c => c.name),
      ),
    );
    if (caFile) process.stderr.write(`  CA certificate:    ${caFile}\n`);
  } catch (error) {
    process.stderr.write(`aks-simulator: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const stop = (signal: string) => {
    process.stderr.write(`aks-simulator: ${signal}, stopping\n`);
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
