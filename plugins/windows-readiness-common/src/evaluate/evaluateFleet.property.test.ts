import fc from 'fast-check';
import { CHECK_IDS } from '../checks';
import { evaluateFleet } from './evaluateFleet';
import { serviceStatus } from './status';
import { WhatIfError, whatIf } from '../whatIf/whatIf';
import { arbitraryFleet as fleet } from './__testUtils__/arbitraryFleet';

const asOf = new Date('2026-11-27');

describe('evaluateFleet on arbitrary fleets', () => {
  it('never throws and every service carries every service check', () => {
    fc.assert(
      fc.property(fleet, f => {
        const result = evaluateFleet(f, { asOf });
        for (const s of result.services) {
          expect(s.checks.map(c => c.id)).toEqual(
            CHECK_IDS.filter(id => id !== 'windows-pool-taint'),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('derives every status from its checks (blocked, at-risk, unknown, ready, not-applicable)', () => {
    fc.assert(
      fc.property(fleet, f => {
        for (const s of evaluateFleet(f, { asOf }).services) {
          const results = s.checks.map(c => c.result);
          expect(s.status).toBe(serviceStatus(s.checks, s.involvesWindows));
          expect(s.status === 'blocked').toBe(results.includes('fail'));
          expect(s.status !== 'ready' || s.involvesWindows).toBe(true);
          // The Windows checks skip for a workload that does not involve
          // Windows; pod-status applies to every workload (rule 4).
          expect(
            s.involvesWindows ||
              s.checks
                .filter(
                  c => c.id !== 'linux-isolation' && c.id !== 'pod-status',
                )
                .every(c => c.result === 'skip'),
          ).toBe(true);
          // Per check, the service result is the worst over its workloads.
          for (const c of s.checks) {
            const rank = ['skip', 'pass', 'unknown', 'warn', 'fail'];
            const worst = Math.max(
              ...s.workloads.map(w =>
                rank.indexOf(w.checks.find(x => x.id === c.id)!.result),
              ),
            );
            expect(rank.indexOf(c.result)).toBe(worst);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the pool sets nested: compatible and eligible within selected', () => {
    fc.assert(
      fc.property(fleet, f => {
        for (const s of evaluateFleet(f, { asOf }).services) {
          for (const w of s.workloads) {
            for (const name of [...w.pools.eligible, ...w.pools.compatible]) {
              expect(w.pools.selected).toContain(name);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('what-if refuses clearly or only lists services that get worse', () => {
    fc.assert(
      fc.property(
        fleet.filter(f => f.clusters.some(c => c.nodePools.length > 0)),
        fc.constantFrom('Windows2019', 'Windows2022', 'Windows2025', 'Nope'),
        (f, osSku) => {
          const cluster = f.clusters.find(c => c.nodePools.length > 0)!;
          const order = [
            'not-applicable',
            'ready',
            'unknown',
            'at-risk',
            'blocked',
          ];
          let answer;
          let refusal: unknown;
          try {
            answer = whatIf(
              f,
              { cluster: cluster.name, pool: cluster.nodePools[0].name, osSku },
              { asOf },
            );
          } catch (error) {
            refusal = error;
          }
          // Only a clear refusal (unknown SKU, Linux <-> Windows) is allowed.
          expect(refusal === undefined || refusal instanceof WhatIfError).toBe(
            true,
          );
          for (const impact of answer?.impacted ?? []) {
            expect(order.indexOf(impact.after)).toBeGreaterThan(
              order.indexOf(impact.before),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
