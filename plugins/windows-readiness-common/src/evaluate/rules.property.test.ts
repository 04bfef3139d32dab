import fc from 'fast-check';
import { ImageCatalog } from '../images/imageReference';
import type {
  EventObject,
  Fleet,
  KubernetesObject,
  WorkloadResult,
} from '../model';
import { evaluateFleet } from './evaluateFleet';
import { arbitraryFleet as fleet } from './__testUtils__/arbitraryFleet';
import { WINDOWS_CHECKS } from '../__testUtils__/ruleFleet';

/** The properties the rules of docs/rules.md promise. */

const asOf = new Date('2026-11-27');

function workloadsOf(f: Fleet) {
  const result = evaluateFleet(f, { asOf });
  const catalog = new ImageCatalog(f.images ?? {});
  const osTypeOf = new Map(
    result.clusters.flatMap(c =>
      c.pools.map(p => [`${c.name}/${p.name}`, p.osType] as const),
    ),
  );
  const record = (image: string) => catalog.get(image);
  const unknown = (image: string) => {
    const found = record(image);
    return !found || !!found.error || !found.platforms?.length;
  };
  const hasLinux = (image: string) =>
    !unknown(image) &&
    record(image)!.platforms.some(p => p?.os?.toLowerCase() === 'linux');
  const selectedOses = (w: WorkloadResult) =>
    w.pools.selected.map(name => osTypeOf.get(`${w.cluster}/${name}`));
  return {
    result,
    workloads: result.services.flatMap(s => s.workloads),
    unknown,
    hasLinux,
    selectedOses,
  };
}

// Fleets where workloads are often pinned to Linux pools, with images of
// every kind (multi-OS, Windows-only, Linux-only, unknown): rule 1's ground.
const platform = fc.record({
  os: fc.constantFrom('linux', 'windows'),
  architecture: fc.constant('amd64'),
  osVersion: fc.constantFrom(undefined, '10.0.20348.1', '10.0.17763.1'),
});
const pinnedFleet: fc.Arbitrary<Fleet> = fc
  .record({
    selector: fc.constantFrom(
      { 'kubernetes.io/os': 'linux' },
      { 'kubernetes.azure.com/os-sku': 'Ubuntu' },
      { agentpool: 'nplinux' },
      {},
    ),
    windowsPool: fc.boolean(),
    images: fc.array(fc.constantFrom('img/a:1', 'img/b:1', 'img/gone:1'), {
      minLength: 1,
      maxLength: 2,
    }),
    records: fc.dictionary(
      fc.constantFrom('img/a:1', 'img/b:1'),
      fc.record({ platforms: fc.array(platform, { maxLength: 3 }) }),
    ),
  })
  .map(({ selector, windowsPool, images, records }) => ({
    apiVersion: 'winready/v1' as const,
    kind: 'Fleet' as const,
    metadata: { name: 'pinned' },
    clusters: [
      {
        name: 'c',
        nodePools: [
          { name: 'nplinux', osType: 'Linux' as const, osSku: 'Ubuntu' },
          ...(windowsPool
            ? [
                {
                  name: 'npwin',
                  osType: 'Windows' as const,
                  osSku: 'Windows2022',
                },
              ]
            : []),
        ],
        objects: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: {
              name: 'w',
              namespace: 'ns',
              labels: { 'backstage.io/kubernetes-id': 's' },
            },
            spec: {
              template: {
                spec: {
                  nodeSelector: selector,
                  containers: images.map((image, i) => ({
                    name: `c${i}`,
                    image,
                  })),
                },
              },
            },
          },
        ],
      },
    ],
    images: records,
  }));

describe('the rules on arbitrary fleets', () => {
  it('rule 1: pinned to Linux, with Linux or unknown images, every Windows check skips', () => {
    fc.assert(
      fc.property(fc.oneof(fleet, pinnedFleet), f => {
        const { workloads, unknown, hasLinux, selectedOses } = workloadsOf(f);
        for (const w of workloads) {
          const oses = selectedOses(w);
          const pinnedToLinux =
            oses.length > 0 && oses.every(os => os !== 'Windows');
          const linuxImages = w.images.every(i => hasLinux(i) || unknown(i));
          if (!pinnedToLinux || !linuxImages) continue;
          for (const id of WINDOWS_CHECKS) {
            expect(w.checks.find(c => c.id === id)!.result).toBe('skip');
          }
          expect(w.involvesWindows).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rule 2: a missing image never makes a workload not-applicable unless its selected pools are all Linux', () => {
    fc.assert(
      fc.property(fc.oneof(fleet, pinnedFleet), f => {
        const { workloads, unknown, selectedOses } = workloadsOf(f);
        for (const w of workloads) {
          if (!w.images.some(unknown) || w.status !== 'not-applicable') {
            continue;
          }
          expect(selectedOses(w).every(os => os !== 'Windows')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rule 4: removing an event whose uid differs from every pod’s changes nothing', () => {
    fc.assert(
      fc.property(fleet, f => {
        const stripped: Fleet = {
          ...f,
          clusters: f.clusters.map(cluster => {
            const pods = (cluster.objects ?? []).filter(o => o?.kind === 'Pod');
            // A pod without a uid (hand-written) differs from no event.
            const foreign = (o: KubernetesObject) => {
              const uid = (o as EventObject).involvedObject?.uid;
              return (
                o?.kind === 'Event' &&
                !!uid &&
                pods.every(p => !!p.metadata?.uid && p.metadata.uid !== uid)
              );
            };
            return {
              ...cluster,
              objects: (cluster.objects ?? []).filter(o => !foreign(o)),
            };
          }),
        };
        expect(evaluateFleet(stripped, { asOf })).toEqual(
          evaluateFleet(f, { asOf }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rule 8: a service is never unknown without saying what could not be told', () => {
    fc.assert(
      fc.property(fleet, f => {
        for (const s of evaluateFleet(f, { asOf }).services) {
          for (const c of s.checks.filter(x => x.result === 'unknown')) {
            expect(c.message).toMatch(/\S/);
            expect(c.remediation?.summary ?? c.message).toMatch(
              /settle|table|unknown|registry|build/i,
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
