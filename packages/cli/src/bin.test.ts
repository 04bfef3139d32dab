import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../bin/winready');
const FLEET = path.join(__dirname, '__fixtures__', 'fleet.yaml');

function winready(...args: string[]) {
  return winreadyWithInput(undefined, ...args);
}

function winreadyWithInput(input: string | undefined, ...args: string[]) {
  // Another cwd than the package's: the bin must find its source by itself.
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    timeout: 60_000,
    input,
  });
}

describe('bin/winready', () => {
  it('evaluates a fleet file to JSON', () => {
    const run = winready(
      'evaluate',
      FLEET,
      '--format',
      'json',
      '--at',
      '2026-11-01',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.asOf).toBe('2026-11-01T00:00:00.000Z');
    expect(result.services.map((s: { id: string }) => s.id)).toEqual([
      'api',
      'legacy',
      'modern',
      'multi',
    ]);
    expect(result.summary.total).toBe(4);
  }, 60_000);

  it('exits 2 with the problem on stderr for a bad file', () => {
    const bad = path.join(__dirname, '__fixtures__', 'fleet-bad-taint.yaml');
    const run = winready('evaluate', bad, '--fail-on', 'blocked');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/nodePools\[0\]\.taints\[0\] \(line 10\)/);
  }, 60_000);

  it('lists, for a taint on the untainted Windows pool of the demo, the monitoring DaemonSet and the unselected chart, not the ingress controller', () => {
    // The command of the README, from the repository root.
    const run = spawnSync(
      process.execPath,
      [
        BIN,
        'what-if',
        'examples/fleets/demo.yaml',
        '--cluster',
        'aks-neu-modern',
        '--pool',
        'npwan',
        '--add-taint',
        'os=windows:NoSchedule',
        '--format',
        'json',
      ],
      {
        cwd: path.resolve(__dirname, '../../..'),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { impacted } = JSON.parse(run.stdout);
    const unowned = impacted.filter(
      (impact: { services: string[] }) => impact.services.length === 0,
    );
    expect(
      unowned.map(
        (impact: { id: string; placement: string; toleration?: string }) => [
          impact.id,
          impact.placement,
          impact.toleration,
        ],
      ),
    ).toEqual([
      [
        'DaemonSet monitoring/datadog-agent',
        'loses-pool',
        'tolerations:\n  - key: os\n    operator: Equal\n    value: windows\n    effect: NoSchedule',
      ],
      ['Deployment external-dns/external-dns', 'loses-pool', null],
    ]);
    for (const impact of impacted) {
      expect(Object.keys(impact)).toEqual(
        expect.arrayContaining([
          'id',
          'kind',
          'namespace',
          'before',
          'after',
          'reasons',
        ]),
      );
    }
    expect(run.stdout).not.toContain('ingress-nginx');
  }, 60_000);

  it('exits 2 naming a malformed taint', () => {
    const run = winready(
      'what-if',
      FLEET,
      '--cluster',
      'aks-test',
      '--pool',
      'npwin',
      '--add-taint',
      'os=windows',
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Invalid taint "os=windows" in --add-taint/);
  }, 60_000);

  it('checks manifests piped to stdin, as helm template | winready check - does', () => {
    const rendered = [
      '---',
      '# Source: app/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: app }',
      'spec:',
      '  template:',
      '    spec:',
      '      nodeSelector: { kubernetes.io/os: windows }',
      '      containers: [{ name: app, image: example.azurecr.io/legacy:ltsc2019 }]',
      '',
    ].join('\n');
    const run = winreadyWithInput(
      rendered,
      'check',
      '-',
      '--stdin-name',
      'charts/app/rendered.yaml',
      '--fleet',
      FLEET,
      '--cluster',
      'aks-test',
      '--format',
      'github',
      '--fail-on',
      'blocked',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=charts\/app\/rendered\.yaml,line=3,title=winready /m,
    );
  }, 60_000);
});
