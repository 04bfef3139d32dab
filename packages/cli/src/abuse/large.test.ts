/**
 * Abuse at full size (run with WINREADY_ABUSE_LARGE=1; about two minutes
 * and 3 GB of memory): the 200,000-pod fleet of the issue, 287 MB of JSON
 * made by the benchmarks' generator. Its JSON output prints, and the same
 * file with one wrong field near its end is refused in no more memory than
 * the valid one takes, and within 2 GB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__testUtils__/files';
import { spawnWinready } from '../__testUtils__/spawnCli';

const ROOT = path.resolve(__dirname, '../../../..');
const describeLarge =
  process.env.WINREADY_ABUSE_LARGE === '1' ? describe : describe.skip;

jest.setTimeout(600_000);

describeLarge('a 200,000-pod fleet', () => {
  const scratch = tempDir();
  const valid = path.join(scratch.dir, 'fleet.json');
  const invalid = path.join(scratch.dir, 'fleet-bad.json');

  beforeAll(() => {
    const generated = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(
          ROOT,
          'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
        ),
        path.join(ROOT, 'bench/evaluate.ts'),
        '--write-fleet',
        valid,
        '--clusters',
        '400',
        '--services',
        '20000',
        '--pods-per-service',
        '10',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (generated.status !== 0) {
      throw new Error(`the fleet generator failed: ${generated.stderr}`);
    }
    const text = fs.readFileSync(valid, 'utf8');
    const at = text.lastIndexOf(':NoSchedule"');
    fs.writeFileSync(
      invalid,
      `${text.slice(0, at)}:NoSchedul"${text.slice(
        at + ':NoSchedule"'.length,
      )}`,
    );
  });
  afterAll(() => scratch.remove());

  it('prints its JSON, and refuses the invalid copy in less memory', async () => {
    const out = path.join(scratch.dir, 'out.json');
    const good = await spawnWinready(['evaluate', valid, '--format', 'json'], {
      stdoutFile: out,
      timeoutMs: 300_000,
    });
    expect([good.code, good.stderr]).toEqual([0, '']);
    const printed = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(printed.services).toHaveLength(20_000);

    const bad = await spawnWinready(['evaluate', invalid], {
      timeoutMs: 300_000,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid taint "[^"]*:NoSchedul"/);
    expect(bad.maxRssMb!).toBeLessThanOrEqual(1.5 * good.maxRssMb!);
    expect(bad.maxRssMb!).toBeLessThan(2048);
  });
});
