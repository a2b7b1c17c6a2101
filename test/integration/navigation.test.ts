import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, openClipping } from './helpers';

function moveCursor(editor: vscode.TextEditor, line: number, character = 0): void {
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
}

describe('Article navigation commands', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('Next Article walks from the header through every article, then stops', async () => {
    const editor = await openClipping(HARBOUR_DOSSIER);
    moveCursor(editor, 0);
    const visited: number[] = [];
    for (let step = 0; step < 4; step++) {
      await vscode.commands.executeCommand('clippings.nextArticle');
      visited.push(editor.selection.active.line);
    }
    assert.deepStrictEqual(visited, [HARBOUR_LINES.article1, HARBOUR_LINES.article2, HARBOUR_LINES.article3, HARBOUR_LINES.article3]);
  });

  it('Previous Article goes to the current title first, then to the article before', async () => {
    const editor = await openClipping(HARBOUR_DOSSIER);
    moveCursor(editor, HARBOUR_LINES.secondParagraph, 3);
    await vscode.commands.executeCommand('clippings.previousArticle');
    assert.strictEqual(editor.selection.active.line, HARBOUR_LINES.article2);
    await vscode.commands.executeCommand('clippings.previousArticle');
    assert.strictEqual(editor.selection.active.line, HARBOUR_LINES.article1);
  });

  it('Go to Article takes an index from scripts and returns where it went', async () => {
    const editor = await openClipping(HARBOUR_DOSSIER);
    const index = await vscode.commands.executeCommand<number>('clippings.goToArticle', 2);
    assert.strictEqual(index, 2);
    assert.strictEqual(editor.selection.active.line, HARBOUR_LINES.article3);
  });
});
