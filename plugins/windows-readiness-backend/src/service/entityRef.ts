import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

// Kind, namespace and name as the catalog writes them: no spaces, no control
// characters, at most 253 characters each.
const ENTITY_PART = /^[A-Za-z0-9][-A-Za-z0-9_.:]{0,252}$/;

/** `kind:namespace/name` from its parts; a malformed part is an InputError naming it. */
export function entityRefFromParts(
  parts: { kind: string; namespace: string; name: string },
  where = 'path parameter',
): string {
  for (const part of ['namespace', 'kind', 'name'] as const) {
    if (!ENTITY_PART.test(parts[part])) {
      throw new InputError(`${where} '${part}' is not a valid entity ${part}`);
    }
  }
  return stringifyEntityRef(parts);
}

/** An entity ref as users write it (kind defaults to component); malformed is an InputError. */
export function parseUserEntityRef(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length > 800) {
    throw new InputError(
      `${what} must be an entity ref of at most 800 characters`,
    );
  }
  let parsed;
  try {
    parsed = parseEntityRef(value, { defaultKind: 'component' });
  } catch {
    throw new InputError(
      `${what} must be an entity ref like component:default/payments`,
    );
  }
  return entityRefFromParts(parsed, what);
}
