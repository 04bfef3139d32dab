import type { NodeSelectorRequirement, NodeSelectorTerm } from '../../model';
import type { Labels } from '../nodeSelection';

// Labels of a WS2022 node in an AKS pool (facts 4.3), plus a few numeric ones.
export const LABELS: Labels = {
  'kubernetes.io/os': 'windows',
  'beta.kubernetes.io/os': 'windows',
  'kubernetes.io/arch': 'amd64',
  'node.kubernetes.io/windows-build': '10.0.20348',
  'kubernetes.azure.com/os-sku': 'Windows2022',
  'kubernetes.azure.com/agentpool': 'npwin',
  cores: '8',
  negative: '-3',
  padded: '007',
  decimal: '1.5',
  empty: '',
};

export const req = (
  key: string,
  operator: string,
  values?: string[],
): NodeSelectorRequirement => ({ key, operator, values });

/** [case, requirement, matches] with the scheduler's semantics. */
export const REQUIREMENT_CASES: Array<
  [string, NodeSelectorRequirement, boolean]
> = [
  [
    'In, value listed',
    req('kubernetes.io/os', 'In', ['linux', 'windows']),
    true,
  ],
  ['In, value not listed', req('kubernetes.io/os', 'In', ['linux']), false],
  ['In, absent key', req('missing', 'In', ['windows']), false],
  ['In, no values', req('kubernetes.io/os', 'In', []), false],
  ['In, values omitted', req('kubernetes.io/os', 'In'), false],
  ['In, empty label value listed', req('empty', 'In', ['']), true],
  ['NotIn, value listed', req('kubernetes.io/os', 'NotIn', ['windows']), false],
  [
    'NotIn, value not listed',
    req('kubernetes.io/os', 'NotIn', ['linux']),
    true,
  ],
  ['NotIn, absent key matches', req('missing', 'NotIn', ['windows']), true],
  ['Exists, present', req('kubernetes.io/os', 'Exists'), true],
  ['Exists, present with empty value', req('empty', 'Exists'), true],
  ['Exists, absent', req('missing', 'Exists'), false],
  ['DoesNotExist, absent', req('missing', 'DoesNotExist'), true],
  ['DoesNotExist, present', req('kubernetes.io/os', 'DoesNotExist'), false],
  [
    'DoesNotExist, present with empty value',
    req('empty', 'DoesNotExist'),
    false,
  ],
  ['Gt, 8 > 4', req('cores', 'Gt', ['4']), true],
  ['Gt, 8 > 8', req('cores', 'Gt', ['8']), false],
  ['Gt, 8 > 10', req('cores', 'Gt', ['10']), false],
  ['Gt, -3 > -5', req('negative', 'Gt', ['-5']), true],
  ['Gt, 007 > 6', req('padded', 'Gt', ['6']), true],
  ['Lt, 8 < 10', req('cores', 'Lt', ['10']), true],
  ['Lt, 8 < 8', req('cores', 'Lt', ['8']), false],
  ['Lt, 8 < 2', req('cores', 'Lt', ['2']), false],
  ['Lt, -3 < 0', req('negative', 'Lt', ['0']), true],
  ['Gt, non-integer label', req('decimal', 'Gt', ['1']), false],
  ['Lt, non-integer label', req('decimal', 'Lt', ['2']), false],
  ['Gt, text label', req('kubernetes.io/os', 'Gt', ['1']), false],
  ['Gt, empty label', req('empty', 'Gt', ['-1']), false],
  ['Gt, absent key', req('missing', 'Gt', ['1']), false],
  ['Lt, absent key', req('missing', 'Lt', ['100']), false],
  ['Gt, decimal bound', req('cores', 'Gt', ['4.0']), false],
  ['Lt, text bound', req('cores', 'Lt', ['ten']), false],
  ['Gt, empty bound', req('cores', 'Gt', ['']), false],
  ['Gt, no values', req('cores', 'Gt', []), false],
  ['Lt, values omitted', req('cores', 'Lt'), false],
  ['Gt, two values', req('cores', 'Gt', ['4', '5']), false],
  ['Lt, two values', req('cores', 'Lt', ['10', '20']), false],
  [
    'an unknown operator',
    req('kubernetes.io/os', 'Equals', ['windows']),
    false,
  ],
  ['a lower-case operator', req('kubernetes.io/os', 'in', ['windows']), false],
  ['an empty operator', req('kubernetes.io/os', '', ['windows']), false],
  ['Exists on a prototype name', req('constructor', 'Exists'), false],
  ['DoesNotExist on a prototype name', req('toString', 'DoesNotExist'), true],
  ['NotIn on a prototype name', req('hasOwnProperty', 'NotIn', ['x']), true],
  ['Gt on a prototype name', req('valueOf', 'Gt', ['0']), false],
];

export const WINDOWS = req('kubernetes.io/os', 'In', ['windows']);
export const LINUX = req('kubernetes.io/os', 'In', ['linux']);
export const WS2022 = req('node.kubernetes.io/windows-build', 'In', [
  '10.0.20348',
]);
export const WS2019 = req('node.kubernetes.io/windows-build', 'In', [
  '10.0.17763',
]);
export const NODES = ['aksnpwin000000', 'aksnpwin000001'];
export const name = (operator: string, values?: string[]) =>
  req('metadata.name', operator, values);

/** [case, term, node names of the pool, matches]. */
export const TERM_CASES: Array<
  [string, NodeSelectorTerm, readonly string[] | undefined, boolean]
> = [
  ['an empty term matches nothing', {}, NODES, false],
  [
    'empty lists match nothing',
    { matchExpressions: [], matchFields: [] },
    NODES,
    false,
  ],
  ['one matching expression', { matchExpressions: [WINDOWS] }, undefined, true],
  ['one failing expression', { matchExpressions: [LINUX] }, undefined, false],
  [
    'expressions ANDed, all match',
    { matchExpressions: [WINDOWS, WS2022] },
    undefined,
    true,
  ],
  [
    'expressions ANDed, one fails',
    { matchExpressions: [WINDOWS, WS2019] },
    undefined,
    false,
  ],
  [
    'field In, node of the pool',
    { matchFields: [name('In', ['aksnpwin000001'])] },
    NODES,
    true,
  ],
  [
    'field In, node of another pool',
    { matchFields: [name('In', ['aks-nodepool1-1-vmss000000'])] },
    NODES,
    false,
  ],
  [
    'field In, node names unknown',
    { matchFields: [name('In', ['aksnpwin000000'])] },
    undefined,
    false,
  ],
  [
    'field In, no node names',
    { matchFields: [name('In', ['aksnpwin000000'])] },
    [],
    false,
  ],
  [
    'field NotIn, another node left',
    { matchFields: [name('NotIn', ['aksnpwin000000'])] },
    NODES,
    true,
  ],
  [
    'field NotIn, every node excluded',
    { matchFields: [name('NotIn', ['aksnpwin000000'])] },
    ['aksnpwin000000'],
    false,
  ],
  [
    'field In with two values is invalid',
    { matchFields: [name('In', ['aksnpwin000000', 'aksnpwin000001'])] },
    NODES,
    false,
  ],
  [
    'field with Exists is invalid',
    { matchFields: [name('Exists')] },
    NODES,
    false,
  ],
  [
    'field on another key is invalid',
    { matchFields: [req('metadata.namespace', 'In', ['aksnpwin000000'])] },
    NODES,
    false,
  ],
  [
    'fields ANDed on one node',
    {
      matchFields: [
        name('In', ['aksnpwin000000']),
        name('NotIn', ['aksnpwin000001']),
      ],
    },
    NODES,
    true,
  ],
  [
    'fields contradicting each other',
    {
      matchFields: [
        name('In', ['aksnpwin000000']),
        name('NotIn', ['aksnpwin000000']),
      ],
    },
    NODES,
    false,
  ],
  [
    'fields and expressions both match',
    {
      matchFields: [name('In', ['aksnpwin000000'])],
      matchExpressions: [WINDOWS],
    },
    NODES,
    true,
  ],
  [
    'fields match, expression fails',
    {
      matchFields: [name('In', ['aksnpwin000000'])],
      matchExpressions: [LINUX],
    },
    NODES,
    false,
  ],
  [
    'expression matches, field fails',
    { matchFields: [name('In', ['other'])], matchExpressions: [WINDOWS] },
    NODES,
    false,
  ],
];
