import type { TaintWhatIfRequest } from '../model';
import { nodeTaints, nodesOfPool } from '../scheduling/poolNodes';
import { formatTaint } from '../scheduling/taints';
import { TAINT_FLEET } from './__fixtures__/taintFleet';
import {
  clusterWithPoolTaint,
  clusterWithoutPoolTaints,
  parseTaintChange,
} from './taintChange';
import { WhatIfError } from './whatIf';

const request = (change: Partial<TaintWhatIfRequest>): TaintWhatIfRequest => ({
  cluster: 'aks-taint',
  pool: 'npwin',
  ...change,
});

describe('parseTaintChange', () => {
  it.each([
    [
      { addTaint: 'os=windows:NoSchedule' },
      'add',
      'os',
      'os=windows:NoSchedule',
    ],
    [{ addTaint: ' sku:NoExecute ' }, 'add', 'sku', 'sku:NoExecute'],
    [
      { addTaint: 'kubernetes.azure.com/scalesetpriority=spot:NoSchedule' },
      'add',
      'kubernetes.azure.com/scalesetpriority',
      'kubernetes.azure.com/scalesetpriority=spot:NoSchedule',
    ],
    // kubectl's `key=:Effect`: an empty value is no value.
    [{ addTaint: 'os=:PreferNoSchedule' }, 'add', 'os', 'os:PreferNoSchedule'],
    [{ removeTaint: 'os' }, 'remove', 'os', 'os'],
    [
      { removeTaint: 'node.kubernetes.io/unschedulable' },
      'remove',
      'node.kubernetes.io/unschedulable',
      'node.kubernetes.io/unschedulable',
    ],
    [
      { removeTaint: 'os=windows:NoSchedule' },
      'remove',
      'os',
      'os=windows:NoSchedule',
    ],
  ])('reads %j', (change, kind, key, text) => {
    const parsed = parseTaintChange(request(change));
    expect(parsed).toMatchObject({ change: kind, key, text });
    // A removal by key carries no taint: it matches every value and effect.
    expect(parsed.taint === undefined).toBe(
      kind === 'remove' && !text.includes(':'),
    );
  });

  it.each([
    [{}, /^Give exactly one of addTaint \(key\[=value\]:NoSchedule/],
    [
      { addTaint: 'os=windows:NoSchedule', removeTaint: 'os' },
      /^Give exactly one of addTaint/,
    ],
    [
      { addTaint: 'os=windows' },
      /^Invalid taint "os=windows" in addTaint: expected key\[=value\]:NoSchedule\|PreferNoSchedule\|NoExecute\.$/,
    ],
    [
      { addTaint: 'os=windows:NoSchedul' },
      /^Invalid taint "os=windows:NoSchedul"/,
    ],
    [{ addTaint: 'os' }, /^Invalid taint "os" in addTaint/],
    [{ addTaint: '' }, /^Invalid taint "" in addTaint/],
    [{ addTaint: 'os=win dows:NoSchedule' }, /^Invalid taint "os=win dows/],
    [{ addTaint: 42 as unknown as string }, /^addTaint must be a taint/],
    [
      { removeTaint: 'os=windows' },
      /^Invalid taint "os=windows" in removeTaint/,
    ],
    [
      { removeTaint: 'bad key!' },
      /^Invalid taint key "bad key!" in removeTaint: expected a key, or key\[=value\]/,
    ],
    [{ removeTaint: '' }, /^Invalid taint key "" in removeTaint/],
    [{ removeTaint: ['os'] as unknown as string }, /^removeTaint must be/],
    // Long input is refused without a regular expression, and cut in the message.
    [
      { addTaint: `${'a'.repeat(100_000)}:NoSchedule` },
      /^Invalid taint "a{80}…" in addTaint/,
    ],
  ])('refuses %j', (change, message) => {
    expect(() => parseTaintChange(request(change))).toThrow(WhatIfError);
    expect(() => parseTaintChange(request(change))).toThrow(message);
  });
});

it('names the fields as the caller calls them', () => {
  expect(() =>
    parseTaintChange(request({ removeTaint: 'os=windows' }), {
      addTaint: '--add-taint',
      removeTaint: '--remove-taint',
    }),
  ).toThrow(/^Invalid taint "os=windows" in --remove-taint: expected/);
});

describe('the cluster with and without a pool taint', () => {
  const cluster = TAINT_FLEET.clusters[0];
  const pool = (c: typeof cluster, name: string) =>
    c.nodePools.find(p => p.name === name)!;
  const nodeTaintTexts = (c: typeof cluster, name: string) =>
    nodesOfPool(c.objects ?? [], name).map(node =>
      nodeTaints(node).map(formatTaint),
    );

  it('adds a taint to the ARM taints once, and leaves the nodes to AKS', () => {
    const added = clusterWithPoolTaint(cluster, 'npw25', {
      key: 'sku',
      value: 'win',
      effect: 'NoSchedule',
    });
    expect(pool(added, 'npw25').taints).toEqual([
      'os=windows:NoSchedule',
      'sku=win:NoSchedule',
    ]);
    const again = clusterWithPoolTaint(cluster, 'npw25', {
      key: 'os',
      value: 'windows',
      effect: 'NoSchedule',
    });
    expect(pool(again, 'npw25').taints).toEqual(['os=windows:NoSchedule']);
    expect(pool(added, 'npwin')).toBe(pool(cluster, 'npwin'));
  });

  it.each([
    ['by key', 'sku'],
    ['exactly', 'sku=win:NoSchedule'],
  ])(
    "removes %s from the pool's Node objects, keeping their other taints",
    (_, removeTaint) => {
      const change = parseTaintChange(request({ removeTaint }));
      const removed = clusterWithoutPoolTaints(cluster, 'npkub', change);
      expect(nodeTaintTexts(removed, 'npkub')).toEqual([
        ['team=batch:PreferNoSchedule'],
        ['team=batch:PreferNoSchedule'],
      ]);
      // The input is not changed.
      expect(nodeTaintTexts(cluster, 'npkub')[0]).toContain(
        'sku=win:NoSchedule',
      );
    },
  );

  it('removes from the ARM taints only what the change matches', () => {
    const exact = parseTaintChange(
      request({ removeTaint: 'os=windows:NoExecute' }),
    );
    expect(
      pool(clusterWithoutPoolTaints(cluster, 'npw25', exact), 'npw25').taints,
    ).toEqual(['os=windows:NoSchedule']);
    const byKey = parseTaintChange(request({ removeTaint: 'os' }));
    expect(
      pool(clusterWithoutPoolTaints(cluster, 'npw25', byKey), 'npw25').taints,
    ).toEqual([]);
  });
});
