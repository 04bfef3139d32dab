import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import { exitCodeFor } from './exitCodes';
import type { FailOn } from './options';

describe('exitCodeFor', () => {
  it.each<[ServiceStatus[], FailOn | undefined, number]>([
    [['blocked'], undefined, 0],
    [[], 'blocked', 0],
    [['ready', 'at-risk', 'unknown'], 'blocked', 0],
    [['ready', 'blocked'], 'blocked', 1],
    [['ready', 'unknown', 'not-applicable'], 'at-risk', 0],
    [['ready', 'at-risk'], 'at-risk', 1],
    [['blocked'], 'at-risk', 1],
  ])('%j with --fail-on %s exits %i', (statuses, failOn, code) => {
    expect(exitCodeFor(statuses, failOn)).toBe(code);
  });
});
