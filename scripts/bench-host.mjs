// The extension-host half of `npm run bench`: the outline of a 10-million-character clipping
// against the built-in Markdown outline of a file of the same size, measured in the same run
// inside a real VS Code (code-server). Prints a table and updates bench/RESULTS.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClipping, clippingToMarkdown } from '../bench/host/corpus.mjs';
import { writeResultsSection } from '../bench/results.mjs';
import { exitAfter, stopOnExit } from './test-host/cleanup.mjs';
import { runExtensionTests } from './test-host/extension-tests.mjs';
import { ensureHost } from './test-host/host-install.mjs';
import { repoRoot } from './test-host/paths.mjs';
import { runScript, say } from './test-host/shell.mjs';

const TARGET_SIZE = 10_000_000;

function prepareWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'clippings-bench-'));
  stopOnExit(() => rmSync(workspace, { recursive: true, force: true }));
  const clipping = buildClipping(join(repoRoot, 'test', 'fixtures', 'arabic-dossier.clip'), TARGET_SIZE);
  const files = { clipping: join(workspace, 'large.clip'), markdown: join(workspace, 'large.md'), results: join(workspace, 'results.json') };
  writeFileSync(files.clipping, clipping);
  writeFileSync(files.markdown, clippingToMarkdown(clipping));
  return { workspace, files };
}

function table({ vscode, results }) {
  const rows = results.map(({ name, ms, note }) => `| ${name} | ${ms.toFixed(1)} | ${note} |`);
  return [`VS Code ${vscode} (code-server), ${new Date().toISOString().slice(0, 10)}, 10 M characters:`, '', '| measurement | ms | note |', '| --- | ---: | --- |', ...rows].join('\n');
}

runScript(async () => {
  exitAfter(15 * 60_000, 'the extension-host benchmark');
  const host = await ensureHost();
  const { workspace, files } = prepareWorkspace();
  say('measuring the outline inside VS Code (code-server) on 10 M characters');
  const exitCode = await runExtensionTests({
    host,
    workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'bench', 'host', 'outline.bench.js'),
    environment: { BENCH_CLIPPING: files.clipping, BENCH_MARKDOWN: files.markdown, BENCH_RESULTS: files.results },
    workbenchLogFile: join(repoRoot, 'test-results', 'bench-workbench.log'),
  });
  if (exitCode !== 0) return exitCode;
  const markdown = table(JSON.parse(readFileSync(files.results, 'utf8')));
  console.log(markdown);
  writeResultsSection('host', markdown);
  return 0;
});
