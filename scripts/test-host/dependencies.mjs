// Runs `npm install` when node_modules is missing or was installed from other manifests.
// Node built-ins only: this runs on a fresh clone, before any dependency exists.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';
import { run, say } from './shell.mjs';

const stampFile = join(repoRoot, 'node_modules', '.clippings-dependencies.sha256');

// Only the fields that change what npm installs: editing commands or settings in the
// manifest must not trigger a reinstall.
function dependencyFingerprint() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const installFields = ['dependencies', 'devDependencies', 'optionalDependencies', 'overrides', 'allowScripts'];
  const hash = createHash('sha256');
  hash.update(JSON.stringify(installFields.map((field) => manifest[field] ?? null)));
  const lockFile = join(repoRoot, 'package-lock.json');
  if (existsSync(lockFile)) hash.update(readFileSync(lockFile));
  return hash.digest('hex');
}

export async function ensureNpmDependencies() {
  const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (installed === dependencyFingerprint()) return;
  say(existsSync(join(repoRoot, 'node_modules')) ? 'package.json or package-lock.json changed: running npm install' : 'no node_modules yet: running npm install');
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: repoRoot });
  // npm install may rewrite the lock file, so the fingerprint is taken afterwards.
  writeFileSync(stampFile, `${dependencyFingerprint()}\n`);
}
