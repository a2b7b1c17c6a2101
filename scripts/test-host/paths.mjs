// Where things live: the repository, the host cache outside it, and the packaged extension.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Outside the repository so that fresh clones and `git clean` keep the 600 MB host.
export const hostCache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'clippings-test-host');

export const fixturesFolder = join(repoRoot, 'test', 'fixtures');
export const samplesFolder = join(repoRoot, 'samples');
export const integrationEntry = join(repoRoot, 'out', 'test', 'integration', 'index.js');

export function extensionManifest() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

export function vsixPath() {
  const { name, version } = extensionManifest();
  return join(repoRoot, `${name}-${version}.vsix`);
}
