import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { SENT_TO_VSCODE_MARK, type SentToVsCode } from '../../src/features/annotations/timings';
import { openSavedClipping, QUOTE, quoteRange, tagKeane, type SavedClipping } from './annotationFixtures';
import { activateExtension, closeAllEditors, HARBOUR_LINES, waitFor } from './helpers';

/** What the extension has handed VS Code so far in this host (src/features/annotations/timings.ts). */
function sentSoFar(): SentToVsCode {
  const [entry] = performance.getEntriesByName(SENT_TO_VSCODE_MARK, 'mark');
  return { highlightCalls: 0, highlightRanges: 0, highlightCallsSkipped: 0, lensRequests: 0, lenses: 0, problemSets: 0, problems: 0, ...((entry as { detail?: unknown } | undefined)?.detail as SentToVsCode | undefined) };
}

function since(before: SentToVsCode): SentToVsCode {
  const now = sentSoFar();
  return Object.fromEntries(Object.entries(now).map(([key, value]) => [key, value - before[key as keyof SentToVsCode]])) as unknown as SentToVsCode;
}

/**
 * The counts once nothing more is being sent: a redraw still due from earlier steps (a tag, a
 * pause in typing) would otherwise be counted in the next step, on a slow machine.
 */
async function settled(): Promise<SentToVsCode> {
  let last = JSON.stringify(sentSoFar());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const now = JSON.stringify(sentSoFar());
    if (now === last) return sentSoFar();
    last = now;
  }
}

/** Waits for the views' redraw once typing pauses: all six kinds drawn or left out. */
async function redrawAfterTyping(before: SentToVsCode): Promise<SentToVsCode> {
  return waitFor('the redraw after typing', () => {
    const sent = since(before);
    return sent.highlightCalls + sent.highlightCallsSkipped >= 6 ? sent : undefined;
  });
}

/** The highlighted words of the tag on the quote, after the edits: the anchor's own words. */
async function anchoredWords(clipping: SavedClipping, id: string): Promise<string> {
  const api = vscode.extensions.getExtension<{ annotationsOf(document: vscode.TextDocument): Promise<readonly { id: string; anchor: { start: number; end: number; orphaned?: boolean } }[]> }>('clippings-lab.press-clippings')?.exports;
  assert.ok(api);
  const annotation = (await api.annotationsOf(clipping.document)).find((candidate) => candidate.id === id);
  assert.ok(annotation && !annotation.anchor.orphaned);
  return clipping.document.getText().slice(annotation.anchor.start, annotation.anchor.end);
}

describe('Highlights handed to VS Code', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('sends only the kind a tag changed', async () => {
    const clipping = await openSavedClipping();
    await tagKeane(clipping);
    const before = await settled();
    await vscode.commands.executeCommand('clippings.tagStance', {
      uri: clipping.uri,
      range: [HARBOUR_LINES.article1 + 4, 4, HARBOUR_LINES.article1 + 4, 14],
      holder: 'Mara Keane',
      target: 'the meeting',
      polarity: 'against',
    });
    const sent = since(before);
    assert.strictEqual(sent.highlightCalls, 1, 'one setDecorations call: the stances against');
    assert.strictEqual(sent.highlightRanges, 1);
    assert.strictEqual(sent.highlightCallsSkipped, 5, 'the speakers and the other kinds were not sent again');
  });

  it('sends nothing after typing that VS Code moved the highlights through', async () => {
    const clipping = await openSavedClipping();
    const id = await tagKeane(clipping);
    const [line, start] = quoteRange(clipping.document);
    let before = await settled();
    // A line above, a word typed right before the words and one right after them (the highlight does not grow), one inside them.
    await clipping.editor.edit((edit) => edit.insert(new vscode.Position(HARBOUR_LINES.article1 + 1, 0), 'Updated overnight\n'));
    await clipping.editor.edit((edit) => edit.insert(new vscode.Position(line + 1, start), 'Yes. '));
    await clipping.editor.edit((edit) => edit.insert(new vscode.Position(line + 1, start + 5 + QUOTE.length), ' Indeed.'));
    await clipping.editor.edit((edit) => edit.insert(new vscode.Position(line + 1, start + 5 + 'We will'.length), ' surely'));
    let sent = await redrawAfterTyping(before);
    assert.strictEqual(sent.highlightCalls, 0, 'no setDecorations call');
    assert.strictEqual(await anchoredWords(clipping, id), 'We will surely reopen the harbour within a month.');

    // A replacement across the start of the words: the speakers are sent again, the other kinds not.
    before = await settled();
    await clipping.editor.edit((edit) => edit.replace(new vscode.Range(line + 1, start + 3, line + 1, start + 5 + 2), 'Well, we'));
    sent = await redrawAfterTyping(before);
    assert.strictEqual(sent.highlightCalls, 1, 'the speakers only');
    assert.strictEqual(sent.highlightRanges, 1);
    assert.strictEqual(await anchoredWords(clipping, id), ' will surely reopen the harbour within a month.');
  });

  it('sends everything to a new editor of the clipping, and nothing again to one that has it', async () => {
    const clipping = await openSavedClipping();
    await tagKeane(clipping);
    let before = await settled();
    await vscode.commands.executeCommand('workbench.action.splitEditorRight');
    await waitFor('a second editor', () => (vscode.window.visibleTextEditors.filter((editor) => editor.document === clipping.document).length === 2 ? true : undefined));
    const sent = await waitFor('the new editor drawn', () => {
      const so = since(before);
      return so.highlightCalls >= 6 ? so : undefined;
    });
    assert.strictEqual(sent.highlightCalls, 6, 'the new editor gets the six kinds, the first none');
    assert.strictEqual(sent.highlightRanges, 1, 'the one tag');
    before = await settled();
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(since(before).highlightCalls, 0, 'focusing another editor sends nothing');
  });
});
