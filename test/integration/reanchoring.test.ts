import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { createAnchor, createAnnotation, serializeSidecar, SIDECAR_VERSION } from '../../src/core/annotations';
import { parseClipping } from '../../src/core/parser';
import { hoverMarkdown, openSavedClipping, orphanDiagnostics, QUOTE, QUOTE_LINE } from './annotationFixtures';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, waitFor } from './helpers';

const PARAGRAPH = `Mara Keane: ${QUOTE}`;

/** A sidecar recorded on the original dossier: one speaker tag on the quote. */
function sidecarForOriginal(): string {
  const start = HARBOUR_DOSSIER.indexOf(QUOTE);
  const anchor = createAnchor(HARBOUR_DOSSIER, start, start + QUOTE.length, parseClipping(HARBOUR_DOSSIER).articles);
  const annotation = createAnnotation({ type: 'speaker', speaker: 'mara-keane', kind: 'direct', cue: 'prefix' }, anchor, {
    author: 'tester',
    now: () => new Date('2024-03-12T10:00:00Z'),
    randomBytes: (count) => new Uint8Array(count).fill(7),
  });
  return serializeSidecar({ version: SIDECAR_VERSION, clipping: 'harbour.clip', annotations: [annotation] });
}

/** The dossier as someone else changed it, with its lines replaced by `edit`. */
function changedDossier(edit: (lines: string[]) => void): string {
  const lines = HARBOUR_DOSSIER.split('\n');
  edit(lines);
  return lines.join('\n');
}

/** Whether an annotation is anchored under the position: only then is there a hover with a Remove link. */
async function annotatedAt(uri: vscode.Uri, line: number, character: number): Promise<boolean> {
  return (await hoverMarkdown(uri, new vscode.Position(line, character))).includes('command:clippings.removeAnnotation');
}

describe('Annotations of a clipping changed outside the editor', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('follow the words when a paragraph was inserted above them', async () => {
    const content = changedDossier((lines) => lines.splice(HARBOUR_LINES.article1 + 1, 0, 'An inserted paragraph that moves everything below it.'));
    const clipping = await openSavedClipping({ content, sidecarText: sidecarForOriginal() });
    const moved = QUOTE_LINE + 1;
    const character = clipping.document.lineAt(moved).text.indexOf(QUOTE) + 2;
    await waitFor('the annotation on the moved words', async () => ((await annotatedAt(clipping.uri, moved, character)) ? true : undefined));
    assert.deepStrictEqual(orphanDiagnostics(clipping.uri), []);
  });

  it('stay on the original when the paragraph was duplicated into another article', async () => {
    const content = changedDossier((lines) => lines.splice(HARBOUR_LINES.article2 + 3, 0, PARAGRAPH));
    const clipping = await openSavedClipping({ content, sidecarText: sidecarForOriginal() });
    const character = clipping.document.lineAt(QUOTE_LINE).text.indexOf(QUOTE) + 2;
    await waitFor('the annotation on the original words', async () => ((await annotatedAt(clipping.uri, QUOTE_LINE, character)) ? true : undefined));
    assert.strictEqual(await annotatedAt(clipping.uri, HARBOUR_LINES.article2 + 3, character), false, 'not on the copy');
  });

  it('become orphans, never lookalikes, when the words were deleted but a copy remains elsewhere', async () => {
    const content = changedDossier((lines) => {
      lines.splice(QUOTE_LINE, 1);
      lines.splice(HARBOUR_LINES.article2 + 2, 0, PARAGRAPH);
    });
    const clipping = await openSavedClipping({ content, sidecarText: sidecarForOriginal() });
    const orphans = await waitFor('an orphan warning', () => {
      const found = orphanDiagnostics(clipping.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.strictEqual(orphans[0].severity, vscode.DiagnosticSeverity.Warning);
    const copyLine = clipping.document.getText().split('\n').indexOf(PARAGRAPH);
    assert.strictEqual(await annotatedAt(clipping.uri, copyLine, PARAGRAPH.indexOf(QUOTE) + 2), false, 'the copy in another article is a lookalike');
  });

  it('become orphans when the sentence is deleted while the clipping is open', async () => {
    const clipping = await openSavedClipping({ sidecarText: sidecarForOriginal() });
    const character = clipping.document.lineAt(QUOTE_LINE).text.indexOf(QUOTE) + 2;
    await waitFor('the annotation loaded', async () => ((await annotatedAt(clipping.uri, QUOTE_LINE, character)) ? true : undefined));
    await clipping.editor.edit((edit) => edit.delete(clipping.document.lineAt(QUOTE_LINE).rangeIncludingLineBreak));
    await waitFor('an orphan warning', () => (orphanDiagnostics(clipping.uri).length > 0 ? true : undefined));
  });
});
