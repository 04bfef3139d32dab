import {
  buildOsSkuTable,
  FLEET_LIMITS,
  FleetValidationError,
  parseFleet,
  yamlTooDeepAt,
  type Fleet,
  type OsSkuOverride,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import { parse as parseYaml } from 'yaml';
import { readBoundedText } from './boundedFile';
import { CliError, errorMessage } from './exitCodes';
import { DEFAULT_MAX_FILE_SIZE, MAX_FILE_SIZE_HINT } from './fileSize';

const readText = (path: string, what: string, maxBytes: number) =>
  readBoundedText(path, what, maxBytes, MAX_FILE_SIZE_HINT);

/** Reads and validates a fleet file; every failure is a CliError (exit 2). */
export function readFleetFile(
  path: string,
  maxBytes: number = DEFAULT_MAX_FILE_SIZE,
): Fleet {
  const text = readText(path, 'fleet file', maxBytes);
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
  maxBytes: number = DEFAULT_MAX_FILE_SIZE,
): OsSkuTable {
  if (path === undefined) {
    try {
      return buildOsSkuTable(configOverrides);
    } catch (error) {
      throw new CliError(`windowsReadiness.osSkus: ${errorMessage(error)}`);
    }
  }
  const text = readText(path, 'OS SKU overrides file', maxBytes);
  const deep = yamlTooDeepAt(text, FLEET_LIMITS.maxDepth);
  if (deep !== undefined) {
    throw new CliError(
      `${path}: line ${deep}: nested deeper than ${FLEET_LIMITS.maxDepth} levels`,
    );
  }
  let overrides: unknown;
  try {
    // A short list: aliases are not needed, and a bomb of them is refused.
    overrides = parseYaml(text, { maxAliasCount: 0 });
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
