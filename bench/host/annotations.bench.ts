// Runs inside the VS Code extension host (see bench/host/run.ts): what a person feels of
// annotations on a heavily annotated dossier. Opens a clipping whose sidecar holds 1,000
// (then 10,000) annotations, tags one more, types a line near the top (twice, 2 s apart, the
// autosave in between), and watches the event loop for stalls all along. Writes the numbers as
// JSON for the driver to print.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ClippingsApi } from '../../src/extension';
import { ANCHOR_SIDECAR_MEASURE, EDIT_SIDECAR_MEASURES, MOVE_ANCHORS_MEASURE, OPEN_ANNOTATIONS_MEASURE, PARSE_SIDECAR_MEASURE, READ_SIDECAR_MEASURE } from '../../src/features/annotations/timings';
import { EXTENSION_ID, type Measurement, watchEventLoop } from './measure';

/** Resolves with the time at which the annotations of `document` next change (taken in the listener itself). */
function nextChange(api: ClippingsApi, document: vscode.TextDocument): Promise<number> {
  return new Promise((resolve) => {
    const listener = api.onDidChangeAnnotations((changed) => {
      if (changed === document) {
        listener.dispose();
        resolve(performance.now());
      }
    });
  });
}

/** The duration the extension last recorded under `name` (src/features/annotations/timings.ts). */
function lastMeasure(name: string): number {
  const [entry] = performance.getEntriesByName(name, 'measure');
  if (!entry) throw new Error(`the extension recorded no ${name}`);
  return entry.duration;
}

async function measureDossier(api: ClippingsApi, file: string, label: string, quote: { line: number; start: number; end: number }): Promise<Measurement[]> {
  const stalls = watchEventLoop();
  let started = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const openedMs = performance.now() - started;
  // As when someone opens the file: VS Code shows the editor while the extension reads the sidecar.
  const shown = Promise.resolve(vscode.window.showTextDocument(document)).then((editor) => ({ editor, ms: performance.now() - started }));
  const annotations = await api.annotationsOf(document);
  const openMs = performance.now() - started;
  // The extension starts reading as VS Code announces the document, before openTextDocument resolves: its own measure covers that.
  const extensionMs = lastMeasure(OPEN_ANNOTATIONS_MEASURE);
  const openSteps = `sidecar read ${lastMeasure(READ_SIDECAR_MEASURE).toFixed(0)} ms, parsed ${lastMeasure(PARSE_SIDECAR_MEASURE).toFixed(0)} ms, anchored ${lastMeasure(ANCHOR_SIDECAR_MEASURE).toFixed(0)} ms`;
  const { editor, ms: editorMs } = await shown;
  if (annotations.length === 0) throw new Error(`${label}: the sidecar was not read`);

  started = performance.now();
  const tagShown = nextChange(api, document).then((at) => at - started);
  const tagged = vscode.commands
    .executeCommand<string | undefined>('clippings.tagSpeaker', { uri: document.uri, range: [quote.line, quote.start, quote.line, quote.end], speaker: 'Bench Speaker' })
    .then((id) => {
      if (!id) throw new Error(`${label}: the tag was refused (see the extension's log)`);
      return performance.now() - started;
    });
  const [shownMs, writtenMs] = await Promise.all([tagShown, tagged]);
  const writeSteps = Object.entries(EDIT_SIDECAR_MEASURES)
    .map(([step, name]) => `${step} ${lastMeasure(name).toFixed(0)} ms`)
    .join(', ');

  const typeLine = async () => {
    const moved = nextChange(api, document);
    const typed = performance.now();
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'A line typed near the top.\n'));
    return { roundTripMs: (await moved) - typed, moveMs: lastMeasure(MOVE_ANCHORS_MEASURE) };
  };
  const first = await typeLine();
  // The host's default here saves 1 s after an edit (files.autoSave: afterDelay): the moved anchors are written then.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const later = await typeLine();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const blocked = stalls();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return [
    {
      name: `${label}: read and anchor on open`,
      ms: extensionMs,
      note: `the extension's part: from its first request for the annotations (as VS Code announces the document) to their anchoring: ${openSteps}, waits between; ${(openMs - openedMs).toFixed(0)} ms of it after openTextDocument resolved; ${annotations.length} annotations, ${(document.getText().length / 1000).toFixed(0)} K chars`,
    },
    { name: `${label}: open and anchor, VS Code's opening included`, ms: openMs, note: `openTextDocument to annotations anchored, ${openedMs.toFixed(0)} ms of it VS Code opening the document` },
    { name: `${label}: editor shown`, ms: editorMs, note: 'VS Code: openTextDocument to showTextDocument resolved, for reference' },
    { name: `${label}: tag shown (change event)`, ms: shownMs, note: 'decorations redraw on this event' },
    { name: `${label}: tag written to the sidecar`, ms: writtenMs, note: `command resolved after the atomic write; the sidecar's edit: ${writeSteps}, waits between` },
    { name: `${label}: anchors moved after a one-line edit`, ms: first.moveMs, note: `the extension's change listener: anchors moved, listeners told; views redraw once typing pauses, 250 ms later (${later.moveMs.toFixed(1)} ms for a second edit)` },
    {
      name: `${label}: edit to change event`,
      ms: first.roundTripMs,
      note: `editor.edit until the change event: VS Code's round trip through the workbench, busy right after opening the dossier; the same edit 2 s later: ${later.roundTripMs.toFixed(0)} ms`,
    },
    { name: `${label}: longest event-loop stall`, ms: blocked, note: 'during all of the above, the autosave after the edit included' },
  ];
}

export async function run(): Promise<void> {
  const { BENCH_ANNOTATED, BENCH_RESULTS } = process.env;
  if (!BENCH_ANNOTATED || !BENCH_RESULTS) throw new Error('BENCH_ANNOTATED and BENCH_RESULTS must be set');
  const extension = vscode.extensions.getExtension<ClippingsApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  const dossiers = JSON.parse(BENCH_ANNOTATED) as { file: string; label: string; quote: { line: number; start: number; end: number } }[];
  const results: Measurement[] = [];
  for (const dossier of dossiers) {
    results.push(...(await measureDossier(api, dossier.file, dossier.label, dossier.quote)));
  }
  fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results }, null, 2));
}
