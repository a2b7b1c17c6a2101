import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, openClipping, waitFor } from './helpers';

function targetLine(location: vscode.Location | vscode.LocationLink): number {
  return 'targetRange' in location ? location.targetRange.start.line : location.range.start.line;
}

describe('Table of contents links', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('links each matched entry to the line of its article', async () => {
    const { document } = await openClipping(HARBOUR_DOSSIER);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const byLine = links.map((link) => [link.range.start.line, link.target?.fragment]);
    assert.deepStrictEqual(byLine, [
      [HARBOUR_LINES.tocEntry1, `L${HARBOUR_LINES.article1 + 1}`],
      [HARBOUR_LINES.tocEntry1 + 1, `L${HARBOUR_LINES.article2 + 1}`],
    ]);
  });

  it('Go to Definition jumps from an entry to its article and back', async () => {
    const { document } = await openClipping(HARBOUR_DOSSIER);
    const toArticle = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, new vscode.Position(HARBOUR_LINES.tocEntry1 + 1, 6));
    assert.deepStrictEqual(toArticle.map(targetLine), [HARBOUR_LINES.article2]);
    const toEntry = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, new vscode.Position(HARBOUR_LINES.article2, 3));
    assert.deepStrictEqual(toEntry.map(targetLine), [HARBOUR_LINES.tocEntry1 + 1]);
  });

  it('reports the unmatched entry and the unlisted article as information', async () => {
    const { document } = await openClipping(HARBOUR_DOSSIER);
    const diagnostics = await waitFor('diagnostics', () => {
      const published = vscode.languages.getDiagnostics(document.uri);
      return published.length > 0 ? published : undefined;
    });
    const summary = diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.code, diagnostic.severity]).sort();
    assert.deepStrictEqual(summary, [
      [HARBOUR_LINES.tocEntry3, 'toc-entry-without-article', vscode.DiagnosticSeverity.Information],
      [HARBOUR_LINES.article3, 'article-without-toc-entry', vscode.DiagnosticSeverity.Information],
    ].sort());
  });
});
