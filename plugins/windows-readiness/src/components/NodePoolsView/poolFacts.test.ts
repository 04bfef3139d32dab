import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import { isUntaintedWindowsPool } from './poolFacts';

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
