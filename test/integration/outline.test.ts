import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, openClipping } from './helpers';

async function symbolsOf(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
}

describe('Outline', () => {
  before(activateExtension);
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
});
