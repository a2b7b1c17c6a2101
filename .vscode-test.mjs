// `npm run test:electron`: the integration suites in a VS Code that @vscode/test-electron
// downloads, for machines with internet. Offline machines and CI use `npm run test:integration`,
// which runs the same suites in code-server (scripts/test-host/).
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Like the offline host, the suites get a scratch copy of the fixtures that they may edit.
const workspace = mkdtempSync(join(tmpdir(), 'clippings-workspace-'));
cpSync('test/fixtures', workspace, { recursive: true });

export default defineConfig({
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: workspace,
  env: { CLIPPINGS_TEST_WORKSPACE: workspace },
  mocha: { ui: 'bdd', timeout: 20_000 },
});
