import type { Toleration } from '../model';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

const TAINT_EFFECTS: readonly string[] = [
  'NoSchedule',
  'PreferNoSchedule',
  'NoExecute',
];

// Same shape as ARM nodeTaints and `kubectl taint`: key[=value]:Effect. The
// key and value follow label syntax (alphanumeric at both ends), so spaces,
// `=` or a trailing `-` in a value make the text invalid, as kubectl says.
const TAINT_PATTERN =
  /^([A-Za-z0-9](?:[-A-Za-z0-9_./]*[A-Za-z0-9])?)(?:=((?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?))?:([A-Za-z]+)$/;

/** Parses `key=value:Effect`; undefined when the text is not a taint. */
export function parseTaint(text: unknown): Taint | undefined {
  if (typeof text !== 'string') return undefined;
  const match = TAINT_PATTERN.exec(text.trim());
  if (!match || !TAINT_EFFECTS.includes(match[3])) return undefined;
  return {
    key: match[1],
    value: match[2] === undefined || match[2] === '' ? undefined : match[2],
    effect: match[3] as TaintEffect,
  };
}

export function formatTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** PreferNoSchedule only steers the scheduler; the other two keep pods off. */
export function isBlockingTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/** The scheduler's rule (k8s.io/api core/v1 Toleration.ToleratesTaint). */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  const operator = toleration.operator || 'Equal';
  if (!toleration.key) {
    // An empty key with Exists tolerates everything; with Equal it is invalid.
    return operator === 'Exists';
  }
  if (toleration.key !== taint.key) return false;
  if (operator === 'Exists') return true;
  if (operator !== 'Equal') return false;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** The blocking taints that none of the tolerations tolerates. */
export function untoleratedTaints(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): Taint[] {
  return taints.filter(
    taint =>
      isBlockingTaint(taint) &&
      !tolerations.some(toleration => toleratesTaint(toleration, taint)),
  );
}

/** The toleration that exactly tolerates a taint, for remediation snippets. */
export function tolerationFor(taint: Taint): Toleration {
  return taint.value === undefined
    ? { key: taint.key, operator: 'Exists', effect: taint.effect }
    : {
        key: taint.key,
        operator: 'Equal',
        value: taint.value,
        effect: taint.effect,
      };
}
