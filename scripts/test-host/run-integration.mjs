// `npm run test:integration` (after the build): runs out/test/integration/index.js inside a
// real VS Code on a scratch copy of test/fixtures, and exits with the suite's code.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitAfter, stopOnExit } from './cleanup.mjs';
import { runExtensionTests } from './extension-tests.mjs';
import { ensureHost } from './host-install.mjs';
import { fixturesFolder, integrationEntry, repoRoot } from './paths.mjs';
import { runScript, say } from './shell.mjs';

const overallLimitMs = 10 * 60_000;

// Tests may edit and save files freely: they work on a copy that is thrown away afterwards.
function scratchWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'clippings-workspace-'));
  cpSync(fixturesFolder, workspace, { recursive: true });
  stopOnExit(() => rmSync(workspace, { recursive: true, force: true }));
  return workspace;
}

runScript(async () => {
  exitAfter(overallLimitMs, 'the integration suite');
  for (const built of [join(repoRoot, 'dist', 'extension.js'), integrationEntry]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run test:integration\`, which builds first`);
  }
  const host = await ensureHost();
  const workspace = scratchWorkspace();
  const workbenchLogFile = join(repoRoot, 'test-results', 'integration-workbench.log');
  say(`running the integration suites in VS Code (code-server) on a copy of test/fixtures in ${workspace}`);
  const exitCode = await runExtensionTests({
    host,
    workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: integrationEntry,
    // CLIPPINGS_TEST_GREP=outline runs only the tests whose full title matches (while working on one feature).
    environment: { CLIPPINGS_TEST_WORKSPACE: workspace, ...(process.env.CLIPPINGS_TEST_GREP && { CLIPPINGS_TEST_GREP: process.env.CLIPPINGS_TEST_GREP }) },
    workbenchLogFile,
  });
  if (exitCode !== 0) say(`the integration suites failed (exit code ${exitCode}); the workbench's own log is ${workbenchLogFile}`);
  return exitCode;
});
