import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, waitFor } from './helpers';

const temporaryFolders: string[] = [];

async function writeTempFile(name: string, content: string): Promise<vscode.Uri> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-detect-'));
  temporaryFolders.push(folder);
  const file = path.join(folder, name);
  await fs.writeFile(file, content, 'utf8');
  return vscode.Uri.file(file);
}

function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.languageId;
}

/** Opens the file and gives detection time to act (it reopens the document with the new language). */
async function openAndSettle(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

describe('Detection of clippings in .txt files', () => {
  before(activateExtension);
  afterEach(closeAllEditors);
  after(() => Promise.all(temporaryFolders.map((folder) => fs.rm(folder, { recursive: true, force: true }))));

  it('opens a .txt dossier with the clipping language', async () => {
    const uri = await writeTempFile('dossier.txt', HARBOUR_DOSSIER);
    await vscode.window.showTextDocument(uri);
    await waitFor('the clipping language', () => (languageOf(uri) === 'clipping' ? true : undefined));
  });

  it('leaves an ordinary .txt note in plain text', async () => {
    const uri = await writeTempFile('notes.txt', 'Shopping list\n-----\nbread\nmilk\n');
    await openAndSettle(uri);
    assert.strictEqual(languageOf(uri), 'plaintext');
  });

  it('can be turned off', async () => {
    const settings = vscode.workspace.getConfiguration('clippings');
    await settings.update('detectInTextFiles', false, vscode.ConfigurationTarget.Global);
    try {
      const uri = await writeTempFile('undetected.txt', HARBOUR_DOSSIER);
      await openAndSettle(uri);
      assert.strictEqual(languageOf(uri), 'plaintext');
    } finally {
      await settings.update('detectInTextFiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
