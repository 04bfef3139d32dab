import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { evaluateFleet } from './evaluateFleet';

/**
 * The demo's aks-weu-batch cluster: one story per rule of docs/rules.md's "Rules
 * that settle the hard cases", with the verdicts the rules give.
 */
const result = evaluateFleet(loadDemoFleet(), {
  asOf: new Date('2026-11-27T00:00:00Z'),
});
const service = (id: string) => result.services.find(s => s.id === id)!;
const check = (id: string, checkId: string) =>
  service(id).checks.find(c => c.id === checkId)!;
const batch = result.clusters.find(c => c.name === 'aks-weu-batch')!;

describe('the demo’s stories of real fleets', () => {
  it('rule 1: a Linux service on a multi-OS tag is not-applicable', () => {
    const agent = service('build-agent');
    expect(agent).toMatchObject({
      status: 'not-applicable',
      involvesWindows: false,
    });
    expect(check('build-agent', 'image-os-build').result).toBe('skip');
  });

  it('rule 5: the pool tainted and described through its Node objects', () => {
    expect(batch.pools.find(p => p.name === 'win')).toMatchObject({
      osSku: 'Windows2025',
      windowsBuild: '10.0.26100.6905',
      windowsBuildSource: 'kernelVersion',
      taints: ['sku=win:NoSchedule'],
    });
    expect(batch.checks).toEqual([
      expect.objectContaining({ id: 'windows-pool-taint', result: 'pass' }),
    ]);
    const taint = check('label-printer', 'taint-toleration');
    expect(taint).toMatchObject({
      result: 'fail',
      evidence: [expect.objectContaining({ taints: ['sku=win:NoSchedule'] })],
    });
    expect(taint.remediation?.snippet).toContain('key: sku');
  });

  it('rule 4: a Pending pod is blamed on a taint only when the taint explains it', () => {
    // label-printer tolerates no taint of the only pool it selects.
    expect(check('label-printer', 'pod-status').result).toBe('fail');
    // invoice-renderer tolerates it: the memory is the reason, not Windows.
    const pods = check('invoice-renderer', 'pod-status');
    expect(pods.result).toBe('pass');
    expect(pods.evidence[0]).toMatchObject({
      object: 'Pod finance/invoice-renderer-5b4a3c2d1-m9n8b',
      detail: expect.stringMatching(
        /Pending, not for a Windows reason: .*2 Insufficient memory/,
      ),
    });
  });

  it('rule 4: the old pod’s mismatch event no longer counts', () => {
    expect(check('doc-indexer', 'pod-status')).toMatchObject({
      result: 'pass',
      evidence: [],
    });
  });

  it('rules 2 and 8: an image the registry cannot describe is unknown, and says why', () => {
    const build = check('billing-api', 'image-os-build');
    expect(build.result).toBe('unknown');
    expect(build.message).toContain(
      'the registry has not described winreadydemo.azurecr.io/billing/api:7.3',
    );
    expect(build.remediation?.summary).toBe(
      "To settle it: check the registry's credentials (winreadydemo.azurecr.io/billing/api:7.3).",
    );
    expect(build.evidence[0].detail).toMatch(/401 Unauthorized/);
    expect(service('billing-api').involvesWindows).toBe(true);
  });

  it('rule 2: ledger’s taint verdict and build selection no longer skip', () => {
    expect(check('ledger', 'taint-toleration').result).toBe('pass');
    expect(check('ledger', 'build-selector')).toMatchObject({
      result: 'unknown',
      message: expect.stringContaining(
        'the registry has not described registry.partner.example/finance/ledger:7.0',
      ),
    });
  });
});
