import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar, type Annotation } from '../../src/core/annotations';
import { HARBOUR_DOSSIER, HARBOUR_LINES } from './helpers';

/** `Mara Keane: We will reopen the harbour within a month.` in HARBOUR_DOSSIER. */
export const QUOTE_LINE = HARBOUR_LINES.article1 + 3;
export const QUOTE = 'We will reopen the harbour within a month.';

export interface SavedClipping {
  readonly uri: vscode.Uri;
  readonly sidecar: vscode.Uri;
  readonly editor: vscode.TextEditor;
  readonly document: vscode.TextDocument;
}

/**
 * A clipping saved as `harbour.clip` in a new folder of the workspace (where file watchers
 * see its sidecar), with a sidecar written before it opens when one is given, then shown.
 */
export async function openSavedClipping(options: { readonly content?: string; readonly sidecarText?: string } = {}): Promise<SavedClipping> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
  const folder = await fs.mkdtemp(path.join(root, 'annotate-'));
  const file = path.join(folder, 'harbour.clip');
  await fs.writeFile(file, options.content ?? HARBOUR_DOSSIER, 'utf8');
  if (options.sidecarText !== undefined) {
    await fs.writeFile(`${file}.annotations.yaml`, options.sidecarText, 'utf8');
  }
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
  return { uri: editor.document.uri, sidecar: vscode.Uri.file(`${file}.annotations.yaml`), editor, document: editor.document };
}

export function quoteRange(document: vscode.TextDocument): [number, number, number, number] {
  const start = document.lineAt(QUOTE_LINE).text.indexOf(QUOTE);
  assert.ok(start > 0, 'the fixture has the quote');
  return [QUOTE_LINE, start, QUOTE_LINE, start + QUOTE.length];
}

/** Tags the quote as Mara Keane's through the scripted command; resolves to the new id. */
export async function tagKeane(clipping: SavedClipping): Promise<string> {
  const id = await vscode.commands.executeCommand<string | undefined>('clippings.tagSpeaker', {
    uri: clipping.uri,
    range: quoteRange(clipping.document),
    speaker: 'Mara Keane',
  });
  assert.ok(id, 'tagSpeaker returns the new id');
  return id;
}

export async function sidecarText(clipping: SavedClipping): Promise<string | undefined> {
  return fs.readFile(clipping.sidecar.fsPath, 'utf8').catch(() => undefined);
}

/** The annotations of the clipping's sidecar, which must exist and parse. */
export async function sidecarAnnotations(clipping: SavedClipping): Promise<Annotation[]> {
  const text = await sidecarText(clipping);
  assert.ok(text !== undefined, 'the sidecar exists');
  const parsed = parseSidecar(text);
  assert.ok(parsed.ok, parsed.ok ? '' : `sidecar error: ${parsed.error.message}`);
  return [...parsed.sidecar.annotations];
}

export async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

export function orphanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'orphaned-annotation');
}
