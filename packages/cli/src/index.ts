/**
 * The `winready` command: evaluate and what-if from a fleet file, and check
 * manifests before deploy.
 *
 * @packageDocumentation
 */

import { Command, CommanderError, Option } from 'commander';
import type { CheckOptions } from './commands/check';
import type { WhatIfOptions } from './commands/whatIf';
import { CHECK_FORMATS } from './formats/check/formats';
import {
  CliError,
  errorMessage,
  EXIT_INTERNAL,
  EXIT_OK,
  EXIT_USAGE,
} from './exitCodes';
import { readAll, streamOutput, type CliIo } from './io';
import { commonOptions, type CommonOptions } from './options';
import packageJson from '../package.json';

export type { CliIo } from './io';

/*
 * Each command's module (the rules, the formats, the live sources) is loaded
 * when the command runs, not to print help or refuse an option: loading them
 * takes over a second.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const commands = {
  evaluate: lazy<typeof import('./commands/evaluate')>(
    () => require('./commands/evaluate'),
    () => import('./commands/evaluate'),
  ),
  whatIf: lazy<typeof import('./commands/whatIf')>(
    () => require('./commands/whatIf'),
    () => import('./commands/whatIf'),
  ),
  check: lazy<typeof import('./commands/check')>(
    () => require('./commands/check'),
    () => import('./commands/check'),
  ),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * A module loaded on first use. Run from source (Backstage's TypeScript hook,
 * Jest) it is required: Jest cannot `import()` without a Node flag. The built
 * package has no TypeScript to require; its build rewrites `import()` to the
 * module's file, whose exports Node hands over as `default` (CommonJS).
 */
function lazy<T extends object>(
  required: () => T,
  imported: () => Promise<T>,
): () => Promise<T> {
  return async () => {
    if (__filename.endsWith('.ts')) return required();
    const namespace = (await imported()) as T & { default?: T };
    return namespace.default ?? namespace;
  };
}

function createProgram(io: CliIo, setExitCode: (code: number) => void) {
  const program = new Command('winready')
    .description('Windows readiness of AKS services, from a fleet file.')
    .version(packageJson.version)
    // Throw instead of exiting, so that main decides the exit code and
    // tests can run the program in process.
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run winready --help for usage)');

  const evaluate = program
    .command('evaluate')
    .description('Evaluate every service and cluster of a fleet file.')
    .argument('[file]', 'fleet file (YAML or JSON); omit with --live');
  commonOptions().forEach(option => evaluate.addOption(option));
  evaluate.action(async (file: string | undefined, options: CommonOptions) =>
    setExitCode(
      await (await commands.evaluate()).evaluateCommand(file, options, io),
    ),
  );

  const whatIf = program
    .command('what-if')
    .description(
      'List the services that get worse if a pool moves to another OS SKU, or the workloads a taint added to or removed from a pool moves off or onto it.',
    )
    .argument('[file]', 'fleet file (YAML or JSON); omit with --live')
    .requiredOption('--cluster <name>', 'cluster of the pool')
    .requiredOption('--pool <name>', 'node pool to change')
    .addOption(
      new Option('--os-sku <sku>', 'OS SKU the pool moves to').conflicts([
        'addTaint',
        'removeTaint',
      ]),
    )
    .addOption(
      new Option(
        '--add-taint <taint>',
        'taint the pool gets: key[=value]:NoSchedule|PreferNoSchedule|NoExecute',
      ).conflicts('removeTaint'),
    )
    .addOption(
      new Option(
        '--remove-taint <taint>',
        'taint the pool loses: a key (every taint with it) or key[=value]:Effect',
      ),
    )
    .addOption(
      new Option(
        '--namespace-owners <file>',
        'owners of workloads by namespace, for a taint change (YAML with namespaceOwners: a list of namespace and owner)',
      ).conflicts('osSku'),
    );
  commonOptions().forEach(option => whatIf.addOption(option));
  whatIf.action(async (file: string | undefined, options: WhatIfOptions) =>
    setExitCode(
      await (await commands.whatIf()).whatIfCommand(file, options, io),
    ),
  );

  const check = program
    .command('check')
    .description(
      'Check Kubernetes manifests against the node pools of the cluster they will land on, before deploy.',
    )
    .argument(
      '<paths...>',
      'manifest files or folders (.yaml, .yml, .json, recursively), - for stdin',
    )
    .requiredOption(
      '--cluster <name>',
      'the cluster the manifests will land on',
    )
    .option('--fleet <file>', 'pools and images from a fleet file')
    .option(
      '--backend <url>',
      "pools and images from a windows-readiness backend's collected data",
    )
    .option(
      '--token <token>',
      'Backstage token for --backend (default: $WINREADY_TOKEN)',
    )
    .option(
      '--stdin-name <path>',
      'the path to report for manifests read from stdin',
      'stdin',
    );
  commonOptions()
    .filter(option => option.long !== '--format')
    .forEach(option => check.addOption(option));
  check.addOption(
    new Option('--format <format>', 'output format')
      .choices(CHECK_FORMATS)
      .default('table'),
  );
  check.action(async (paths: string[], options: CheckOptions) =>
    setExitCode(
      await (await commands.check()).checkCommand(paths, options, io),
    ),
  );
  return program;
}

/**
 * Runs the CLI on `argv` (the arguments after the command name) and resolves
 * to the exit code. Never exits the process itself.
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram(io, code => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help) already.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr(`winready: ${error.message}\n`);
      return error.exitCode;
    }
    const stack = (error as { stack?: unknown } | undefined)?.stack;
    const detail = typeof stack === 'string' ? stack : errorMessage(error);
    io.stderr(`winready: unexpected error (please report it): ${detail}\n`);
    return EXIT_INTERNAL;
  }
}

/** Entry point of bin/winready. */
export function run(): void {
  main(process.argv.slice(2), {
    stdout: streamOutput(process.stdout),
    stderr: text => process.stderr.write(text),
    stdin: maxBytes => readAll(process.stdin, maxBytes),
  }).then(code => {
    // Not process.exit: piped output must finish flushing first.
    process.exitCode = code;
  });
}
