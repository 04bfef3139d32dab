/**
 * Pure: Kubernetes label selectors (`app=web,tier in (a,b),!legacy`), parsed
 * and matched as the API server does. The Backstage Kubernetes plugin's
 * `backstage.io/kubernetes-label-selector` annotation uses the same syntax.
 */

export class SelectorError extends Error {
  name = 'SelectorError';
}

export type LabelRequirement =
  | { key: string; operator: 'exists' | '!exists' }
  | { key: string; operator: '=' | '!='; value: string }
  | { key: string; operator: 'in' | 'notin'; values: string[] };

const KEY =
  /^(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new SelectorError(`invalid label key "${key}"`);
  return key;
}

function checkValue(value: string): string {
  if (!VALUE.test(value)) {
    throw new SelectorError(`invalid label value "${value}"`);
  }
  return value;
}

/** Splits on commas that are not inside `( … )`. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) throw new SelectorError('unbalanced parentheses');
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) throw new SelectorError('unbalanced parentheses');
  terms.push(current);
  return terms.map(term => term.trim());
}

const SET_TERM = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/;
const EQUALITY_TERM = /^([^\s=!]+)\s*(==|=|!=)\s*(\S*)$/;

/** Parses a label selector; an empty one selects everything. */
export function parseLabelSelector(text: string): LabelRequirement[] {
  if (text.trim() === '') return [];
  return splitTerms(text).map(term => {
    if (term === '') throw new SelectorError('empty requirement');
    const set = SET_TERM.exec(term);
    if (set) {
      const values = set[3].split(',').map(value => checkValue(value.trim()));
      return {
        key: checkKey(set[1]),
        operator: set[2] as 'in' | 'notin',
        values,
      };
    }
    const equality = EQUALITY_TERM.exec(term);
    if (equality) {
      return {
        key: checkKey(equality[1]),
        operator: equality[2] === '!=' ? '!=' : '=',
        value: checkValue(equality[3]),
      };
    }
    if (term.startsWith('!')) {
      return { key: checkKey(term.slice(1).trim()), operator: '!exists' };
    }
    return { key: checkKey(term), operator: 'exists' };
  });
}

/** Whether labels satisfy every requirement (`!=` and `notin` match absence). */
export function matchesLabels(
  requirements: readonly LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const has = (key: string) =>
    labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key);
  return requirements.every(requirement => {
    const value = has(requirement.key) ? labels![requirement.key] : undefined;
    switch (requirement.operator) {
      case 'exists':
        return value !== undefined;
      case '!exists':
        return value === undefined;
      case '=':
        return value === requirement.value;
      case '!=':
        return value !== requirement.value;
      case 'in':
        return value !== undefined && requirement.values.includes(value);
      case 'notin':
        return value === undefined || !requirement.values.includes(value);
      default:
        return false;
    }
  });
}
