import * as assert from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'clippings-lab.press-clippings';

/**
 * A small English dossier written for these tests: a header, a table of contents whose third
 * entry has no article, three articles of which the third has no entry, and `=` separators.
 */
export const HARBOUR_DOSSIER = [
  'Home \\ Dossiers \\ Harbour talks 2024-03-12',
  '',
  'Harbour talks 2024-03-12',
  '',
  '12.03.2024',
  'Desk',
  '',
  'Contents:',
  '1. Ministers agree on harbour reopening',
  '2. Unions warn about night shifts',
  '3. Fishermen demand compensation for the closure',
  '',
  'Ministers agree on harbour reopening',
  '3/12/2024 10:15:00 AM',
  'The Coastal Times',
  'Mara Keane: We will reopen the harbour within a month.',
  'The ministers met on Tuesday and said "the harbour matters to everyone".',
  'Port City - Staff reporter',
  '====================',
  'Unions warn about night shifts',
  'Harbour Radio',
  '12 March 2024',
  'The dock workers\' union said night shifts would be refused until wages rise.',
  '',
  'A second paragraph about the union vote.',
  '====================',
  'A dispatch nobody listed',
  'Body text of an article that the table of contents forgot to mention.',
  '====================',
  '',
].join('\n');

/** Line numbers of interest in HARBOUR_DOSSIER. */
export const HARBOUR_LINES = { tocEntry1: 8, tocEntry3: 10, article1: 12, article2: 19, article3: 26, secondParagraph: 24 } as const;

export async function openClipping(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'clipping', content });
  return vscode.window.showTextDocument(document);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  await extension.activate();
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Closes every editor, discarding changes: a "save?" dialog would hang the test run. */
export async function closeAllEditors(): Promise<void> {
  for (let guard = 0; vscode.window.tabGroups.all.some((group) => group.tabs.length > 0) && guard < 100; guard++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
