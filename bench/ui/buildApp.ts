/**
 * Child process of `yarn bench:ui --frontend build|both`: builds the app
 * (packages/app) for production, as `backstage-cli package build` does
 * (rspack, minified, React production mode, the frontend config injected
 * into index.html), but into the bench's temp dir instead of
 * packages/app/dist, with the given config files. Run with the working
 * directory packages/app; `node -r nodeTransform buildApp.ts OUT CONFIG...`.
 * Prints `built <ms>` on success, exits 1 on failure.
 */
async function main() {
  const [outDir, ...configPaths] = process.argv.slice(2);
  if (!outDir || !configPaths.length) {
    throw new Error('usage: buildApp.ts OUT_DIR CONFIG...');
  }
  process.env.NODE_ENV = 'production';
  const started = performance.now();
  // The CLI's own bundler (no public API for a build into another dir).
  const {
    buildBundle,
  } = require('@backstage/cli-module-build/dist/lib/bundler/bundle.cjs.js');
  const {
    loadCliConfig,
  } = require('@backstage/cli-module-build/dist/lib/config.cjs.js');
  const packageJson = require(`${process.cwd()}/package.json`);
  await buildBundle({
    targetDir: process.cwd(),
    entry: 'src/index',
    dist: outDir,
    statsJsonEnabled: false,
    ...(await loadCliConfig({
      args: configPaths,
      fromPackage: packageJson.name,
    })),
  });
  process.stdout.write(`built ${Math.round(performance.now() - started)}\n`);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
