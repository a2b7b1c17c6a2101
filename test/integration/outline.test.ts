import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { createOutlineProvider } from '../../src/features/outline';
import { ClippingParseCache } from '../../src/features/parseCache';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, openClipping } from './helpers';

async function symbolsOf(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
}

/** What the outline shows of its symbols, children included: what must not depend on how it was built. */
function shown(symbols: readonly vscode.DocumentSymbol[]): unknown[] {
  const position = (at: vscode.Position) => `${at.line}:${at.character}`;
  return symbols.map((symbol) => ({
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind,
    range: `${position(symbol.range.start)}-${position(symbol.range.end)}`,
    selection: `${position(symbol.selectionRange.start)}-${position(symbol.selectionRange.end)}`,
    children: shown(symbol.children),
  }));
}

/** The outline of the document's current version built from nothing, by a provider that never saw the earlier ones. */
async function builtAnew(document: vscode.TextDocument, log: vscode.LogOutputChannel): Promise<unknown[]> {
  const parses = new ClippingParseCache(log);
  const provider = createOutlineProvider(parses);
  try {
    return shown((await provider.provideDocumentSymbols(document, new vscode.CancellationTokenSource().token)) as vscode.DocumentSymbol[]);
  } finally {
    provider.dispose();
    parses.dispose();
  }
}

describe('Outline', () => {
  let log: vscode.LogOutputChannel;
  before(async () => {
    await activateExtension();
    log = vscode.window.createOutputChannel('Outline test', { log: true });
  });
  after(() => log.dispose());
  afterEach(closeAllEditors);

  it('lists header, table of contents, articles and separators in document order', async () => {
    const { document } = await openClipping(HARBOUR_DOSSIER);
    const symbols = await symbolsOf(document);
    assert.deepStrictEqual(
      symbols.map((symbol) => symbol.name),
      [
        'Harbour talks 2024-03-12',
        'Contents:',
        'Ministers agree on harbour reopening',
        '='.repeat(12),
        'Unions warn about night shifts',
        '='.repeat(12),
        'A dispatch nobody listed',
        '='.repeat(12),
      ],
    );
    const [, toc, firstArticle] = symbols;
    assert.strictEqual(toc.children.length, 3, 'one child per table-of-contents entry');
    assert.strictEqual(firstArticle.range.start.line, HARBOUR_LINES.article1);
    assert.match(firstArticle.detail, /The Coastal Times · 2024-03-12 10:15/);
  });

  it('hides separators when the setting says so', async () => {
    const settings = vscode.workspace.getConfiguration('clippings');
    await settings.update('outline.showSeparators', false, vscode.ConfigurationTarget.Global);
    try {
      const { document } = await openClipping(HARBOUR_DOSSIER);
      const names = (await symbolsOf(document)).map((symbol) => symbol.name);
      assert.ok(!names.includes('='.repeat(12)), `no separator among ${names.join(' | ')}`);
      assert.strictEqual(names.length, 5);
    } finally {
      await settings.update('outline.showSeparators', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('follows edits: a new article appears after the document changes', async () => {
    const editor = await openClipping(HARBOUR_DOSSIER);
    const end = editor.document.positionAt(editor.document.getText().length);
    await editor.edit((edit) => edit.insert(end, 'Late news from the quay\nShips queued overnight.\n'));
    const names = (await symbolsOf(editor.document)).map((symbol) => symbol.name);
    assert.strictEqual(names[names.length - 1], 'Late news from the quay');
  });

  it('builds each version from the last one exactly as it would build it anew', async () => {
    const editor = await openClipping(HARBOUR_DOSSIER);
    const { document } = editor;
    const line = (n: number) => document.lineAt(n).range;
    const edits: [string, (edit: vscode.TextEditorEdit) => void][] = [
      ['a character typed in the second title', (edit) => edit.insert(line(HARBOUR_LINES.article2).end, 'x')],
      ['a comments section closing the last article', (edit) => edit.insert(line(HARBOUR_LINES.article3 + 1).end, '\nComments (1)\nSamir\n12.03.2024 11:00\nA reader comment.')],
      ['a line added at the top', (edit) => edit.insert(new vscode.Position(0, 0), 'Press review\n')],
      ['a separator splitting the last article', (edit) => edit.insert(line(HARBOUR_LINES.secondParagraph + 1).start, '=====\n')],
      ['the second title deleted with its line break', (edit) => edit.delete(new vscode.Range(HARBOUR_LINES.article2 + 1, 0, HARBOUR_LINES.article2 + 2, 0))],
      ['CRLF line breaks', (edit) => edit.setEndOfLine(vscode.EndOfLine.CRLF)],
      ['a line break typed at the end of a line near the end', (edit) => edit.insert(line(document.lineCount - 3).end, '\n')],
    ];
    await symbolsOf(document);
    for (const [what, change] of edits) {
      assert.ok(await editor.edit(change), `${what}: the edit was applied`);
      assert.deepStrictEqual(shown(await symbolsOf(document)), await builtAnew(document, log), what);
    }
    assert.ok(await editor.edit((edit) => [3, 9, 17].forEach((at) => edit.insert(new vscode.Position(at, 0), '* '))), 'three cursors typing');
    for (const at of [5, 6, 30]) assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(Math.min(at, document.lineCount - 1), 0), 'typed ')));
    assert.deepStrictEqual(shown(await symbolsOf(document)), await builtAnew(document, log), 'after multi-cursor typing and three edits in a row');
    await vscode.commands.executeCommand('undo');
    assert.deepStrictEqual(shown(await symbolsOf(document)), await builtAnew(document, log), 'after undo');
  });
});
