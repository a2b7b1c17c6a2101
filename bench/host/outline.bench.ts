// Runs inside the VS Code extension host (see scripts/bench-host.mjs): times the outline of a
// 10-million-character clipping against the built-in Markdown outline on a file of the same
// size, in the same run, and writes the numbers as JSON for the driver to print.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { createOutlineProvider } from '../../src/features/outline';
import { ClippingParseCache } from '../../src/features/parseCache';
import { SEPARATOR_LINE } from '../corpus';
import { parseClipping } from '../../src/core/parser';
import { median } from '../median';


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

const EDIT_ROUNDS = 5;
const FRESH_ROUNDS = 5;

/**
 * The first version again, each time from a fresh cache, once the code has run: one cold run
 * per host on a shared machine says little, the median of several says what the work costs.
 */
function freshBuilds(document: vscode.TextDocument, log: vscode.LogOutputChannel, cancel: vscode.CancellationToken): number[] {
  const times: number[] = [];
  for (let round = 0; round < FRESH_ROUNDS; round++) {
    const parses = new ClippingParseCache(log);
    const provider = createOutlineProvider(parses);
    const started = performance.now();
    provider.provideDocumentSymbols(document, cancel);
    times.push(performance.now() - started);
    provider.dispose();
    parses.dispose();
  }
  return times;
}

/** The same symbols made again from names and positions already known: what VS Code's API costs for an outline this size, with nothing to read. */
function remade(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  const range = ({ start, end }: vscode.Range) => new vscode.Range(start.line, start.character, end.line, end.character);
  return symbols.map((symbol) => {
    const copy = new vscode.DocumentSymbol(symbol.name, symbol.detail, symbol.kind, range(symbol.range), range(symbol.selectionRange));
    copy.children = remade(symbol.children);
    return copy;
  });
}


async function edit(document: vscode.TextDocument, at: vscode.Position, text: string): Promise<void> {
  const change = new vscode.WorkspaceEdit();
  change.insert(document.uri, at, text);
  if (!(await vscode.workspace.applyEdit(change))) throw new Error('the benchmark edit was refused');
}

async function measureClipping(file: string): Promise<Measurement[]> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const text = document.getText();
  const scan = await time(() => text.match(SEPARATOR_LINE)?.length ?? 0);
  const textRead = await time(() => document.getText().length);
  const parse = await time(() => parseClipping(text).articles.length);

  // The provider's own work, without the round trip to the workbench: a fresh cache is a new version.
  const log = vscode.window.createOutputChannel('clippings bench', { log: true });
  const parses = new ClippingParseCache(log);
  const provider = createOutlineProvider(parses);
  const cancel = new vscode.CancellationTokenSource().token;
  const fresh = await time(() => provider.provideDocumentSymbols(document, cancel));
  const unchanged = await time(() => provider.provideDocumentSymbols(document, cancel));
  const warmFirst = freshBuilds(document, log, cancel);
  const symbolsOnly = await time(() => remade(fresh.value as vscode.DocumentSymbol[]));
  // Typing: a character in the title of an article in the middle, then a line inserted near
  // the top, which moves every article below it; five times each, the median reported.
  const articles = parses.get(document).articles;
  const typed: number[] = [];
  const linesAdded: number[] = [];
  let lineAdded: { ms: number; value: unknown } | undefined;
  for (let round = 0; round < EDIT_ROUNDS; round++) {
    const article = parses.get(document).articles[Math.floor(articles.length / 2) + round];
    await edit(document, document.positionAt(article.title.end), 'x');
    typed.push((await time(() => provider.provideDocumentSymbols(document, cancel))).ms);
    await edit(document, new vscode.Position(1, 0), 'A line typed near the top.\n');
    lineAdded = await time(() => provider.provideDocumentSymbols(document, cancel));
    linesAdded.push(lineAdded.ms);
  }
  const compared = createOutlineProvider(new ClippingParseCache(log));
  const rebuilt = await time(() => compared.provideDocumentSymbols(document, cancel));
  if (JSON.stringify(rebuilt.value) !== JSON.stringify(lineAdded?.value)) throw new Error('the outline built from the last version differs from one built anew');
  provider.dispose();
  compared.dispose();
  parses.dispose();
  log.dispose();
  await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);

  const firstRequest = await time(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri));
  const laterRequest = await time(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri));
  const symbols = countSymbols(firstRequest.value);
  return [
    { name: 'regex scan for separator lines (host)', ms: scan.ms, note: `${scan.value} separators in ${text.length.toLocaleString('en')} chars` },
    { name: 'document.getText()', ms: textRead.ms, note: 'part of every new version: the parse reads the text from the editor' },
    { name: 'parseClipping', ms: parse.ms, note: `${parse.value} articles; part of every new version` },
    { name: 'outline provider, first version (parse + symbols)', ms: fresh.ms, note: `${countSymbols(fresh.value as vscode.DocumentSymbol[])} symbols, nothing built before` },
    { name: 'outline provider, first version, warm code', ms: median(warmFirst), note: `the same from a fresh cache, once the code has run; median of ${FRESH_ROUNDS}, ${Math.round(Math.min(...warmFirst))}–${Math.round(Math.max(...warmFirst))} ms` },
    { name: 'the same symbols made from data already read', ms: symbolsOnly.ms, note: 'DocumentSymbol and Range objects only, no parse or reading: the floor VS Code\'s API sets for an outline this size' },
    { name: 'outline provider, unchanged version', ms: unchanged.ms, note: 'cached per version' },
    { name: 'outline provider, new version: one character typed', ms: median(typed), note: `parse + the symbols of the edited article, the others kept from the last version; median of ${EDIT_ROUNDS} edits` },
    { name: 'outline provider, new version: a line added near the top', ms: median(linesAdded), note: `parse + every symbol below moved down a line; median of ${EDIT_ROUNDS} edits` },
    { name: 'outline provider, that version built anew', ms: rebuilt.ms, note: 'the same symbols (checked) from a fresh cache' },
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
