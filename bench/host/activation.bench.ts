// Runs inside the VS Code extension host (see bench/host/run.ts), in a workspace with no
// clipping in it so that nothing has activated the extension yet: times activate() (loading
// the bundle and wiring every feature), then watches the event loop while the work that
// activation deferred runs, then times the first outline of a small clipping.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, type Measurement, watchEventLoop } from './measure';

const SETTLE_MS = 3000;

export async function run(): Promise<void> {
  const { BENCH_CLIPPING, BENCH_RESULTS } = process.env;
  if (!BENCH_CLIPPING || !BENCH_RESULTS) throw new Error('BENCH_CLIPPING and BENCH_RESULTS must be set');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  if (extension.isActive) throw new Error('the extension was already active: activation cannot be measured');

  const stalls = watchEventLoop();
  const started = performance.now();
  await extension.activate();
  const activationMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const settleStall = stalls();

  const outlineStarted = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(BENCH_CLIPPING));
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
  const outlineMs = performance.now() - outlineStarted;
  if (!symbols?.length) throw new Error('the first outline came back empty');

  const results: Measurement[] = [
    { name: 'activation: extension.activate() from inactive', ms: activationMs, note: 'loads the minified bundle and registers every feature' },
    { name: `longest event-loop stall in the ${SETTLE_MS / 1000} s after activation`, ms: settleStall, note: 'what activation left for later (workspace index start-up)' },
    { name: 'open a small clipping and get its outline', ms: outlineMs, note: `${symbols.length} top-level symbols, end to end through the workbench` },
  ];
  fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results }, null, 2));
}
