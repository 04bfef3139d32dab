import { BUILT_IN_WINDOWS_OS_SKUS, moveTargets } from './moveTargets';

const asOf = new Date('2026-11-27T12:00:00Z');

// Pools of the demo fleet (examples/fleets/demo.yaml) as /v1/clusters gives them.
describe('moveTargets', () => {
  it.each([
    // Annual Channel on 1.33: 2022 is an older build, 2019 retired and too old.
    [
      'npwan',
      {
        osSku: 'WindowsAnnual',
        windowsBuild: '10.0.25398.1611',
        successorOsSku: 'Windows2025',
      },
      '1.33.2',
      ['Windows2025'],
    ],
    [
      'npw22',
      {
        osSku: 'Windows2022',
        windowsBuild: '10.0.20348.4294',
        successorOsSku: 'Windows2025',
      },
      '1.33.2',
      ['Windows2025'],
    ],
    // Nothing newer than Windows Server 2025 yet.
    [
      'npw25',
      { osSku: 'Windows2025', windowsBuild: '10.0.26100.6905' },
      '1.33.2',
      [],
    ],
    // On 1.31, Windows2025 is not allowed yet (1.32 and later).
    [
      'npwin',
      {
        osSku: 'Windows2019',
        windowsBuild: '10.0.17763.6532',
        successorOsSku: 'Windows2022',
      },
      '1.31.5',
      ['Windows2022'],
    ],
    // Without a version, only retirement and builds decide; the successor first.
    [
      'npwin',
      {
        osSku: 'Windows2019',
        windowsBuild: '10.0.17763.6532',
        successorOsSku: 'Windows2025',
      },
      undefined,
      ['Windows2025', 'Windows2022'],
    ],
  ])('%s (%j on %s) may move to %j', (_name, pool, version, expected) => {
    expect(
      moveTargets(pool, BUILT_IN_WINDOWS_OS_SKUS, version, asOf).sort(),
    ).toEqual([...expected].sort());
    expect(moveTargets(pool, BUILT_IN_WINDOWS_OS_SKUS, version, asOf)[0]).toBe(
      expected[0],
    );
  });
});
