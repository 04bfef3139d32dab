import {
  effectiveOsSku,
  parseTaint,
  type NodePool,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import { DEFAULT_VM_SIZE } from './armModel';
import { nodeImageVersionFor, osTypeOfSku } from './nodeImages';
import {
  validateAgentPoolSettings,
  type AgentPoolSettings,
} from './agentPoolScaling';

/** Why AKS refuses an agent pool PUT. */
export interface AgentPoolRejection {
  status: 400 | 409;
  code: string;
  message: string;
}

const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
const VERSION = /^\d+\.\d+(\.\d+)?$/;
const MODES = ['System', 'User', 'Gateway'];
// Osskus AKS never lets you switch in place (facts 4.1).
const FROZEN_SKUS = ['windows2019', 'windows2022'];

function reject(
  code: string,
  message: string,
  status: 400 | 409 = 400,
): AgentPoolRejection {
  return { status, code, message };
}

function caseOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  return typeof value === 'string'
    ? allowed.find(a => a.toLowerCase() === value.toLowerCase())
    : undefined;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'string')
    ? Object.fromEntries(entries)
    : undefined;
}

/**
 * Pure: what an agent pool PUT body makes of the pool, checked roughly as
 * AKS does (facts 4.1, 4.2, 4.8): the REST name pattern, Windows names of at
 * most 6 characters, Windows pools in mode User, osType and osSKU of the same
 * OS, count 0-1000, valid taints, no reserved labels, no in-place OS change.
 */
export function validateAgentPoolPut(input: {
  name: string;
  body: unknown;
  existing?: NodePool;
  existingSettings?: AgentPoolSettings;
  kubernetesVersion?: string;
  osSkus: OsSkuTable;
}):
  | { pool: NodePool; settings: AgentPoolSettings }
  | { rejection: AgentPoolRejection } {
  const { name, body, existing, osSkus } = input;
  const properties = (body as { properties?: unknown } | undefined)?.properties;
  if (
    typeof properties !== 'object' ||
    properties === null ||
    Array.isArray(properties)
  ) {
    return {
      rejection: reject(
        'InvalidRequestContent',
        'The request content must be a JSON object with "properties".',
      ),
    };
  }
  const p = properties as Record<string, unknown>;
  const fail = (code: string, message: string) => ({
    rejection: reject(code, message),
  });

  if (!POOL_NAME.test(name)) {
    return fail(
      'InvalidParameter',
      `Agent pool name '${name}' is invalid: it must start with a lowercase letter, be at most 12 characters and contain only a-z and 0-9.`,
    );
  }
  const osType =
    p.osType === undefined
      ? existing?.osType ?? 'Linux'
      : caseOf(p.osType, ['Linux', 'Windows'] as const);
  if (!osType) {
    return fail(
      'InvalidParameter',
      `The value of parameter osType '${String(p.osType)}' is invalid.`,
    );
  }
  if (existing && existing.osType !== osType) {
    return fail(
      'OperationNotAllowed',
      `Changing osType of agent pool '${name}' from ${existing.osType} to ${osType} is not allowed.`,
    );
  }
  if (osType === 'Windows' && name.length > 6) {
    return fail(
      'InvalidParameter',
      `Windows agent pool name '${name}' can not be longer than 6 characters.`,
    );
  }
  if (p.osSKU !== undefined && (typeof p.osSKU !== 'string' || !p.osSKU)) {
    return fail('InvalidParameter', 'The value of parameter osSKU is invalid.');
  }
  const orchestratorVersion =
    p.orchestratorVersion === undefined
      ? existing?.orchestratorVersion
      : p.orchestratorVersion;
  if (
    orchestratorVersion !== undefined &&
    (typeof orchestratorVersion !== 'string' ||
      !VERSION.test(orchestratorVersion))
  ) {
    return fail(
      'InvalidParameter',
      `The value of parameter orchestratorVersion '${String(
        orchestratorVersion,
      )}' is invalid.`,
    );
  }
  const existingSku = existing
    ? effectiveOsSku(existing, input.kubernetesVersion) ??
      existing.osSku ??
      'Ubuntu'
    : undefined;
  const osSku =
    (p.osSKU as string | undefined) ??
    existingSku ??
    effectiveOsSku(
      { name, osType, orchestratorVersion } as NodePool,
      input.kubernetesVersion,
    ) ??
    'Ubuntu';
  const skuOs = osTypeOfSku(osSku, osSkus);
  if (skuOs && skuOs !== osType) {
    return fail(
      'InvalidOSSKU',
      `OSSKU='${osSku}' is invalid for OSType='${osType}'.`,
    );
  }
  if (
    existingSku &&
    existingSku.toLowerCase() !== osSku.toLowerCase() &&
    FROZEN_SKUS.includes(existingSku.toLowerCase())
  ) {
    return fail(
      'OperationNotAllowed',
      `Changing osSKU of agent pool '${name}' from ${existingSku} to ${osSku} is not supported; add a new agent pool instead.`,
    );
  }
  const mode =
    p.mode === undefined ? existing?.mode ?? 'User' : caseOf(p.mode, MODES);
  if (!mode) {
    return fail(
      'InvalidParameter',
      `The value of parameter mode '${String(p.mode)}' is invalid.`,
    );
  }
  if (osType === 'Windows' && mode !== 'User') {
    return fail(
      'InvalidParameter',
      `Windows agent pools must be mode User; '${name}' asks for ${mode}.`,
    );
  }
  const count = p.count === undefined ? existing?.count ?? 1 : p.count;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    count > 1000
  ) {
    return fail(
      'InvalidParameter',
      `The value of parameter count '${String(
        count,
      )}' is invalid: it must be an integer from 0 to 1000.`,
    );
  }
  const scaling = validateAgentPoolSettings(p, count, input.existingSettings);
  if ('rejection' in scaling) return scaling;
  const vmSize = p.vmSize ?? existing?.vmSize ?? DEFAULT_VM_SIZE;
  if (typeof vmSize !== 'string' || !vmSize) {
    return fail(
      'InvalidParameter',
      'The value of parameter vmSize is invalid.',
    );
  }
  const taints = p.nodeTaints ?? existing?.taints ?? [];
  if (
    !Array.isArray(taints) ||
    taints.some(taint => parseTaint(taint) === undefined)
  ) {
    return fail(
      'InvalidParameter',
      `The value of parameter nodeTaints is invalid: expected key=value:Effect, got ${JSON.stringify(
        taints,
      )}.`,
    );
  }
  const labels =
    p.nodeLabels === undefined || p.nodeLabels === null
      ? existing?.labels ?? {}
      : stringMap(p.nodeLabels);
  if (!labels) {
    return fail(
      'InvalidParameter',
      'The value of parameter nodeLabels must map label keys to strings.',
    );
  }
  const reserved = Object.keys(labels).find(key =>
    key.startsWith('kubernetes.azure.com/'),
  );
  if (reserved) {
    return fail(
      'InvalidParameter',
      `Label key '${reserved}' uses the reserved prefix kubernetes.azure.com/.`,
    );
  }

  const sameImage = existingSku?.toLowerCase() === osSku.toLowerCase();
  const pool: NodePool = {
    name,
    osType,
    osSku: existing && sameImage ? existing.osSku : osSku,
    mode,
    count,
    vmSize,
    nodeImageVersion: sameImage
      ? existing?.nodeImageVersion
      : nodeImageVersionFor(osType, osSku, osSkus),
    kernelVersion: sameImage ? existing?.kernelVersion : undefined,
    taints: taints as string[],
    labels,
    orchestratorVersion: orchestratorVersion as string | undefined,
  };
  // No undefined fields: they would show up as keys in answers and tests.
  for (const key of Object.keys(pool) as Array<keyof NodePool>) {
    if (pool[key] === undefined) delete pool[key];
  }
  return { pool, settings: scaling.settings };
}
