// Bundles the extension with esbuild; with --tests also bundles the integration suites.
//   node scripts/build.mjs               development build (source maps)
//   node scripts/build.mjs --production  minified, for packaging
//   node scripts/build.mjs --watch       rebuild on change
//   node scripts/build.mjs --tests       extension + test/integration suites into out/
//   node scripts/build.mjs --bench       extension + the extension-host benchmark into out/ (add
//                                        --production to measure the build people install)
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const bench = args.has('--bench');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
};

/**
 * Every module of ours imports `vscode` as a namespace; bundled as CommonJS, each import
 * would copy all the API's properties into a namespace object of its own at load time. One
 * bundled module re-exports `vscode` instead, so the copy is made once.
 */
const vscodeImportedOnce = {
  name: 'vscode-imported-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, ({ namespace }) =>
      namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const extension = {
  ...shared,
  plugins: [vscodeImportedOnce],
  // The workers parse large sidecars, and the workspace's clippings, off the extension host's main thread.
  entryPoints: { extension: 'src/extension.ts', sidecarParseWorker: 'src/features/annotations/sidecarParseWorker.ts', workspaceIndexWorker: 'src/features/workspace/indexWorker.ts' },
  outdir: 'dist',
  sourcemap: production ? false : 'linked',
  minify: production,
};

function integrationEntries() {
  const dir = 'test/integration';
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
}

const integration = {
  ...shared,
  entryPoints: tests ? integrationEntries() : [],
  outbase: 'test/integration',
  outdir: 'out/test/integration',
  // mocha stays a runtime require: the suite runner and the suites must share one instance.
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
};

const hostBenchmark = {
  ...shared,
  entryPoints: readdirSync('bench/host').filter((file) => file.endsWith('.bench.ts')).map((file) => join('bench/host', file)),
  outdir: 'out/bench/host',
  sourcemap: 'inline',
};

// A deleted or renamed suite must not keep running from an old compiled file.
if (tests) rmSync('out/test/integration', { recursive: true, force: true });

const configs = [extension, ...(tests ? [integration] : []), ...(bench ? [hostBenchmark] : [])];

if (watch) {
  for (const config of configs) {
    const context = await esbuild.context(config);
    await context.watch();
  }
  console.log('[watch] esbuild is watching src/ for changes');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
