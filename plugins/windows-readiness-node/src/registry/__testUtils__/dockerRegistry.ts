import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { Agent, request } from 'undici';

export const INSTALL_HINT =
  'Debian\'s docker-registry (distribution 2.8) is not installed: run "apt-get update && apt-get install -y docker-registry" ' +
  '(CI does this in .ci/run). The registry client tests need a real registry and do not skip without one.';

export interface DockerRegistry {
  /** `127.0.0.1:port` */
  host: string;
  /** `http://127.0.0.1:port` */
  url: string;
  /** Set when the registry requires basic auth. */
  credentials?: { username: string; password: string };
  stop(): Promise<void>;
}

/** Path of the docker-registry binary; throws with the install hint when absent. */
export function dockerRegistryBinary(
  dirs: string[] = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin'],
): string {
  const found = dirs
    .filter(Boolean)
    .map(dir => join(dir, 'docker-registry'))
    .find(path => existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

function configYaml(root: string, port: number, htpasswd?: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(root, 'data')}`,
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    'health:',
    '  storagedriver:',
    '    enabled: false',
    ...(htpasswd
      ? [
          'auth:',
          '  htpasswd:',
          '    realm: winready-test',
          `    path: ${htpasswd}`,
        ]
      : []),
    '',
  ].join('\n');
}

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const agent = new Agent();
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `docker-registry exited (${
            child.exitCode ?? child.signalCode
          }): ${output()}`,
        );
      }
      try {
        const res = await request(`${url}/v2/`, {
          dispatcher: agent,
          signal: AbortSignal.timeout(1000),
        });
        await res.body.dump();
        if (res.statusCode === 200 || res.statusCode === 401) return;
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(
      `docker-registry did not answer /v2/ within ${timeoutMs} ms: ${output()}`,
    );
  } finally {
    await agent.close();
  }
}

/**
 * Starts Debian's `docker-registry serve` on 127.0.0.1 and a free port with
 * a temporary storage directory; with `basicAuth`, behind an htpasswd file
 * whose bcrypt entry bcryptjs writes.
 */
export async function startDockerRegistry(
  options: { basicAuth?: { username: string; password: string } } = {},
): Promise<DockerRegistry> {
  const binary = dockerRegistryBinary();
  const root = await mkdtemp(join(tmpdir(), 'winready-registry-'));
  let htpasswd: string | undefined;
  if (options.basicAuth) {
    htpasswd = join(root, 'htpasswd');
    const { username, password } = options.basicAuth;
    await writeFile(htpasswd, `${username}:${hashSync(password, 4)}\n`);
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const configPath = join(root, 'config.yml');
    await writeFile(configPath, configYaml(root, port, htpasswd));
    const child = spawn(binary, ['serve', configPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const exited = new Promise<void>(resolve =>
      child.once('exit', () => resolve()),
    );
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
    };
    const host = `127.0.0.1:${port}`;
    try {
      await waitUntilServing(`http://${host}`, child, () => output, 15_000);
    } catch (error) {
      lastError = error;
      await stop();
      continue;
    }
    return {
      host,
      url: `http://${host}`,
      ...(options.basicAuth && { credentials: { ...options.basicAuth } }),
      stop: async () => {
        await stop();
        await rm(root, { recursive: true, force: true });
      },
    };
  }
  await rm(root, { recursive: true, force: true });
  throw lastError;
}
