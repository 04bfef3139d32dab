import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { WhatIfError, whatIf } from './whatIf';

const demo = loadDemoFleet();
const asOf = new Date('2026-11-27');

describe('whatIf', () => {
  it('lists the services the 2019 pool breaks when it moves to Windows2022', () => {
    const answer = whatIf(
      demo,
      { cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 'Windows2022' },
      { asOf },
    );
    expect(answer).toMatchObject({
      fromOsSku: 'Windows2019',
      toOsSku: 'Windows2022',
    });
    expect(answer.impacted.map(i => [i.id, i.before, i.after])).toEqual([
      ['orders', 'at-risk', 'blocked'],
    ]);
    expect(answer.impacted[0].reasons.join('\n')).toMatch(/^image-os-build: /m);
  });

  it('matches the OS SKU ignoring case, as AKS does', () => {
    const answer = whatIf(
      demo,
      { cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 'windows2022' },
      { asOf },
    );
    expect(answer.toOsSku).toBe('Windows2022');
    expect(answer.impacted.map(i => i.id)).toEqual(['orders']);
  });

  it('keeps multi-platform images off the list', () => {
    const answer = whatIf(
      demo,
      { cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 'Windows2022' },
      { asOf },
    );
    expect(answer.impacted.map(i => i.id)).not.toContain('catalog-web');
  });

  it('finds what breaks when the 2022 pool moves to Windows2025', () => {
    const answer = whatIf(
      demo,
      { cluster: 'aks-neu-modern', pool: 'npw22', osSku: 'Windows2025' },
      { asOf },
    );
    // 2025 hosts run 2022 images, so nothing pinned to 2022 breaks.
    expect(answer.impacted).toEqual([]);
  });

  it('shows a build-selector gap closing without listing it', () => {
    const answer = whatIf(
      demo,
      { cluster: 'aks-neu-modern', pool: 'npw25', osSku: 'Windows2022' },
      { asOf },
    );
    expect(answer.impacted.map(i => i.id)).toEqual(
      expect.arrayContaining(['search-indexer']),
    );
  });

  it.each([
    [
      { cluster: 'nope', pool: 'npwin', osSku: 'Windows2022' },
      /No cluster named "nope"/,
    ],
    [
      { cluster: 'aks-weu-legacy', pool: 'np', osSku: 'Windows2022' },
      /No pool named "np".*pools: system, npwin/,
    ],
    [
      { cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 'Ubuntu' },
      /Windows pool; Ubuntu is a Linux OS SKU/,
    ],
    [
      { cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 'Windows2030' },
      /"Windows2030" is not in the OS SKU table/,
    ],
  ])('rejects %o', (request, message) => {
    expect(() => whatIf(demo, request, { asOf })).toThrow(WhatIfError);
    expect(() => whatIf(demo, request, { asOf })).toThrow(message);
  });
});
