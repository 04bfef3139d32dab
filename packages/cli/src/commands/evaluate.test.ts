import fs from 'node:fs';
import { parse, stringify } from 'yaml';
import { AT, cli, FLEET, JSON_FORMAT } from '../__testUtils__/cli';
import { BAD_YAML_FLEET, fixture, tempDir } from '../__testUtils__/files';

const temp = tempDir();
afterAll(() => temp.remove());

function statuses(stdout: string): Record<string, string> {
  const result = JSON.parse(stdout);
  return Object.fromEntries(
    result.services.map((s: { id: string; status: string }) => [
      s.id,
      s.status,
    ]),
  );
}

describe('winready evaluate', () => {
  it('prints a table for a person at a terminal by default', async () => {
    const { code, stdout } = await cli('evaluate', FLEET, ...AT);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SERVICE\s+STATUS/m);
    expect(stdout).toMatch(/^legacy\s+blocked/m);
  });

  it('prints the contract JSON with --format json and exits 0', async () => {
    const { code, stdout, stderr } = await cli(
      'evaluate',
      FLEET,
      ...AT,
      ...JSON_FORMAT,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(stdout);
    expect(result.asOf).toBe('2026-11-01T00:00:00.000Z');
    expect(statuses(stdout)).toEqual({
      api: 'not-applicable',
      legacy: 'blocked',
      modern: 'at-risk',
      multi: 'at-risk',
    });
    expect(result.services[1].checks[0]).toMatchObject({
      id: 'image-os-build',
      result: 'fail',
      message: expect.any(String),
      evidence: [expect.objectContaining({ pool: 'npwin' })],
      remediation: expect.objectContaining({ snippetLanguage: 'dockerfile' }),
    });
    const edge = result.clusters.find((c: any) => c.name === 'aks-edge');
    expect(edge.checks).toEqual([
      expect.objectContaining({ id: 'windows-pool-taint', result: 'warn' }),
    ]);
    expect(result.summary.byStatus.blocked).toBe(1);
  });

  it.each([
    ['json', /^\{\n {2}"asOf"/],
    ['table', /^Windows readiness as of 2026-11-01: 4 services/],
    ['csv', /^service,status,check,result,message\r\n/],
    ['markdown', /^# Windows readiness report\n/],
  ])('prints --format %s', async (format, start) => {
    const { code, stdout } = await cli(
      'evaluate',
      FLEET,
      ...AT,
      '--format',
      format,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(start);
    expect(stdout).toContain('legacy');
  });

  it('counts dates from --at', async () => {
    const { stdout } = await cli(
      'evaluate',
      FLEET,
      '--at',
      '2024-01-01',
      ...JSON_FORMAT,
    );
    expect(JSON.parse(stdout).asOf).toBe('2024-01-01T00:00:00.000Z');
    expect(statuses(stdout)).toMatchObject({ modern: 'ready', multi: 'ready' });
  });

  it('applies --os-skus overrides', async () => {
    const overrides = ['--os-skus', fixture('os-skus.yaml')];
    const { code, stdout } = await cli(
      'evaluate',
      FLEET,
      ...AT,
      ...overrides,
      ...JSON_FORMAT,
    );
    expect(code).toBe(0);
    expect(statuses(stdout)).toMatchObject({ modern: 'ready', multi: 'ready' });
  });

  describe('--fail-on', () => {
    let noBlocked: string;
    beforeAll(() => {
      // The fixture without its blocked service: at-risk is the worst left.
      const fleet = parse(fs.readFileSync(FLEET, 'utf8'));
      fleet.clusters[0].objects = fleet.clusters[0].objects.filter(
        (o: any) => o.metadata.name !== 'legacy',
      );
      noBlocked = temp.write('no-blocked.yaml', stringify(fleet));
    });

    it.each([
      ['the fixture', undefined, 0],
      ['the fixture', 'blocked', 1],
      ['the fixture', 'at-risk', 1],
      ['no blocked service', 'blocked', 0],
      ['no blocked service', 'at-risk', 1],
    ])('on %s with --fail-on %s exits %i', async (which, failOn, exit) => {
      const file = which === 'the fixture' ? FLEET : noBlocked;
      const flag = failOn ? ['--fail-on', failOn] : [];
      const { code, stdout } = await cli(
        'evaluate',
        file,
        ...AT,
        ...flag,
        ...JSON_FORMAT,
      );
      expect(code).toBe(exit);
      // The results are printed whatever the exit code.
      expect(JSON.parse(stdout).services.length).toBeGreaterThan(0);
    });
  });

  it.each([
    [
      [fixture('fleet-bad-taint.yaml')],
      /clusters\[0\]\.nodePools\[0\]\.taints\[0\] \(line 10\)/,
    ],
    [
      [temp.write('fleet-bad-yaml.yaml', BAD_YAML_FLEET)],
      /fleet-bad-yaml\.yaml: invalid fleet file/,
    ],
    [[fixture('missing.yaml')], /Cannot read fleet file .*missing\.yaml/],
    [
      [FLEET, '--at', '2026-02-30'],
      /'--at <date>' argument '2026-02-30' is invalid.*YYYY-MM-DD/,
    ],
    [
      [FLEET, '--format', 'xml'],
      /Allowed choices are json, table, csv, markdown/,
    ],
    [[FLEET, '--fail-on', 'unknown'], /Allowed choices are blocked, at-risk/],
    [[FLEET, '--bogus'], /unknown option '--bogus'/],
    [[FLEET, 'extra'], /too many arguments/],
    [
      [FLEET, '--os-skus', fixture('os-skus-bad.yaml')],
      /os-skus-bad\.yaml: OS SKU "Windows2022": retirementDate/,
    ],
    [[], /missing fleet file \(or --live --config FILE\)/],
    [['--live'], /--live needs at least one --config/],
    [[FLEET, '--live', '--config', FLEET], /either a fleet file or --live/],
    [['--live', '--config', 'x.yaml'], /--config .*No such file: x\.yaml/],
  ])('exits 2 for evaluate %j', async (args, message) => {
    const { code, stdout, stderr } = await cli('evaluate', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
