import type { AgentPoolRejection } from './agentPoolValidation';

/** The ARM agent pool fields the fleet file has no place for. */
export interface AgentPoolSettings {
  enableAutoScaling: boolean;
  minCount?: number;
  maxCount?: number;
  maxPods: number;
  availabilityZones?: string[];
}

export const DEFAULT_MAX_PODS = 30;
const ZONES = ['1', '2', '3'];

function invalid(message: string): { rejection: AgentPoolRejection } {
  return { rejection: { status: 400, code: 'InvalidParameter', message } };
}

function wholeNumber(value: unknown, min: number, max: number): boolean {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= min &&
    value <= max
  );
}

/**
 * Pure: autoscaling, maxPods and zones of an agent pool PUT, checked as AKS
 * does: min and max with autoscaling only, 0 <= min <= count <= max <= 1000,
 * maxPods 10-250, zones among 1-3 and fixed once the pool exists.
 */
export function validateAgentPoolSettings(
  properties: Record<string, unknown>,
  count: number,
  existing?: AgentPoolSettings,
): { settings: AgentPoolSettings } | { rejection: AgentPoolRejection } {
  const enableAutoScaling =
    properties.enableAutoScaling === undefined
      ? existing?.enableAutoScaling ?? false
      : properties.enableAutoScaling;
  if (typeof enableAutoScaling !== 'boolean') {
    return invalid('The value of parameter enableAutoScaling must be boolean.');
  }
  const settings: AgentPoolSettings = {
    enableAutoScaling,
    maxPods: DEFAULT_MAX_PODS,
  };
  if (enableAutoScaling) {
    const { minCount, maxCount } = properties;
    if (!wholeNumber(minCount, 0, 1000) || !wholeNumber(maxCount, 0, 1000)) {
      return invalid(
        'With enableAutoScaling, minCount and maxCount must be integers from 0 to 1000.',
      );
    }
    const [min, max] = [minCount as number, maxCount as number];
    if (min > max || count < min || count > max) {
      return invalid(
        `The count ${count} must lie within minCount ${min} and maxCount ${max}, and minCount must not exceed maxCount.`,
      );
    }
    Object.assign(settings, { minCount: min, maxCount: max });
  } else if (
    properties.minCount !== undefined ||
    properties.maxCount !== undefined
  ) {
    return invalid(
      'minCount and maxCount can only be set with enableAutoScaling: true.',
    );
  }
  const maxPods = properties.maxPods ?? existing?.maxPods ?? DEFAULT_MAX_PODS;
  if (!wholeNumber(maxPods, 10, 250)) {
    return invalid(
      `The value of parameter maxPods '${String(
        maxPods,
      )}' is invalid: it must be an integer from 10 to 250.`,
    );
  }
  settings.maxPods = maxPods as number;
  const zones = properties.availabilityZones ?? existing?.availabilityZones;
  if (zones !== undefined && zones !== null) {
    if (
      !Array.isArray(zones) ||
      zones.some(zone => typeof zone !== 'string' || !ZONES.includes(zone))
    ) {
      return invalid(
        `The value of parameter availabilityZones is invalid: expected zones among ${ZONES.join(
          ', ',
        )}.`,
      );
    }
    const sorted = [...new Set(zones as string[])].sort();
    const before = existing?.availabilityZones ?? [];
    if (existing && sorted.join(',') !== [...before].sort().join(',')) {
      return {
        rejection: {
          status: 400,
          code: 'OperationNotAllowed',
          message:
            'The availability zones of an existing agent pool cannot be changed.',
        },
      };
    }
    if (sorted.length > 0) settings.availabilityZones = sorted;
  }
  return { settings };
}
