/**
 * The extension-host half of `npm run bench`: the outline of a 10-million-character clipping
 * against the built-in Markdown outline of the same text, measured in the same run inside a
 * real VS Code (code-server). Two dossiers: our own sample repeated (short articles, many
 * symbols) and, when present, the shared real dossier repeated (articles of real length).
 * Prints a table and updates bench/RESULTS.md. Run after `node scripts/build.mjs --bench`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exitAfter, stopOnExit } from '../../scripts/test-host/cleanup.mjs';
import { runExtensionTests } from '../../scripts/test-host/extension-tests.mjs';
import { ensureHost } from '../../scripts/test-host/host-install.mjs';
import { repoRoot } from '../../scripts/test-host/paths.mjs';
import { runScript, say } from '../../scripts/test-host/shell.mjs';
import { buildDossier, dossierToMarkdown } from '../corpus';
import { writeResultsSection } from '../results.mjs';

const TARGET_SIZE = 10_000_000;

interface Measurement {
  readonly name: string;
  readonly ms: number;
  readonly note: string;
}

const DOSSIERS = [
  { label: 'own sample repeated', source: join(repoRoot, 'test', 'fixtures', 'arabic-dossier.clip') },
  { label: 'shared real dossier repeated', source: resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt') },
].filter(({ source }) => existsSync(source));

async function measure(host: unknown, label: string, source: string): Promise<{ vscode: string; results: Measurement[] }> {
  const workspace = mkdtempSync(join(tmpdir(), 'clippings-bench-'));
  stopOnExit(() => rmSync(workspace, { recursive: true, force: true }));
  const clipping = buildDossier([readFileSync(source, 'utf8')], TARGET_SIZE);
  const files = { clipping: join(workspace, 'large.clip'), markdown: join(workspace, 'large.md'), results: join(workspace, 'results.json') };
  writeFileSync(files.clipping, clipping);
  writeFileSync(files.markdown, dossierToMarkdown(clipping));
  say(`measuring the outline inside VS Code (code-server): ${label}`);
  const exitCode = await runExtensionTests({
    host,
    workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'bench', 'host', 'outline.bench.js'),
    environment: { BENCH_CLIPPING: files.clipping, BENCH_MARKDOWN: files.markdown, BENCH_RESULTS: files.results },
    workbenchLogFile: join(repoRoot, 'test-results', 'bench-workbench.log'),
  });
  if (exitCode !== 0) throw new Error(`the host benchmark failed (exit code ${exitCode})`);
  return JSON.parse(readFileSync(files.results, 'utf8'));
}

function table(label: string, vscode: string, results: readonly Measurement[]): string {
  const rows = results.map(({ name, ms, note }) => `| ${name} | ${ms.toFixed(1)} | ${note} |`);
  return [`### ${label}`, '', `VS Code ${vscode} (code-server), ${new Date().toISOString().slice(0, 10)}, 10 M characters:`, '', '| measurement | ms | note |', '| --- | ---: | --- |', ...rows].join('\n');
}

runScript(async () => {
  exitAfter(20 * 60_000, 'the extension-host benchmark');
  const host = await ensureHost();
  const sections: string[] = ['## Extension host (`bench/host`)'];
  for (const { label, source } of DOSSIERS) {
    const { vscode, results } = await measure(host, label, source);
    sections.push(table(label, vscode, results));
  }
  const markdown = sections.join('\n\n');
  console.log(markdown);
  writeResultsSection('host', markdown);
  return 0;
});
