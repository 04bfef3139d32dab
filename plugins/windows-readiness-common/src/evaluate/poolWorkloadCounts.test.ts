import { countPoolWorkloads, emptyPoolWorkloadCounts } from './evaluateCluster';

describe('countPoolWorkloads', () => {
  it.each([
    // selected, eligible, compatible, runsOn -> npwin counts
    [
      ['npwin'],
      ['npwin'],
      ['npwin'],
      ['npwin'],
      { on: 1, eligible: 1, blocked: 0 },
    ],
    // Selected, but an untolerated taint keeps it off.
    [['npwin'], [], ['npwin'], [], { on: 0, eligible: 0, blocked: 1 }],
    // Tolerated, but the pool cannot start its images.
    [['npwin'], ['npwin'], [], [], { on: 0, eligible: 1, blocked: 1 }],
    // Not selected at all: nothing counts for the pool.
    [
      ['nplinux'],
      ['nplinux'],
      ['nplinux'],
      ['nplinux'],
      { on: 0, eligible: 0, blocked: 0 },
    ],
  ])(
    'selected %j eligible %j compatible %j runsOn %j',
    (selected, eligible, compatible, runsOn, expected) => {
      const counts = emptyPoolWorkloadCounts(['npwin', 'nplinux']);
      countPoolWorkloads(counts, { selected, eligible, compatible, runsOn });
      expect(counts.get('npwin')).toEqual(expected);
    },
  );

  it('ignores pools the cluster does not have', () => {
    const counts = emptyPoolWorkloadCounts(['npwin']);
    countPoolWorkloads(counts, {
      selected: ['gone'],
      eligible: ['gone'],
      compatible: [],
      runsOn: ['gone'],
    });
    expect([...counts.keys()]).toEqual(['npwin']);
  });
});
