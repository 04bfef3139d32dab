#!/usr/bin/env node
/*
 * `yarn start`: `backstage-cli repo start` (the app's dev server and the
 * backend), after checking that their ports are free. Without this a busy port
 * kills one half with an unhandled rejection while the other half keeps
 * running. The ports come from the same config the two halves read
 * (app-config.yaml, app-config.local.yaml or the --config files given, and
 * APP_CONFIG_* variables).
 */
const { spawn } = require('node:child_process');
const { createServer } = require('node:net');
const { resolve } = require('node:path');
const { ConfigSources } = require('@backstage/config-loader');

const ROOT = resolve(__dirname, '..');
const args = process.argv.slice(2);

function portOf(config, listenKey, urlKey, fallback) {
  const listen = config.getOptionalNumber(listenKey);
  if (listen) return { port: listen, from: listenKey };
  const url = config.getOptionalString(urlKey);
  const port = url ? Number(new URL(url).port) : 0;
  return port ? { port, from: urlKey } : { port: fallback, from: 'default' };
}

/** Resolves when nothing listens on the port (any interface). */
function checkFree(port) {
  return new Promise(done => {
    const server = createServer();
    server.once('error', error => done(error.code ?? String(error)));
    server.listen({ port, host: '::', ipv6Only: false }, () =>
      server.close(() => done(undefined)),
    );
  });
}

function busyMessage(what, port, from) {
  return (
    `yarn start: port ${port} (${what}, ${from}) is in use by another process.\n` +
    `Stop that process, or give winready other ports in app-config.local.yaml ` +
    `(see "Ports" in the README).`
  );
}

async function main() {
  const source = ConfigSources.default({ argv: args, rootDir: ROOT });
  const config = await ConfigSources.toConfig(source);
  const ports = [
    [
      'the app',
      ...Object.values(portOf(config, 'app.listen.port', 'app.baseUrl', 3000)),
    ],
    [
      'the backend',
      ...Object.values(
        portOf(config, 'backend.listen.port', 'backend.baseUrl', 7007),
      ),
    ],
  ];
  config.close();
  const onlyBackend = args.includes('backend');
  for (const [what, port, from] of ports) {
    if (onlyBackend && what === 'the app') continue;
    const error = await checkFree(port);
    if (error === 'EADDRINUSE' || error === 'EACCES') {
      console.error(busyMessage(what, port, from));
      process.exit(1);
    }
  }

  const child = spawn('backstage-cli', ['repo', 'start', ...args], {
    cwd: ROOT,
    stdio: ['inherit', 'inherit', 'pipe'],
    detached: true,
  });
  const stopAll = signal => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // A port taken between the check and the start: say so and stop both halves.
  child.stderr.on('data', data => {
    process.stderr.write(data);
    const busy = /EADDRINUSE[^\n]*?:(\d+)/.exec(String(data));
    if (busy) {
      const [what, port, from] = ports.find(
        ([, p]) => String(p) === busy[1],
      ) ?? ['a server', busy[1], 'config'];
      console.error(`\n${busyMessage(what, port, from)}`);
      stopAll('SIGTERM');
      process.exitCode = 1;
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => stopAll(signal));
  }
  child.on('exit', code => {
    process.exit(process.exitCode ?? code ?? 1);
  });
}

main().catch(error => {
  console.error(`yarn start: ${error.message ?? error}`);
  process.exit(1);
});
