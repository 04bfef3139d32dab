import { CliError } from './exitCodes';

/**
 * The size limit of input files: `--max-file-size`, else
 * WINREADY_MAX_FILE_SIZE, else DEFAULT_MAX_FILE_SIZE.
 */

/** 512 MB: a 200,000-pod fleet as JSON is about 270 MB. */
export const DEFAULT_MAX_FILE_SIZE = 512_000_000;
/** The longest string V8 holds (2^29 - 24 characters): a larger file cannot be read as text. */
export const MAX_TEXT_LENGTH = 2 ** 29 - 24;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
};

/**
 * Bytes from `1048576`, `300MB`, `1.5 GB` or `512MiB` (kB/MB/GB are decimal,
 * KiB/MiB/GiB binary); undefined when it is no size.
 */
export function parseFileSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

export const MAX_FILE_SIZE_HINT =
  'raise it with --max-file-size or WINREADY_MAX_FILE_SIZE';

/** The limit in force: the flag's, else the environment's, else the default. */
export function maxFileSize(
  flag: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (flag !== undefined) return flag;
  const text = env.WINREADY_MAX_FILE_SIZE;
  if (text === undefined || text === '') return DEFAULT_MAX_FILE_SIZE;
  const bytes = parseFileSize(text);
  if (bytes === undefined) {
    throw new CliError(
      `WINREADY_MAX_FILE_SIZE must be a size such as 300MB or 1048576, got ${JSON.stringify(
        text.slice(0, 40),
      )}`,
    );
  }
  return bytes;
}

/** Describes a byte count for messages: `536870888 bytes (512 MiB)`. */
export function describeSize(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 1
    ? `${bytes} bytes (${mb.toFixed(mb < 10 ? 1 : 0)} MB)`
    : `${bytes} bytes`;
}
