import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';

/**
 * Pure: Kubernetes `labelSelector` and `fieldSelector` query parameters,
 * parsed and matched as the API server does.
 */

export {
  SelectorError,
  parseLabelSelector,
  matchesLabels,
  type LabelRequirement,
} from '@winready/plugin-windows-readiness-common';
import { SelectorError } from '@winready/plugin-windows-readiness-common';

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
