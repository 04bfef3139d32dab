import { sampleReport, sampleWhatIf } from '../__fixtures__/results';
import { formatEvaluationJson, formatWhatIfJson, prettyJson } from './json';

const text = (pieces: Iterable<string>) => [...pieces].join('');

describe('JSON formats', () => {
  it('keeps the contract keys of evaluate and adds the summary', () => {
    const output = text(formatEvaluationJson(sampleReport));
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
    expect(JSON.parse(text(formatWhatIfJson(sampleWhatIf)))).toEqual(
      sampleWhatIf,
    );
  });
});

describe('prettyJson', () => {
  it.each([
    ['the sample report', sampleReport],
    ['empty lists and objects', { a: [], b: {}, c: [{}], d: [[]] }],
    [
      'what JSON leaves out',
      { a: undefined, b: [undefined, () => 1], c: null },
    ],
    ['scalars', 'text with "quotes"\nand a line'],
    ['a Date', { at: new Date('2026-11-27T00:00:00Z') }],
  ])('writes %s as JSON.stringify(value, null, 2) does', (_, value) => {
    expect(text(prettyJson(value))).toBe(JSON.stringify(value, null, 2));
  });

  it('writes one service at a time, never the whole result in one piece', () => {
    const services = Array.from(
      { length: 500 },
      () => sampleReport.services[1],
    );
    const report = { ...sampleReport, services };
    const pieces = [...prettyJson(report)];
    const largest = Math.max(...pieces.map(p => p.length));
    expect(largest).toBeLessThanOrEqual(
      JSON.stringify(sampleReport.services[1], null, 2).length * 2,
    );
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
