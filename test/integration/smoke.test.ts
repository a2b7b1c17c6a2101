// The extension in a real VS Code: a .clip file activates it, gets the clipping language,
// and a contributed command does what it says.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';

const extensionId = 'clippings-lab.press-clippings';
const firstArticleTitle = 'The harbour reopens after two weeks of repairs';

function fixtureUri(name: string): vscode.Uri {
  const workspace = vscode.workspace.workspaceFolders?.[0];
  assert.ok(workspace, 'the test host opens a copy of test/fixtures as the workspace');
  return vscode.Uri.joinPath(workspace.uri, name);
}

// Activation follows the document opening asynchronously.
async function becomesTrue(condition: () => boolean, withinMs = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; await sleep(50)) {
    if (condition()) return true;
  }
  return condition();
}

describe('smoke: a .clip file in VS Code', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('smoke.clip')));
  });

  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded`);
    assert.ok(await becomesTrue(() => extension.isActive), `${extensionId} became active`);
  });

  it('opens in the clipping language', () => {
    assert.equal(editor.document.languageId, 'clipping');
  });

  it('clippings.nextArticle moves the cursor from the first line to the first article title', async () => {
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('clippings.nextArticle');
    const titleLine = editor.document.getText().split(/\r?\n/).indexOf(firstArticleTitle);
    assert.ok(titleLine > 0, 'the fixture has its first article title on a line of its own');
    assert.equal(editor.selection.active.line, titleLine);
  });
});
