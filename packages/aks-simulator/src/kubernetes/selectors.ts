import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';

/**
 * Pure: Kubernetes `labelSelector` and `fieldSelector` query parameters,
 * parsed and matched as the API server does.
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

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];

/** The field labels the API server supports per kind (beyond name/namespace). */
export const SUPPORTED_FIELDS: Record<string, readonly string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

const FIELD_TERM = /^([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*)$/;

/** Parses a field selector for a kind; unsupported fields are errors. */
export function parseFieldSelector(
  text: string,
  kind: string,
): FieldRequirement[] {
  if (text.trim() === '') return [];
  const supported = [...COMMON_FIELDS, ...(SUPPORTED_FIELDS[kind] ?? [])];
  return text.split(',').map(term => {
    const match = FIELD_TERM.exec(term.trim());
    if (!match) throw new SelectorError(`invalid field selector "${term}"`);
    const [, field, operator, value] = match;
    if (!supported.includes(field)) {
      throw new SelectorError(`field label not supported: ${field}`);
    }
    return { field, operator: operator === '!=' ? '!=' : '=', value };
  });
}

/** The text value of a field, '' when absent, as the API server compares. */
export function fieldValue(object: KubernetesObject, field: string): string {
  // Events: the `source` field label is source.component.
  const path =
    object.kind === 'Event' && field === 'source'
      ? ['source', 'component']
      : field.split('.');
  let value: unknown = object;
  for (const part of path) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  if (value === undefined || value === null) {
    return field === 'spec.unschedulable' || field === 'spec.hostNetwork'
      ? 'false'
      : '';
  }
  return String(value);
}

export function matchesFields(
  requirements: readonly FieldRequirement[],
  object: KubernetesObject,
): boolean {
  return requirements.every(requirement => {
    const value = fieldValue(object, requirement.field);
    return requirement.operator === '='
      ? value === requirement.value
      : value !== requirement.value;
  });
}
