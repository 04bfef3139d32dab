/**
 * Abuse: hostile fleet files and configs given to the real `winready`
 * process. Each one ends by itself with exit 2 and a short message that
 * says what and where, in bounded memory; none hangs, crashes (exit 3) or
 * prints a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__testUtils__/files';
import { spawnWinready, type CliRun } from '../__testUtils__/spawnCli';
import {
  demoClusterCount,
  demoFleetJson,
  seededBytes,
} from '../__testUtils__/abuseFiles';

jest.setTimeout(120_000);

const scratch = tempDir();
afterAll(() => scratch.remove());

/** Ended by itself with exit 2, a short message and no stack trace. */
function expectRefused(run: CliRun, maxLines = 25) {
  expect({ code: run.code, signal: run.signal }).toEqual({
    code: 2,
    signal: null,
  });
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('unexpected error');
  expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(maxLines);
}

describe('winready --live with a config it cannot use', () => {
  it('exits 2 naming a missing config file, instead of hanging', async () => {
    const run = await spawnWinready(
      ['evaluate', '--live', '--config', '/nonexistent.yaml'],
      { timeoutMs: 30_000 },
    );
    expectRefused(run);
    expect(run.stderr).toContain('/nonexistent.yaml');
  });

  it('exits 2 on a config that is no YAML, instead of hanging', async () => {
    const bad = scratch.write('bad-config.yaml', 'windowsReadiness: [1, 2\n');
    const run = await spawnWinready(
      [
        'what-if',
        '--live',
        '--config',
        bad,
        '--cluster',
        'a',
        '--pool',
        'b',
        '--os-sku',
        'Windows2022',
      ],
      { timeoutMs: 30_000 },
    );
    expectRefused(run);
    expect(run.stderr).toContain('Cannot use the config');
  });
});

describe('a fleet file that is not a regular file under the size limit', () => {
  it.each([
    ['/dev/zero', /\/dev\/zero is not a regular file/],
    [path.resolve(__dirname), /is not a regular file \(a directory\)/],
  ])('refuses %s before reading it', async (file, message) => {
    const run = await spawnWinready(['evaluate', file], { timeoutMs: 30_000 });
    expectRefused(run);
    expect(run.stderr).toMatch(message);
    expect(run.maxRssMb).toBeLessThan(500);
  });

  it('refuses a file above --max-file-size or WINREADY_MAX_FILE_SIZE, naming both', async () => {
    const file = scratch.write('fleet.json', demoFleetJson(1));
    const size = fs.statSync(file).size;
    for (const run of [
      await spawnWinready(['evaluate', file, '--max-file-size', '1kB']),
      await spawnWinready(['evaluate', file], {
        env: { WINREADY_MAX_FILE_SIZE: '1000' },
      }),
    ]) {
      expectRefused(run);
      expect(run.stderr).toContain(`${file} is ${size} bytes`);
      expect(run.stderr).toMatch(/--max-file-size.*WINREADY_MAX_FILE_SIZE/);
    }
    const allowed = await spawnWinready([
      'evaluate',
      file,
      '--max-file-size',
      '10MB',
    ]);
    expect([allowed.code, allowed.stderr]).toEqual([0, '']);
  });

  it('refuses a limit that is not a size', async () => {
    const run = await spawnWinready(['evaluate', '/dev/null'], {
      env: { WINREADY_MAX_FILE_SIZE: 'lots' },
    });
    expectRefused(run);
    expect(run.stderr).toContain('WINREADY_MAX_FILE_SIZE');
  });
});

describe('hostile YAML', () => {
  it('exits 2 on an alias bomb, naming the alias and its line', async () => {
    const file = path.resolve(
      __dirname,
      '../../../../plugins/windows-readiness-common/src/fleet/__fixtures__/alias-bomb.yaml',
    );
    const run = await spawnWinready(['evaluate', file]);
    expectRefused(run);
    expect(run.stderr).toMatch(/alias/i);
    expect(run.stderr).toMatch(/\(line \d+\)/);
    expect(run.maxRssMb).toBeLessThan(2048);
  });

  it.each([
    ['YAML flow', `clusters: ${'['.repeat(50_000)}`],
    [
      'YAML block',
      `clusters:\n${Array.from(
        { length: 3000 },
        (_, i) => `${' '.repeat(i)}- a:`,
      ).join('\n')}\n`,
    ],
    ['JSON', `{"clusters": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
  ])('exits 2 on %s nested too deep, naming the line', async (_, text) => {
    const file = scratch.write('deep.txt', text);
    const run = await spawnWinready(['evaluate', file]);
    expectRefused(run);
    expect(run.stderr).toMatch(/nested deeper than \d+/);
    expect(run.stderr).toMatch(/line \d+/);
  });

  it('prints at most 20 problems, then how many more', async () => {
    const taints = Array.from({ length: 100 }, (_, i) => `"bad${i}"`).join(
      ', ',
    );
    const file = scratch.write(
      'many.yaml',
      [
        'apiVersion: winready/v1',
        'kind: Fleet',
        'metadata: { name: many }',
        'clusters:',
        '  - name: c',
        '    nodePools:',
        `      - { name: np, osType: Linux, taints: [${taints}] }`,
      ].join('\n'),
    );
    const run = await spawnWinready(['evaluate', file]);
    expectRefused(run, 23);
    expect(run.stderr.match(/invalid taint/g)).toHaveLength(20);
    expect(run.stderr).toContain('and 80 more problems');
  });

  it('exits 2 on 1 MB of random bytes with a short message', async () => {
    const file = path.join(scratch.dir, 'random.bin');
    fs.writeFileSync(file, seededBytes(1024 * 1024, 12));
    const run = await spawnWinready(['evaluate', file]);
    expectRefused(run, 3);
    expect(run.stderr).toMatch(/not UTF-8 text/);
    expect(run.maxRssMb).toBeLessThan(2048);
  });
});

describe('a large JSON fleet with one wrong field', () => {
  // ~30 MB; the 300 MB case of the issue is in input.large.test.ts.
  const copies = 900;

  it('is judged as JSON: its path and line, in no more memory than the valid file', async () => {
    const valid = scratch.write('valid.json', demoFleetJson(copies));
    const invalid = scratch.write(
      'invalid.json',
      demoFleetJson(copies, { badTaintInLastCluster: true }),
    );
    const good = await spawnWinready(['evaluate', valid, '--format', 'csv'], {
      stdoutFile: path.join(scratch.dir, 'valid.csv'),
    });
    expect([good.code, good.stderr]).toEqual([0, '']);
    const bad = await spawnWinready(['evaluate', invalid]);
    expectRefused(bad);
    expect(bad.stderr).toMatch(
      new RegExp(
        `clusters\\[${
          copies * demoClusterCount() - 1
        }\\]\\.nodePools\\[\\d+\\]\\.taints\\[0\\] \\(line \\d+, column \\d+\\): invalid taint`,
      ),
    );
    expect(bad.maxRssMb!).toBeLessThanOrEqual(1.5 * good.maxRssMb!);
  });

  it('reports a JSON syntax error with its line and column, not YAML problems', async () => {
    const text = demoFleetJson(2).replace(
      /"kind": "Fleet",/,
      '"kind": "Fleet"',
    );
    const file = scratch.write('syntax.json', text);
    const run = await spawnWinready(['evaluate', file]);
    expectRefused(run, 3);
    expect(run.stderr).toMatch(/\(line 4, column \d+\): invalid JSON: /);
  });
});
