import { sampleReport, sampleWhatIf } from '../__fixtures__/results';
import { formatEvaluationJson, formatWhatIfJson } from './json';

describe('JSON formats', () => {
  it('keeps the contract keys of evaluate and adds the summary', () => {
    const output = formatEvaluationJson(sampleReport);
    const parsed = JSON.parse(output);
    expect(Object.keys(parsed)).toEqual([
      'asOf',
      'services',
      'clusters',
      'summary',
    ]);
    expect(parsed.services[1]).toMatchObject({
      id: 'legacy',
      status: 'blocked',
      checks: [
        {
          id: 'image-os-build',
          result: 'fail',
          evidence: [],
          remediation: { snippetLanguage: 'dockerfile' },
        },
        { id: 'os-selector', result: 'warn' },
      ],
      workloads: [],
    });
    expect(parsed.clusters[0]).toMatchObject({
      name: 'aks-test',
      checks: [{ id: 'windows-pool-taint' }],
      pools: [{ name: 'npwin' }],
      errors: [{ errorType: 'FETCH_ERROR' }],
    });
    expect(parsed.summary.byStatus).toEqual({
      blocked: 1,
      'at-risk': 1,
      unknown: 1,
      ready: 1,
      'not-applicable': 1,
    });
    // Rule 8: an unknown check keeps its reason and what would settle it.
    expect(parsed.services[4].checks[0]).toMatchObject({
      result: 'unknown',
      message: expect.stringContaining('has not described'),
      remediation: { summary: expect.stringMatching(/^To settle it: /) },
    });
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('prints the what-if result as it is', () => {
    expect(JSON.parse(formatWhatIfJson(sampleWhatIf))).toEqual(sampleWhatIf);
  });
});
