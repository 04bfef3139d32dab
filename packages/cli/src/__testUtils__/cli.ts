import { main } from '../index';
import { fixture } from './files';

/** The fixture fleet most command tests run on. */
export const FLEET = fixture('fleet.yaml');
/** The day the expected verdicts of the fixture were written for. */
export const AT = ['--at', '2026-11-01'];
/** The default format is a table, for people; the tests read the contract's JSON. */
export const JSON_FORMAT = ['--format', 'json'];

/*
 * The CLI loads a command's modules (the rules, the Azure SDK) when the
 * command runs. Each test file that runs it in process loads them once here,
 * before its tests, so that no test spends its own 5 s on that.
 */
beforeAll(() => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('../commands/evaluate');
  require('../commands/whatIf');
  require('../commands/check');
  require('../liveSources').liveSources();
  /* eslint-enable @typescript-eslint/no-require-imports */
}, 120_000);

/** Runs main in process and collects what it writes and its exit code. */
export async function cli(...argv: string[]) {
  return cliWithStdin(undefined, ...argv);
}

/** As `cli`, with `stdin` as standard input (for `-`). */
export async function cliWithStdin(
  stdin: string | undefined,
  ...argv: string[]
) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    ...(stdin === undefined
      ? {}
      : {
          stdin: async (maxBytes: number) => {
            if (Buffer.byteLength(stdin) > maxBytes) {
              throw new Error(`stdin holds more than ${maxBytes} bytes`);
            }
            return stdin;
          },
        }),
  });
  return { code, stdout, stderr };
}
