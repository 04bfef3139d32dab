import type { NodeSelectorRequirement, NodeSelectorTerm } from '../model';

export type Labels = Readonly<Record<string, string>>;

/** `nodeSelector`: every pair must be a label of the node. */
export function matchesNodeSelector(
  labels: Labels,
  selector: Record<string, string> | undefined,
): boolean {
  return Object.entries(selector ?? {}).every(
    ([key, value]) => labels[key] === String(value),
  );
}

function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

/** One requirement with the scheduler's semantics (NotIn and DoesNotExist match absent keys). */
export function matchesRequirement(
  labels: Labels,
  requirement: NodeSelectorRequirement,
): boolean {
  // Own keys only: `constructor` or `toString` are label keys, not methods.
  const value = Object.prototype.hasOwnProperty.call(labels, requirement.key)
    ? labels[requirement.key]
    : undefined;
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const actual = parseInteger(value);
      const bound = parseInteger(values[0]);
      if (actual === undefined || bound === undefined || values.length !== 1) {
        return false;
      }
      return requirement.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      // The API server rejects unknown operators, so such a pod never schedules.
      return false;
  }
}

/**
 * A field requirement: the API server accepts only `metadata.name` with In or
 * NotIn and exactly one value; anything else never schedules.
 */
function matchesField(
  nodeName: string,
  field: NodeSelectorRequirement,
): boolean {
  return (
    field.key === 'metadata.name' &&
    (field.operator === 'In' || field.operator === 'NotIn') &&
    field.values?.length === 1 &&
    matchesRequirement({ [field.key]: nodeName }, field)
  );
}

/**
 * A term matches when all its requirements do; an empty term matches nothing
 * (k8s NodeSelectorTerm). `matchFields` can only name `metadata.name`, which is
 * matched against the pool's node names when they are known.
 */
export function matchesTerm(
  labels: Labels,
  term: NodeSelectorTerm,
  nodeNames: readonly string[] = [],
): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const fieldsMatch =
    fields.length === 0 ||
    nodeNames.some(name => fields.every(field => matchesField(name, field)));
  return (
    fieldsMatch && expressions.every(req => matchesRequirement(labels, req))
  );
}

/** Required node affinity: the terms are ORed; no terms means no constraint. */
export function matchesRequiredAffinity(
  labels: Labels,
  terms: readonly NodeSelectorTerm[] | undefined,
  nodeNames: readonly string[] = [],
): boolean {
  if (!terms || terms.length === 0) return true;
  return terms.some(term => matchesTerm(labels, term, nodeNames));
}
