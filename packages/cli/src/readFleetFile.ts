import fs from 'node:fs';
import {
  buildOsSkuTable,
  FleetValidationError,
  parseFleet,
  type Fleet,
  type OsSkuOverride,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import { parse as parseYaml } from 'yaml';
import { CliError, errorMessage } from './exitCodes';

function readText(path: string, what: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${what} ${path}: ${errorMessage(error)}`);
  }
}

/** Reads and validates a fleet file; every failure is a CliError (exit 2). */
export function readFleetFile(path: string): Fleet {
  const text = readText(path, 'fleet file');
  try {
    return parseFleet(text, path);
  } catch (error) {
    if (error instanceof FleetValidationError) {
      // Its message names the file, the path inside it and the line.
      throw new CliError(error.message);
    }
    throw error;
  }
}

/**
 * The OS SKU table with the overrides of a YAML or JSON file (a list of
 * OsSkuInfo fields, matched by osSku) applied; without a file, the built-in
 * table.
 */
export function readOsSkuTable(
  path?: string,
  configOverrides: OsSkuOverride[] = [],
): OsSkuTable {
  if (path === undefined) {
    try {
      return buildOsSkuTable(configOverrides);
    } catch (error) {
      throw new CliError(`windowsReadiness.osSkus: ${errorMessage(error)}`);
    }
  }
  const text = readText(path, 'OS SKU overrides file');
  let overrides: unknown;
  try {
    overrides = parseYaml(text);
  } catch (error) {
    throw new CliError(`${path}: invalid YAML: ${errorMessage(error)}`);
  }
  if (!Array.isArray(overrides)) {
    throw new CliError(
      `${path}: expected a list of OS SKU overrides (each with an osSku)`,
    );
  }
  // buildOsSkuTable names the SKU; name the entry when there is none.
  const nameless = overrides.findIndex(
    item => typeof item?.osSku !== 'string' || item.osSku.trim() === '',
  );
  if (nameless >= 0) {
    throw new CliError(`${path}: [${nameless}]: an override needs an osSku`);
  }
  try {
    return buildOsSkuTable([
      ...configOverrides,
      ...(overrides as OsSkuOverride[]),
    ]);
  } catch (error) {
    throw new CliError(`${path}: ${errorMessage(error)}`);
  }
}
