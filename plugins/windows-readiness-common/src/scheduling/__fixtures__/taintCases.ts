import type { Toleration } from '../../model';
import type { Taint } from '../taints';

/**
 * Taints and the tolerations the scheduler matches them with
 * (k8s.io/api core/v1 Toleration.ToleratesTaint).
 */
export const taint = (key: string, value: string | undefined, effect: string) =>
  ({ key, value, effect } as Taint);

export const OS_WINDOWS = taint('os', 'windows', 'NoSchedule');
export const OS_LINUX = taint('os', 'linux', 'NoSchedule');
export const OS_NO_VALUE = taint('os', undefined, 'NoSchedule');
export const OS_WINDOWS_NOEXECUTE = taint('os', 'windows', 'NoExecute');
export const OS_WINDOWS_PREFER = taint('os', 'windows', 'PreferNoSchedule');
export const SPOT = taint(
  'kubernetes.azure.com/scalesetpriority',
  'spot',
  'NoSchedule',
);

/**
 * [case, toleration, taint, tolerated]. API validation also applies: an empty
 * key requires operator Exists, so an empty key with Equal tolerates nothing.
 */
export const TOLERATION_CASES: Array<[string, Toleration, Taint, boolean]> = [
  [
    'Equal, same key, value and effect',
    { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' },
    OS_WINDOWS,
    true,
  ],
  [
    'Equal, other value',
    { key: 'os', operator: 'Equal', value: 'linux', effect: 'NoSchedule' },
    OS_WINDOWS,
    false,
  ],
  [
    'Equal, other key',
    { key: 'sku', operator: 'Equal', value: 'windows', effect: 'NoSchedule' },
    OS_WINDOWS,
    false,
  ],
  [
    'Equal, key differs in case',
    { key: 'OS', operator: 'Equal', value: 'windows' },
    OS_WINDOWS,
    false,
  ],
  [
    'Equal, value differs in case',
    { key: 'os', operator: 'Equal', value: 'Windows' },
    OS_WINDOWS,
    false,
  ],
  [
    'no operator means Equal (same value)',
    { key: 'os', value: 'windows' },
    OS_WINDOWS,
    true,
  ],
  [
    'no operator means Equal (other value)',
    { key: 'os', value: 'linux' },
    OS_WINDOWS,
    false,
  ],
  [
    'no operator and no value vs a valued taint',
    { key: 'os' },
    OS_WINDOWS,
    false,
  ],
  [
    'Equal with empty value vs taint without value',
    { key: 'os', operator: 'Equal', value: '' },
    OS_NO_VALUE,
    true,
  ],
  [
    'Equal without value vs taint without value',
    { key: 'os', operator: 'Equal' },
    OS_NO_VALUE,
    true,
  ],
  [
    'Equal with empty value vs taint with empty value',
    { key: 'os', operator: 'Equal', value: '' },
    taint('os', '', 'NoSchedule'),
    true,
  ],
  [
    'Equal with a value vs taint without value',
    { key: 'os', operator: 'Equal', value: 'windows' },
    OS_NO_VALUE,
    false,
  ],
  [
    'Equal with empty value vs taint with a value',
    { key: 'os', operator: 'Equal', value: '' },
    OS_WINDOWS,
    false,
  ],
  [
    'Exists with key vs valued taint',
    { key: 'os', operator: 'Exists' },
    OS_WINDOWS,
    true,
  ],
  [
    'Exists with key vs taint without value',
    { key: 'os', operator: 'Exists' },
    OS_NO_VALUE,
    true,
  ],
  [
    'Exists with key and a value (value ignored)',
    { key: 'os', operator: 'Exists', value: 'linux' },
    OS_WINDOWS,
    true,
  ],
  [
    'Exists with another key',
    { key: 'sku', operator: 'Exists' },
    OS_WINDOWS,
    false,
  ],
  [
    'Exists, empty key: tolerates everything',
    { operator: 'Exists' },
    OS_WINDOWS,
    true,
  ],
  [
    'Exists, empty key: tolerates NoExecute',
    { key: '', operator: 'Exists' },
    OS_WINDOWS_NOEXECUTE,
    true,
  ],
  ['Exists, empty key: tolerates any key', { operator: 'Exists' }, SPOT, true],
  [
    'Exists, empty key, same effect',
    { operator: 'Exists', effect: 'NoExecute' },
    OS_WINDOWS_NOEXECUTE,
    true,
  ],
  [
    'Exists, empty key, other effect',
    { operator: 'Exists', effect: 'NoSchedule' },
    OS_WINDOWS_NOEXECUTE,
    false,
  ],
  [
    'empty key with Equal is invalid',
    { key: '', operator: 'Equal', value: 'windows' },
    OS_WINDOWS,
    false,
  ],
  [
    'empty key, no operator (Equal) is invalid',
    { value: 'windows' },
    OS_WINDOWS,
    false,
  ],
  [
    'empty key, Equal, no value vs taint without value',
    { operator: 'Equal' },
    OS_NO_VALUE,
    false,
  ],
  [
    'no effect matches NoSchedule',
    { key: 'os', operator: 'Equal', value: 'windows' },
    OS_WINDOWS,
    true,
  ],
  [
    'no effect matches NoExecute',
    { key: 'os', operator: 'Equal', value: 'windows' },
    OS_WINDOWS_NOEXECUTE,
    true,
  ],
  [
    'empty effect matches any effect',
    { key: 'os', operator: 'Exists', effect: '' },
    OS_WINDOWS_PREFER,
    true,
  ],
  [
    'NoSchedule does not cover NoExecute',
    { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' },
    OS_WINDOWS_NOEXECUTE,
    false,
  ],
  [
    'NoExecute does not cover NoSchedule',
    { key: 'os', operator: 'Exists', effect: 'NoExecute' },
    OS_WINDOWS,
    false,
  ],
  [
    'PreferNoSchedule does not cover NoSchedule',
    { key: 'os', operator: 'Exists', effect: 'PreferNoSchedule' },
    OS_WINDOWS,
    false,
  ],
  [
    'NoExecute with tolerationSeconds',
    {
      key: 'os',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
    OS_WINDOWS_NOEXECUTE,
    true,
  ],
  [
    'an unknown operator',
    { key: 'os', operator: 'In', value: 'windows' },
    OS_WINDOWS,
    false,
  ],
  [
    'a lower-case operator',
    { key: 'os', operator: 'exists' },
    OS_WINDOWS,
    false,
  ],
];

export const WINDOWS_TOLERATION: Toleration = {
  key: 'os',
  operator: 'Equal',
  value: 'windows',
  effect: 'NoSchedule',
};

/** [case, taints, tolerations, the taints left untolerated]. */
export const UNTOLERATED_CASES: Array<
  [string, Taint[], Toleration[], Taint[]]
> = [
  ['no taints', [], [WINDOWS_TOLERATION], []],
  ['no taints, no tolerations', [], [], []],
  ['an untolerated NoSchedule taint', [OS_WINDOWS], [], [OS_WINDOWS]],
  [
    'an untolerated NoExecute taint',
    [OS_WINDOWS_NOEXECUTE],
    [],
    [OS_WINDOWS_NOEXECUTE],
  ],
  ['PreferNoSchedule never blocks', [OS_WINDOWS_PREFER], [], []],
  ['a tolerated taint', [OS_WINDOWS], [WINDOWS_TOLERATION], []],
  [
    'a toleration for another value',
    [OS_LINUX],
    [WINDOWS_TOLERATION],
    [OS_LINUX],
  ],
  [
    'NoSchedule toleration vs NoExecute taint',
    [OS_WINDOWS_NOEXECUTE],
    [WINDOWS_TOLERATION],
    [OS_WINDOWS_NOEXECUTE],
  ],
  ['one of two tolerated', [OS_WINDOWS, SPOT], [WINDOWS_TOLERATION], [SPOT]],
  [
    'each tolerated by its own toleration',
    [OS_WINDOWS, SPOT],
    [WINDOWS_TOLERATION, { key: SPOT.key, operator: 'Exists' }],
    [],
  ],
  [
    'all tolerated by the wildcard',
    [OS_WINDOWS, OS_WINDOWS_NOEXECUTE, SPOT],
    [{ operator: 'Exists' }],
    [],
  ],
  [
    'order kept, PreferNoSchedule dropped',
    [SPOT, OS_WINDOWS_PREFER, OS_WINDOWS],
    [],
    [SPOT, OS_WINDOWS],
  ],
];
