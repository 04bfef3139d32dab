import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { parse } from 'yaml';
import { DEMO_FLEET_PATH } from './__testUtils__/simulator';

const BIN = path.resolve(__dirname, '../bin/aks-simulator');

describe('bin/aks-simulator', () => {
  it('serves a fleet file, writes the CA and config, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aks-simulator-'));
    const caFile = path.join(dir, 'ca.pem');
    const configFile = path.join(dir, 'app-config.simulator.yaml');
    // Another cwd than the package's: the bin must find its source by itself.
    const child = spawn(
      process.execPath,
      [
        BIN,
        DEMO_FLEET_PATH,
        '--ca-file',
        caFile,
        '--write-config',
        configFile,
        '--quiet',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>(resolve =>
      child.on('exit', resolve),
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', chunk => {
        stderr += chunk;
        const match = /listening on (https:\/\/\S+)/.exec(stderr);
        if (match && stderr.includes('CA certificate')) resolve(match[1]);
      });
      child.on('exit', code => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    try {
      const ca = readFileSync(caFile, 'utf8');
      const dispatcher = new Agent({ connect: { ca } });
      const response = await fetch(`${url}/v2/`, { dispatcher });
      expect(response.status).toBe(200);
      await dispatcher.close();
      const config = parse(readFileSync(configFile, 'utf8'));
      expect(config.windowsReadiness.azure).toMatchObject({
        armEndpoint: url,
        caFile,
      });
      expect(stderr).toContain(
        `kubernetes aks-weu-legacy: ${url}/clusters/aks-weu-legacy`,
      );
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('exits 2 naming the problem in a bad fleet file', async () => {
    const child = spawn(
      process.execPath,
      [BIN, path.join(__dirname, 'nope.yaml')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>(resolve =>
      child.on('exit', resolve),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/nope\.yaml/);
  }, 60_000);
});
