import {
  emptyWhatIf,
  sampleReport,
  sampleWhatIf,
} from '../__fixtures__/results';
import {
  escapeMarkdown,
  formatEvaluationMarkdown,
  formatWhatIfMarkdown,
} from './markdown';

describe('escapeMarkdown', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['[link](x) <b>', '\\[link\\](x) \\<b\\>'],
    ['`code` \\', '\\`code\\` \\\\'],
  ])('escapes %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('formatEvaluationMarkdown', () => {
  const markdown = formatEvaluationMarkdown(sampleReport);

  it('has a heading and a status count table', () => {
    expect(markdown.startsWith('# Windows readiness report\n')).toBe(true);
    expect(markdown).toContain(
      '| Status | Services |\n| --- | --- |\n| blocked | 1 |\n| at-risk | 1 |',
    );
  });

  it('lists the services worst first, escaping table cells', () => {
    expect(markdown).toContain(
      [
        '| Service | Status | Issues | Clusters |',
        '| --- | --- | --- | --- |',
        '| legacy | blocked | `image-os-build`, `os-selector` | aks-test |',
        '| multi | at-risk | `os-sku-lifecycle` | aks-test |',
        '| unsure | unknown | `image-os-build` | aks-test |',
        '| modern | ready | - | aks-test |',
      ].join('\n'),
    );
  });

  it('gives blocked and at-risk services a section with remediation', () => {
    expect(markdown).toContain('## legacy (blocked)');
    expect(markdown).toContain('## multi (at-risk)');
    expect(markdown).not.toContain('## modern');
    expect(markdown).toContain(
      '  ```dockerfile\n' +
        '  FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' +
        '  ```',
    );
    expect(markdown).toContain('Selects Windows \\| via the beta label.');
  });

  it('gives an unknown service a section that says why and what would settle it', () => {
    expect(markdown).toContain(
      '## unsure (unknown)\n\n- `image-os-build` (unknown): Cannot tell whether',
    );
    expect(markdown).toContain(
      "  To settle it: check the registry's credentials (contoso.azurecr.io/app:7.3).",
    );
  });

  it('uses a fence longer than the backticks inside a snippet', () => {
    expect(markdown).toContain('  ````shell\n  echo ```not a fence```\n  ````');
  });

  it('ends with the clusters, their checks and errors', () => {
    expect(markdown).toContain(
      '| aks-test | npwin (Windows2022) | `windows-pool-taint` | ' +
        'kubernetes: API server unavailable |',
    );
    expect(markdown).toContain('### aks-test');
  });
});

describe('formatWhatIfMarkdown', () => {
  it('renders the impacted services as a table', () => {
    const markdown = formatWhatIfMarkdown(sampleWhatIf);
    expect(markdown).toMatch(/^# What if aks-test\/npwin runs Windows2019\n/);
    expect(markdown).toContain(
      '| modern | ready | blocked | image-os-build: no "2019" platform, ' +
        'none at all<br>upgrade-path: a \\| b |',
    );
    expect(markdown).toContain('| quiet | ready | unknown | - |');
  });

  it('says so when nothing gets worse', () => {
    expect(formatWhatIfMarkdown(emptyWhatIf)).toContain(
      'No service gets worse.',
    );
  });
});
