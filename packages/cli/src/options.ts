import { statSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_FILE_SIZE, parseFileSize } from './fileSize';

export const FORMATS = ['json', 'table', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const FAIL_ON = ['blocked', 'at-risk'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Options both commands share. */
export interface CommonOptions {
  at?: Date;
  format: Format;
  failOn?: FailOn;
  osSkus?: string;
  live?: boolean;
  config?: string[];
  /** Bytes; see fileSize.ts for the default and WINREADY_MAX_FILE_SIZE. */
  maxFileSize?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A strict YYYY-MM-DD at 00:00 UTC. Date.parse would accept `2026-02-30`
 * (rolling into March) and local-time forms, which breaks reproducibility.
 */
export function parseAt(value: string): Date {
  const match = ISO_DATE.exec(value);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  const date = match ? new Date(Date.UTC(year, month - 1, day)) : undefined;
  if (
    !date ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new InvalidArgumentError(
      'Expected a calendar date as YYYY-MM-DD (counted from 00:00 UTC).',
    );
  }
  return date;
}

/**
 * A file that exists, checked while the options are read: before the config
 * loader and the live sources, which take seconds to load, are loaded.
 */
function existingFile(value: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(value).isFile();
  } catch {
    throw new InvalidArgumentError(`No such file: ${value}`);
  }
  if (!isFile) throw new InvalidArgumentError(`Not a file: ${value}`);
  return value;
}

/** Adds --at, --format, --fail-on and --os-skus to a command's options. */
export function commonOptions(): Option[] {
  return [
    new Option(
      '--at <date>',
      'count dates from this day (YYYY-MM-DD, UTC); default: now',
    ).argParser(parseAt),
    new Option('--format <format>', 'output format')
      .choices(FORMATS)
      .default('table'),
    new Option(
      '--fail-on <status>',
      'exit 1 if a service is (what-if: ends) at this status or worse',
    ).choices(FAIL_ON),
    new Option(
      '--os-skus <file>',
      'YAML or JSON list of OS SKU overrides (fields of the OS SKU table)',
    ),
    new Option(
      '--max-file-size <size>',
      `largest fleet or OS SKU file read, e.g. 300MB (default: WINREADY_MAX_FILE_SIZE, else ${
        DEFAULT_MAX_FILE_SIZE / 1e6
      }MB)`,
    ).argParser(value => {
      const bytes = parseFileSize(value);
      if (bytes === undefined) {
        throw new InvalidArgumentError(
          'Expected a size such as 300MB, 512MiB or 1048576 (bytes).',
        );
      }
      return bytes;
    }),
    new Option(
      '--live',
      'collect from the sources of --config (AKS, Kubernetes, registries) instead of a file',
    ),
    new Option(
      '--config <file>',
      'app-config file with a windowsReadiness block (repeatable; later files win)',
    ).argParser((value: string, previous: string[] = []) => [
      ...previous,
      existingFile(value),
    ]),
  ];
}
