import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import { isUntaintedWindowsPool, whatIfTargets } from './poolFacts';
import { demoCluster, demoClusters } from './__fixtures__';

const pool = (osType: string, taints: string[]): PoolSummary => ({
  name: 'p',
  osType,
  taints,
  services: [],
});

describe('isUntaintedWindowsPool', () => {
  it.each<[string, string, string[], boolean]>([
    ['no taint', 'Windows', [], true],
    ['PreferNoSchedule only', 'Windows', ['os=windows:PreferNoSchedule'], true],
    ['NoSchedule', 'Windows', ['os=windows:NoSchedule'], false],
    ['NoExecute', 'Windows', ['os:NoExecute'], false],
    ['a Linux pool', 'Linux', [], false],
  ])('%s', (_name, osType, taints, expected) => {
    expect(isUntaintedWindowsPool(pool(osType, taints))).toBe(expected);
  });
});

describe('whatIfTargets', () => {
  it('puts the successor first and leaves out the current SKU', () => {
    const npwin = demoCluster('aks-weu-legacy').pools[1];
    const targets = whatIfTargets(npwin, demoClusters.items);
    expect(targets[0]).toBe('Windows2022');
    expect(targets).toEqual(expect.arrayContaining(['Windows2025']));
    expect(targets).not.toContain('Windows2019');
  });

  it('offers the built-in Windows SKUs to a pool with an unknown SKU', () => {
    const npnext = demoCluster('aks-neu-modern').pools[5];
    expect(npnext.osSku).toBe('WindowsNext');
    expect(whatIfTargets(npnext, demoClusters.items)).toEqual(
      expect.arrayContaining(['Windows2019', 'Windows2022', 'Windows2025']),
    );
  });
});
