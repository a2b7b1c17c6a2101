// Runs inside the VS Code extension host (see scripts/bench-host.mjs): times the outline of a
// 10-million-character clipping against the built-in Markdown outline on a file of the same
// size, in the same run, and writes the numbers as JSON for the driver to print.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { createOutlineProvider } from '../../src/features/outline';
import { ClippingParseCache } from '../../src/features/parseCache';
import { SEPARATOR_LINE } from '../corpus';


interface Measurement {
  readonly name: string;
  readonly ms: number;
  readonly note: string;
}

async function time<T>(action: () => T | Thenable<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

function countSymbols(symbols: readonly vscode.DocumentSymbol[] | undefined): number {
  return (symbols ?? []).reduce((total, symbol) => total + 1 + countSymbols(symbol.children), 0);
}

async function measureClipping(file: string): Promise<Measurement[]> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const text = document.getText();
  const scan = await time(() => text.match(SEPARATOR_LINE)?.length ?? 0);

  // The provider's own work, without the round trip to the workbench: a fresh cache is a new version.
  const log = vscode.window.createOutputChannel('clippings bench', { log: true });
  const provider = createOutlineProvider(new ClippingParseCache(log));
  const cancel = new vscode.CancellationTokenSource().token;
  const fresh = await time(() => provider.provideDocumentSymbols(document, cancel));
  const unchanged = await time(() => provider.provideDocumentSymbols(document, cancel));
  log.dispose();

  const firstRequest = await time(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri));
  const laterRequest = await time(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri));
  const symbols = countSymbols(firstRequest.value);
  return [
    { name: 'regex scan for separator lines (host)', ms: scan.ms, note: `${scan.value} separators in ${text.length.toLocaleString('en')} chars` },
    { name: 'outline provider, new version (parse + symbols)', ms: fresh.ms, note: `${countSymbols(fresh.value as vscode.DocumentSymbol[])} symbols` },
    { name: 'outline provider, unchanged version', ms: unchanged.ms, note: 'cached per version' },
    { name: 'executeDocumentSymbolProvider, clipping, first', ms: firstRequest.ms, note: `${symbols} symbols, end to end through the workbench` },
    { name: 'executeDocumentSymbolProvider, clipping, later', ms: laterRequest.ms, note: 'end to end' },
  ];
}

/**
 * The Markdown extension registers its outline only once it has activated, and until then a
 * request answers with nothing; the first request counts until the first real answer, which
 * is what a person opening the Outline waits for.
 */
async function measureMarkdown(file: string): Promise<Measurement[]> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const request = () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
  const first = await time(async () => {
    for (let attempt = 0; attempt < 600; attempt++) {
      const symbols = await request();
      if (symbols && symbols.length > 0) return symbols;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the Markdown outline stayed empty for 30 s');
  });
  const later = await time(request);
  return [
    { name: 'executeDocumentSymbolProvider, Markdown, first', ms: first.ms, note: `${countSymbols(first.value)} symbols, built-in Markdown extension` },
    { name: 'executeDocumentSymbolProvider, Markdown, later', ms: later.ms, note: 'end to end' },
  ];
}

export async function run(): Promise<void> {
  const { BENCH_CLIPPING, BENCH_MARKDOWN, BENCH_RESULTS } = process.env;
  if (!BENCH_CLIPPING || !BENCH_MARKDOWN || !BENCH_RESULTS) throw new Error('BENCH_CLIPPING, BENCH_MARKDOWN and BENCH_RESULTS must be set');
  const results = [...(await measureClipping(BENCH_CLIPPING)), ...(await measureMarkdown(BENCH_MARKDOWN))];
  fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results }, null, 2));
}
