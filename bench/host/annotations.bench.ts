// Runs inside the VS Code extension host (see bench/host/run.ts): what a person feels of
// annotations on a heavily annotated dossier. Opens a clipping whose sidecar holds 1,000
// (then 10,000) annotations, tags one more, edits a line, and watches the event loop for
// stalls all along. Writes the numbers as JSON for the driver to print.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ClippingsApi } from '../../src/extension';
import { EXTENSION_ID, type Measurement, watchEventLoop } from './measure';

function nextChange(api: ClippingsApi, document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const listener = api.onDidChangeAnnotations((changed) => {
      if (changed === document) {
        listener.dispose();
        resolve();
      }
    });
  });
}

async function measureDossier(api: ClippingsApi, file: string, label: string, quote: { line: number; start: number; end: number }): Promise<Measurement[]> {
  const stalls = watchEventLoop();
  let started = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  const annotations = await api.annotationsOf(document);
  const openMs = performance.now() - started;
  if (annotations.length === 0) throw new Error(`${label}: the sidecar was not read`);

  started = performance.now();
  const shown = nextChange(api, document).then(() => performance.now() - started);
  const tagged = vscode.commands
    .executeCommand<string | undefined>('clippings.tagSpeaker', { uri: document.uri, range: [quote.line, quote.start, quote.line, quote.end], speaker: 'Bench Speaker' })
    .then((id) => {
      if (!id) throw new Error(`${label}: the tag was refused (see the extension's log)`);
      return performance.now() - started;
    });
  const [shownMs, writtenMs] = await Promise.all([shown, tagged]);

  started = performance.now();
  const moved = nextChange(api, document).then(() => performance.now() - started);
  await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'A line typed near the top.\n'));
  const moveMs = await moved;
  const blocked = stalls();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return [
    { name: `${label}: open and anchor`, ms: openMs, note: `${annotations.length} annotations, ${(document.getText().length / 1000).toFixed(0)} K chars` },
    { name: `${label}: tag shown (change event)`, ms: shownMs, note: 'decorations redraw on this event' },
    { name: `${label}: tag written to the sidecar`, ms: writtenMs, note: 'command resolved after the atomic write' },
    { name: `${label}: anchors moved after a one-line edit`, ms: moveMs, note: 'from the edit to the change event' },
    { name: `${label}: longest event-loop stall`, ms: blocked, note: 'during all of the above' },
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
