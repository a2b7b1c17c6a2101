import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, waitFor } from './helpers';

/** The real dossier lives outside the repository; these checks run only where it exists. */
function sharedSample(): string | undefined {
  const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '';
  const file = path.resolve(extensionPath, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');
  return fs.existsSync(file) ? file : undefined;
}

describe('The shared Arabic dossier', function () {
  before(async function () {
    if (!sharedSample()) {
      this.skip();
    }
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('opens as a clipping with 24 articles in the outline and 23 table-of-contents links', async () => {
    const file = sharedSample() as string;
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const uri = editor.document.uri;
    const document = await waitFor('the clipping language', () =>
      vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString() && candidate.languageId === 'clipping'));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const articles = symbols.filter((symbol) => symbol.kind === vscode.SymbolKind.String);
    assert.strictEqual(articles.length, 24);
    // Names and order follow the title lines of the file itself, whatever they say.
    const lines = document.getText().split(/\r?\n/);
    assert.deepStrictEqual(
      articles.map((article) => article.name),
      articles.map((article) => lines[article.selectionRange.start.line].trim()),
    );
    assert.ok(articles.every((article, index) => index === 0 || article.range.start.line > articles[index - 1].range.end.line), 'in document order, without overlap');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const articleFolds = articles.filter((article) => folds.some((fold) => fold.start === article.range.start.line));
    assert.strictEqual(articleFolds.length, articles.filter((article) => article.range.end.line > article.range.start.line).length, 'every multi-line article folds');
    const toc = symbols.find((symbol) => symbol.kind === vscode.SymbolKind.Enum);
    assert.strictEqual(toc?.children.length, 23);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.strictEqual(links.length, 23, 'every entry finds its article');
    const unlisted = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'article-without-toc-entry');
      return found.length > 0 ? found : undefined;
    });
    assert.deepStrictEqual(unlisted.map((diagnostic) => diagnostic.range.start.line), [173], 'the one article the table of contents omits');
  });
});
