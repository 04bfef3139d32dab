#!/usr/bin/env node
// The pack check: builds every publishable workspace (not `private`), packs it
// with `yarn pack` (backstage-cli's prepack rewrites package.json from
// publishConfig and the dist output; postpack restores it), and checks each
// tarball as npm would hand it to an adopter:
//   - every file that package.json names (main, module, types, exports, bin,
//     configSchema, files) is in the tarball;
//   - publint: exports resolve, files exist, formats match;
//   - @arethetypeswrong/cli: the types resolve for each entry point;
//   - every package a .d.ts imports is a dependency or peer dependency;
//   - scripts/public-api-check: one program that imports every public entry
//     point from the unpacked tarballs, compiled with skipLibCheck off and
//     declarations emitted (which fails on types adopters cannot name, TS4023);
//   - the bins run from the tarball (no src/ there).
// Leaves no tracked file modified. Usage: node scripts/pack-check.mjs [--no-build]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
// Under the repository's node_modules, so that the unpacked packages resolve
// their third-party dependencies from the installed tree, as in an adopter's
// app, while @winready/* resolve to the unpacked tarballs beside them.
const consumerDir = path.join(root, 'node_modules/.cache/winready-pack-check');
const tarballDir = fs.mkdtempSync(path.join(os.tmpdir(), 'winready-pack-'));
const failures = [];
const fail = (pkg, message) => failures.push(`${pkg}: ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
  };
}

function gitStatus() {
  return execFileSync('git', ['status', '--porcelain'], {
    cwd: root,
    encoding: 'utf8',
  });
}

// Backstage packaging conventions that publint and attw flag, with the reason
// each one does not reach adopters. Everything else fails the check.
const publintAccepted = [
  {
    // backstage-cli's prepack writes `import` before `types`; TypeScript then
    // falls back to `types` (attw's fallback-condition), and the public API
    // check below compiles every entry point through that export map.
    code: 'EXPORTS_TYPES_SHOULD_BE_FIRST',
    when: () => true,
  },
  {
    // exports["./alpha"].backstage is the feature marker that Backstage's
    // feature discovery reads ("@backstage/FrontendPlugin"), not a path.
    code: 'EXPORTS_VALUE_INVALID',
    when: message => message.path.at(-1) === 'backstage',
  },
  {
    // The .esm.js files are for bundlers only (the app's webpack/rspack and
    // backstage-cli's Jest transform), which read ESM whatever the extension:
    // frontend plugins have no require entry, and Node consumers of common
    // libraries get `main`, the CommonJS build.
    code: 'FILE_INVALID_FORMAT',
    when: (message, role, packed) =>
      /\.esm\.js$/.test(
        message.args.actualFilePath ??
          message.path.reduce((value, key) => value?.[key], packed),
      ),
  },
  {
    // With the bundler resolution Backstage apps compile with, TypeScript
    // reads the .d.ts for the import condition; no .d.mts is needed. A
    // backend package with subpath exports (the backend's ./testUtils) gets
    // `require` before `types` from backstage-cli's prepack, the shape of
    // Backstage's own (@backstage/plugin-catalog-node/testUtils): TypeScript
    // falls back to `types`, and the public API check compiles through it.
    code: 'TYPES_NOT_EXPORTED',
    when: (message, role) =>
      role === 'frontend-plugin' ||
      ((role === 'backend-plugin' || role === 'backend-plugin-module') &&
        message.path.at(-1) === 'require'),
  },
  {
    // Backstage backends load features with backend.add(import('pkg')) and
    // unwrap the CommonJS default; every backend plugin and module has this
    // shape, and the public API check compiles that call.
    code: 'CJS_WITH_ESMODULE_DEFAULT_EXPORT',
    when: (message, role) =>
      role === 'backend-plugin' || role === 'backend-plugin-module',
  },
];
// attw profile per Backstage role.
function attwArgs(role) {
  if (role === 'frontend-plugin') {
    // ESM-only: a Backstage frontend plugin is bundled by the app and has no
    // require condition, so node10 and node16-from-CJS do not apply
    // (--profile esm-only). Its .esm.js files are ESM without "type": "module"
    // (unexpected-module-syntax for Node, which never loads them), and types
    // resolve through the fallback described above (fallback-condition).
    return [
      '--profile',
      'esm-only',
      '--ignore-rules',
      'unexpected-module-syntax',
      'fallback-condition',
    ];
  }
  if (role === 'backend-plugin' || role === 'backend-plugin-module') {
    // CommonJS, loaded by backend.add(import('pkg')): see above; with
    // subpath exports, types resolve through the fallback described above.
    return ['--ignore-rules', 'cjs-only-exports-default', 'fallback-condition'];
  }
  // Node and common libraries: every resolution mode, nothing ignored.
  return [];
}

function publishableWorkspaces() {
  const listed = execFileSync('yarn', ['workspaces', 'list', '--json'], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .map(line => JSON.parse(line))
    .filter(ws => ws.location !== '.');
  return listed
    .map(ws => ({
      dir: path.join(root, ws.location),
      location: ws.location,
      packageJson: JSON.parse(
        fs.readFileSync(path.join(root, ws.location, 'package.json'), 'utf8'),
      ),
    }))
    .filter(ws => !ws.packageJson.private);
}

function pack(ws) {
  const tarball = path.join(
    tarballDir,
    `${ws.packageJson.name.replace('@', '').replace('/', '-')}.tgz`,
  );
  const result = run('yarn', ['pack', '--out', tarball], { cwd: ws.dir });
  // If pack failed between prepack and postpack, put package.json back.
  const backup = path.join(ws.dir, 'package.json-prepack');
  if (fs.existsSync(backup)) {
    fs.renameSync(backup, path.join(ws.dir, 'package.json'));
    fs.rmSync(path.join(ws.dir, 'config.schema.json'), { force: true });
    fail(ws.location, 'postpack did not run; package.json restored');
  }
  if (!result.ok) {
    fail(ws.location, `yarn pack failed:\n${result.output}`);
    return undefined;
  }
  return tarball;
}

function unpack(tarball, name) {
  const target = path.join(consumerDir, 'node_modules', name);
  fs.mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
  return target;
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), relative)
      : [relative];
  });
}

// Every path package.json names must be in the tarball.
function checkNamedFiles(name, packed, files) {
  const present = new Set(files);
  const named = [];
  const collect = (value, where) => {
    if (typeof value === 'string') named.push([where, value]);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // The `backstage` export condition is a marker, not a path.
        if (key !== 'backstage') collect(inner, `${where}.${key}`);
      }
    }
  };
  for (const field of ['main', 'module', 'types', 'configSchema']) {
    if (packed[field]) collect(packed[field], field);
  }
  collect(packed.exports, 'exports');
  collect(packed.bin, 'bin');
  for (const [where, value] of named) {
    if (where === 'exports../package.json') continue;
    const file = path.posix.normalize(value.replace(/^\.\//, ''));
    if (!present.has(file)) fail(name, `${where} names ${value}, not packed`);
  }
  for (const entry of packed.files ?? []) {
    const prefix = entry.replace(/\/$/, '');
    if (!files.some(f => f === prefix || f.startsWith(`${prefix}/`))) {
      fail(name, `files lists ${entry}, which packs nothing`);
    }
  }
}

async function checkPublint(name, role, packed, tarball) {
  const buffer = fs.readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: {
      tarball: buffer.buffer.slice(
        buffer.byteOffset,
        buffer.byteOffset + buffer.byteLength,
      ),
    },
    level: 'warning',
    strict: true,
  });
  for (const message of messages) {
    const accepted = publintAccepted.some(
      rule => rule.code === message.code && rule.when(message, role, packed),
    );
    if (!accepted) {
      fail(name, `publint ${message.code}: ${formatMessage(message, pkg)}`);
    }
  }
}

function checkAttw(name, role, packed, tarball) {
  if (!packed.types) return; // no types to check (the CLI)
  const result = run('yarn', [
    'attw',
    tarball,
    '--format',
    'ascii',
    '--no-color',
    ...attwArgs(role),
  ]);
  if (!result.ok) fail(name, `attw:\n${result.output}`);
}

const builtins = new Set(builtinModules);
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// A type an adopter's compiler reaches through a .d.ts must come from a
// dependency or peer: hoisting in this repository would hide the omission.
function checkTypeImports(name, packed, dir, files) {
  const declared = new Set([
    packed.name,
    ...Object.keys(packed.dependencies ?? {}),
    ...Object.keys(packed.peerDependencies ?? {}),
  ]);
  for (const file of files.filter(f => f.endsWith('.d.ts'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // TypeScript's own scanner: a quoted word in a comment is no import.
    const info = ts.preProcessFile(text, true, true);
    const specifiers = [
      ...info.importedFiles,
      ...info.typeReferenceDirectives,
    ].map(ref => ref.fileName);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const imported = packageOf(specifier);
      if (builtins.has(imported) || declared.has(imported)) continue;
      fail(name, `${file} imports ${specifier}, which it does not declare`);
    }
  }
}

// Yarn and pnpm want each dependency's peers provided by the package that
// depends on it: as a dependency of its own or as a peer passed on to the app.
// An undeclared one is an unmet peer requirement in the adopter's app.
function checkPeersProvided(name, packed, workspaceDir) {
  const provided = new Set([
    ...Object.keys(packed.dependencies ?? {}),
    ...Object.keys(packed.peerDependencies ?? {}),
  ]);
  const require = createRequire(path.join(workspaceDir, 'package.json'));
  for (const dependency of Object.keys(packed.dependencies ?? {})) {
    // The copy this workspace resolves, read directly: exports maps may hide
    // package.json from require.resolve.
    const manifestPath = (require.resolve.paths(dependency) ?? [])
      .map(dir => path.join(dir, dependency, 'package.json'))
      .find(candidate => fs.existsSync(candidate));
    if (!manifestPath) {
      fail(name, `${dependency} is not installed`);
      continue;
    }
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      const optional = manifest.peerDependenciesMeta?.[peer]?.optional;
      if (!optional && !provided.has(peer)) {
        fail(
          name,
          `${dependency} needs the peer ${peer}, which it does not pass on`,
        );
      }
    }
  }
}

function checkPublicApi(unpacked) {
  const source = path.join(root, 'scripts/public-api-check');
  // Every typed entry point of every package must be imported there.
  const program = fs.readFileSync(path.join(source, 'public-api.tsx'), 'utf8');
  for (const [name, { packed }] of unpacked) {
    if (!packed.types) continue;
    const entryPoints = packed.exports
      ? Object.keys(packed.exports).filter(key => key !== './package.json')
      : ['.'];
    for (const entryPoint of entryPoints) {
      const specifier = path.posix.join(name, entryPoint);
      if (!program.includes(`'${specifier}'`)) {
        fail(name, `scripts/public-api-check does not import ${specifier}`);
      }
    }
  }
  for (const file of fs.readdirSync(source)) {
    fs.copyFileSync(path.join(source, file), path.join(consumerDir, file));
  }
  const result = run(
    'node',
    [
      path.join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(consumerDir, 'tsconfig.json'),
    ],
    { cwd: consumerDir },
  );
  if (!result.ok) fail('public API check', `tsc:\n${result.output}`);
}

function checkBins(unpacked) {
  const cli = unpacked.get('@winready/cli');
  if (cli) {
    const result = run('node', [
      path.join(cli.dir, cli.packed.bin.winready),
      'evaluate',
      path.join(root, 'examples/fleets/demo.yaml'),
      '--format',
      'json',
    ]);
    let services = 0;
    try {
      services = JSON.parse(result.output).services.length;
    } catch {
      // reported below
    }
    if (!result.ok || services === 0) {
      fail('@winready/cli', `bin/winready evaluate:\n${result.output}`);
    }
  }
  const simulator = unpacked.get('@winready/aks-simulator');
  if (simulator) {
    // Without a fleet file it prints its usage and exits 1: the bin and dist
    // load, and nothing listens.
    const result = run('node', [
      path.join(simulator.dir, simulator.packed.bin),
    ]);
    if (result.ok || !result.output.includes('usage: aks-simulator')) {
      fail('@winready/aks-simulator', `bin/aks-simulator:\n${result.output}`);
    }
  }
}

async function main() {
  const build = !process.argv.includes('--no-build');
  const statusBefore = gitStatus();
  const started = Date.now();
  const step = label =>
    console.log(`--- ${label} (${Math.round((Date.now() - started) / 1000)}s)`);

  if (build) {
    step('yarn tsc (declarations for the build)');
    execFileSync('yarn', ['tsc'], { cwd: root, stdio: 'inherit' });
    step('backstage-cli repo build');
    execFileSync('yarn', ['backstage-cli', 'repo', 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
  }

  fs.rmSync(consumerDir, { recursive: true, force: true });
  fs.mkdirSync(consumerDir, { recursive: true });
  const unpacked = new Map();
  for (const ws of publishableWorkspaces()) {
    const name = ws.packageJson.name;
    step(`pack ${name}`);
    const tarball = pack(ws);
    if (!tarball) continue;
    const dir = unpack(tarball, name);
    const packed = JSON.parse(
      fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
    );
    const role = packed.backstage?.role;
    const files = listFiles(dir);
    checkNamedFiles(name, packed, files);
    await checkPublint(name, role, packed, tarball);
    checkAttw(name, role, packed, tarball);
    checkTypeImports(name, packed, dir, files);
    checkPeersProvided(name, packed, ws.dir);
    unpacked.set(name, { dir, packed });
  }

  step('public API check (tsc, skipLibCheck off)');
  checkPublicApi(unpacked);
  step('bins from the tarballs');
  checkBins(unpacked);

  fs.rmSync(consumerDir, { recursive: true, force: true });
  fs.rmSync(tarballDir, { recursive: true, force: true });
  if (gitStatus() !== statusBefore) {
    failures.push(`the pack left the work tree changed:\n${gitStatus()}`);
  }
  step('done');
  if (failures.length > 0) {
    console.error(`\npack check failed:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`pack check: ${unpacked.size} packages packed and sound`);
}

await main();
