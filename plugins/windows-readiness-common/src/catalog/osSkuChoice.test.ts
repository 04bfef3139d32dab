import { osSkuRefusal, type OsSkuChoiceContext } from './osSkuChoice';
import { buildOsSkuTable } from './osSkus';

const table = buildOsSkuTable();
const sku = (name: string) => table.get(name)!;
const asOf = new Date('2026-12-05T00:00:00Z');

describe('osSkuRefusal', () => {
  it.each<[string, OsSkuChoiceContext, string | undefined]>([
    // A new pool: only the cluster's version and the retirement matter.
    ['Windows2022', { kubernetesVersion: '1.33.2', asOf }, undefined],
    ['Windows2025', { kubernetesVersion: '1.33.2', asOf }, undefined],
    [
      'Windows2019',
      { kubernetesVersion: '1.33.2', asOf },
      'Not allowed on Kubernetes 1.33 (AKS runs it on 1.14 to 1.32)',
    ],
    [
      'Windows2019',
      { kubernetesVersion: 'v1.31.5', asOf },
      'Retired on 2026-03-01: AKS creates no new pools of it',
    ],
    // Before its retirement, on a version it supports, it was a choice.
    [
      'Windows2019',
      { kubernetesVersion: '1.31.5', asOf: new Date('2026-02-28T12:00:00Z') },
      undefined,
    ],
    [
      'WindowsAnnual',
      { asOf },
      expect.stringMatching(/^Retired on 2026-05-15/),
    ],
    // A move: never back to an older build, never to the same SKU.
    [
      'Windows2022',
      {
        kubernetesVersion: '1.33.2',
        asOf,
        from: { osSku: 'Windows2025', build: 26100 },
      },
      "Older than the pool's build 10.0.26100: a pool only moves to a newer Windows Server",
    ],
    [
      'Windows2025',
      {
        kubernetesVersion: '1.33.2',
        asOf,
        from: { osSku: 'Windows2022', build: 20348 },
      },
      undefined,
    ],
    [
      'Windows2022',
      { asOf, from: { osSku: 'Windows2022', build: 20348 } },
      'The pool already runs it',
    ],
    // An unreadable version is not held against the SKU.
    ['Windows2022', { kubernetesVersion: 'latest', asOf }, undefined],
  ])('%s with %j: %s', (name, context, expected) => {
    expect(osSkuRefusal(sku(name), context)).toEqual(expected);
  });

  it('counts retirement from the given instant, not the clock', () => {
    const windows2022 = sku('Windows2022');
    const before = new Date(`${windows2022.retirementDate}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    expect(osSkuRefusal(windows2022, { asOf: before })).toBeUndefined();
    expect(
      osSkuRefusal(windows2022, {
        asOf: new Date(`${windows2022.retirementDate}T00:00:00Z`),
      }),
    ).toMatch(/^Retired on /);
  });
});
