// `npm run package`: the production build packaged as a .vsix at the repository root,
// offline, and refused when it grows past the size budget.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from '@vscode/vsce';
import { extensionManifest, repoRoot, vsixPath } from './test-host/paths.mjs';
import { run, runScript, say } from './test-host/shell.mjs';

// The extension and its two workers (each bundles the YAML readers it needs), zipped.
const sizeBudgetKb = 400;

// vsce makes README's relative links absolute; it guesses how only for GitHub and GitLab URLs.
function readmeLinkBases(manifest) {
  const repository = String(manifest.repository?.url ?? manifest.repository).replace(/\.git$/, '');
  return ['--baseContentUrl', `${repository}/blob/HEAD/`, '--baseImagesUrl', `${repository}/raw/HEAD/`];
}

/**
 * Every bundle the build wrote (the extension and its workers) goes into the package: a worker
 * left out by .vscodeignore fails only at run time, in the installed extension.
 */
async function assertBundlesPackaged() {
  const packaged = new Set(await listFiles({ cwd: repoRoot, dependencies: false }));
  const bundles = readdirSync(join(repoRoot, 'dist')).filter((file) => file.endsWith('.js')).map((file) => `dist/${file}`);
  const missing = bundles.filter((bundle) => !packaged.has(bundle));
  if (missing.length > 0) throw new Error(`.vscodeignore leaves out ${missing.join(', ')}, which the extension loads`);
}

runScript(async () => {
  const manifest = extensionManifest();
  // vsce runs the manifest's vscode:prepublish script first; it must be the production build.
  const prepublish = manifest.scripts?.['vscode:prepublish'] ?? '';
  if (!prepublish.includes('build.mjs --production')) {
    throw new Error(`package.json's vscode:prepublish must run the production build, found "${prepublish}"`);
  }
  const vsix = vsixPath();
  // The bundle carries the runtime dependencies, so vsce must not add node_modules.
  await run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', ...readmeLinkBases(manifest), '--out', vsix], { cwd: repoRoot });
  await assertBundlesPackaged();
  const sizeKb = Math.round(statSync(vsix).size / 1024);
  say(`${relative(repoRoot, vsix)}: ${sizeKb} KB (budget ${sizeBudgetKb} KB)`);
  if (sizeKb > sizeBudgetKb) throw new Error(`the package is ${sizeKb - sizeBudgetKb} KB over budget: check .vscodeignore and the bundle`);
});
