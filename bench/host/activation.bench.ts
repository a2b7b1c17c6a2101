// Runs inside the VS Code extension host (see bench/host/run.ts), in a workspace with no
// clipping in it so that nothing has activated the extension yet. What activating Press
// Clippings adds is its activation time (loading the minified bundle, then activate()) less
// what VS Code spends activating an extension that does nothing, measured just before in the
// same host. Then watches the event loop while the work activation deferred runs, and times
// the first outline of a small clipping.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, type Measurement, watchEventLoop } from './measure';

const SETTLE_MS = 3000;

async function timeActivation(id: string): Promise<number> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not installed`);
  if (extension.isActive) throw new Error(`${id} was already active: its activation cannot be measured`);
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const { BENCH_CLIPPING, BENCH_RESULTS } = process.env;
  if (!BENCH_CLIPPING || !BENCH_RESULTS) throw new Error('BENCH_CLIPPING and BENCH_RESULTS must be set');
  // In some hosts a plain-text document opens as the workbench starts (the extension host's
  // log says onLanguage:plaintext; the workspace holds none) and activates the extension
  // before the suite can time it: such a host is left for another (bench/host/run.ts).
  if (vscode.extensions.getExtension(EXTENSION_ID)?.isActive) {
    fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results: [], unmeasurable: `${EXTENSION_ID} was active before the suite started` }));
    return;
  }
  const firstMs = await timeActivation('clippings-lab.activation-baseline-first');
  const baselineMs = await timeActivation('clippings-lab.activation-baseline');
  const stalls = watchEventLoop();
  const oursMs = await timeActivation(EXTENSION_ID);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const settleStall = stalls();

  const outlineStarted = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(BENCH_CLIPPING));
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
  const outlineMs = performance.now() - outlineStarted;
  if (!symbols?.length) throw new Error('the first outline came back empty');

  const results: Measurement[] = [
    { name: 'activation added by Press Clippings', ms: oursMs - baselineMs, note: 'the two rows below: ours less the do-nothing extension' },
    { name: 'activate Press Clippings', ms: oursMs, note: 'extension.activate(): loads the minified bundle, runs activate()' },
    { name: 'activate a do-nothing extension', ms: baselineMs, note: "VS Code's own work for any extension" },
    { name: 'first activation in the host (a do-nothing extension)', ms: firstMs, note: 'what VS Code does once, whichever extension activates first' },
    { name: `longest event-loop stall in the ${SETTLE_MS / 1000} s after activation`, ms: settleStall, note: 'activation included, and what it left for later (workspace index start-up)' },
    { name: 'open a small clipping and get its outline', ms: outlineMs, note: `${symbols.length} top-level symbols, end to end through the workbench` },
  ];
  fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results }, null, 2));
}
