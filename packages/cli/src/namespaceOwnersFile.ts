import {
  FLEET_LIMITS,
  NamespaceOwnersError,
  parseNamespaceOwners,
  yamlTooDeepAt,
  type NamespaceOwner,
} from '@winready/plugin-windows-readiness-common';
import { parse as parseYaml } from 'yaml';
import { readBoundedText } from './boundedFile';
import { CliError, errorMessage } from './exitCodes';
import { MAX_FILE_SIZE_HINT } from './fileSize';

/**
 * Reads `--namespace-owners FILE`: YAML (or JSON) with
 * `namespaceOwners: [{ namespace, owner }]`, as `windowsReadiness.namespaceOwners`
 * in the backend's configuration. Every failure is a CliError (exit 2) that
 * names the file and the entry.
 */
export function readNamespaceOwnersFile(
  path: string,
  maxBytes: number,
): NamespaceOwner[] {
  const text = readBoundedText(
    path,
    'namespace owners file',
    maxBytes,
    MAX_FILE_SIZE_HINT,
  );
  const deep = yamlTooDeepAt(text, FLEET_LIMITS.maxDepth);
  if (deep !== undefined) {
    throw new CliError(
      `${path}: line ${deep}: nested deeper than ${FLEET_LIMITS.maxDepth} levels`,
    );
  }
  let document: unknown;
  try {
    // A short list: aliases are not needed, and a bomb of them is refused.
    document = parseYaml(text, { maxAliasCount: 0 });
  } catch (error) {
    throw new CliError(`${path}: invalid YAML: ${errorMessage(error)}`);
  }
  if (
    !document ||
    typeof document !== 'object' ||
    Array.isArray(document) ||
    !('namespaceOwners' in document)
  ) {
    throw new CliError(
      `${path}: expected namespaceOwners: [{ namespace, owner }]`,
    );
  }
  try {
    return parseNamespaceOwners(
      (document as { namespaceOwners: unknown }).namespaceOwners,
      `${path}: namespaceOwners`,
    );
  } catch (error) {
    if (error instanceof NamespaceOwnersError) {
      throw new CliError(error.message);
    }
    throw error;
  }
}
