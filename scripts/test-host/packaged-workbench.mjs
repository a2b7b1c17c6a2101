// The workbench a person gets from `npm start`: the extension packaged as a .vsix and
// installed into a fresh extensions folder, as a user would install it. The end-to-end
// tests start the very same thing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopOnExit } from './cleanup.mjs';
import { installVsix, startCodeServer } from './code-server.mjs';
import { repoRoot, vsixPath } from './paths.mjs';
import { run, say } from './shell.mjs';

// One package per process: every workbench that a test run starts gets the same .vsix.
let packaging;

export async function startPackagedWorkbench({ host, port, folder }) {
  packaging ??= run(process.execPath, [join(repoRoot, 'scripts', 'package.mjs')]);
  await packaging;
  const extensionsDir = mkdtempSync(join(tmpdir(), 'clippings-extensions-'));
  stopOnExit(() => rmSync(extensionsDir, { recursive: true, force: true }));
  say(`installing ${vsixPath()} into a fresh extensions folder`);
  await installVsix({ host, vsix: vsixPath(), extensionsDir });
  return startCodeServer({ host, folder, port, extensionsDir });
}
