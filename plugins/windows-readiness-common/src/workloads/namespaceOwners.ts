import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** One `windowsReadiness.namespaceOwners` entry: a namespace (exact, or a glob with `*` and `?`) and its owner. */
export interface NamespaceOwner {
  namespace: string;
  /** A full entity ref, `group:default/team-platform`. */
  owner: string;
}

export class NamespaceOwnersError extends Error {
  name = 'NamespaceOwnersError';
}

// Kubernetes namespace names are DNS labels; a pattern adds `*` and `?`.
const NAMESPACE_PATTERN = /^[a-z0-9*?]([-a-z0-9*?]{0,61}[a-z0-9*?])?$/;

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`^${body.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * Reads the `namespaceOwners` list (`[{ namespace, owner }]`); `where` names
 * it in errors (`windowsReadiness.namespaceOwners`, a file name). Owners
 * default to kind `group`, namespace `default`.
 */
export function parseNamespaceOwners(
  value: unknown,
  where: string,
): NamespaceOwner[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new NamespaceOwnersError(
      `${where} must be a list of { namespace, owner }, got ${typeof value}`,
    );
  }
  return value.map((entry, index) => {
    const at = `${where}[${index}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new NamespaceOwnersError(`${at} must be { namespace, owner }`);
    }
    const { namespace, owner } = entry as Record<string, unknown>;
    if (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace)) {
      throw new NamespaceOwnersError(
        `${at}.namespace must be a namespace name or a glob of one (a-z, 0-9, -, * and ?), got ${JSON.stringify(
          namespace,
        )}`,
      );
    }
    if (typeof owner !== 'string' || !owner.trim()) {
      throw new NamespaceOwnersError(`${at}.owner must be an entity ref`);
    }
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(owner.trim(), {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new NamespaceOwnersError(
        `${at}.owner is not an entity ref: ${(error as Error).message}`,
      );
    }
    return { namespace, owner: ref };
  });
}

/**
 * The owner of a namespace: an exact entry wins over a glob, then the first
 * glob listed that matches.
 */
export function namespaceOwnerOf(
  owners: readonly NamespaceOwner[],
): (namespace: string) => string | undefined {
  const exact = new Map<string, string>();
  const globs: Array<{ pattern: RegExp; owner: string }> = [];
  for (const { namespace, owner } of owners) {
    if (/[*?]/.test(namespace)) {
      globs.push({ pattern: globToRegExp(namespace), owner });
    } else if (!exact.has(namespace)) {
      exact.set(namespace, owner);
    }
  }
  return namespace =>
    exact.get(namespace) ??
    globs.find(glob => glob.pattern.test(namespace))?.owner;
}
