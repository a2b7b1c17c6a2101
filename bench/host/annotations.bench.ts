// Runs inside the VS Code extension host (see bench/host/run.ts): what a person feels of
// annotations on a heavily annotated dossier. Once VS Code's start-up has settled, opens a
// clipping whose sidecar holds 1,000 (then 10,000) annotations, tags one more, types a line
// near the top (twice, 2 s apart, the autosave in between), and watches the event loop for
// stalls all along, with a CPU profile that tells whose code ran in each: ours, VS Code's,
// the garbage collector, or none (the thread waiting for a CPU). Last, the same steps on the
// same dossier with an empty sidecar: the stalls VS Code causes by itself. Writes the numbers
// as JSON for the driver to print.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ClippingsApi } from '../../src/extension';
import { ANCHOR_SIDECAR_MEASURE, EDIT_SIDECAR_MEASURES, MOVE_ANCHORS_MEASURE, OPEN_ANNOTATIONS_MEASURE, PARSE_SIDECAR_MEASURE, READ_SIDECAR_MEASURE, SENT_TO_VSCODE_MARK, type SentToVsCode } from '../../src/features/annotations/timings';
import { whenQuiet } from '../../src/core/index/timeSlices';
import { onStartupFinishedExtensions } from '../../src/features/startupExtensions';
import { EXTENSION_ID, type Measurement } from './measure';
import { describeStall, mainOwner, profileCpu, watchStalls, writeHostMarks, type Stall } from './stalls';

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

/** What the extension's views have handed VS Code so far (src/features/annotations/timings.ts). */
function sentSoFar(): SentToVsCode {
  const [entry] = performance.getEntriesByName(SENT_TO_VSCODE_MARK, 'mark');
  return { highlightCalls: 0, highlightRanges: 0, highlightCallsSkipped: 0, lensRequests: 0, lenses: 0, problemSets: 0, problems: 0, ...((entry as { detail?: unknown } | undefined)?.detail as SentToVsCode | undefined) };
}

/** What was handed to VS Code between two tallies, in words. */
function describeSent(step: string, from: SentToVsCode, to: SentToVsCode): string {
  const count = (key: keyof SentToVsCode) => to[key] - from[key];
  return `${step}: highlights ${count('highlightCalls')} calls with ${count('highlightRanges')} ranges (${count('highlightCallsSkipped')} left out, VS Code held them), lenses ${count('lensRequests')} requests for ${count('lenses')}, problems ${count('problemSets')} lists of ${count('problems')}`;
}

interface Dossier {
  readonly file: string;
  readonly label: string;
  readonly count: number;
  readonly quote: { line: number; start: number; end: number };
}

/** When VS Code's start-up has settled (run()): the event loop free this long, waited for at most capMs. */
const SETTLED = { quietMs: 400, capMs: 10_000 };

/** Stalls shorter than this are not attributed; the rows list those over LISTED_MS. */
const WATCHED_MS = 20;
const LISTED_MS = 50;

async function measureDossier(api: ClippingsApi, { file, label, count, quote }: Dossier, profile: string | undefined, extensionUrl: string, seen: Stall[]): Promise<Measurement[]> {
  // The profiler first: starting it takes the thread a while.
  const stopProfile = await profileCpu(profile, extensionUrl);
  const stalls = watchStalls(WATCHED_MS);
  const sent = [sentSoFar()];
  stalls.step('open');
  let started = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const openedMs = performance.now() - started;
  // As when someone opens the file: VS Code shows the editor while the extension reads the sidecar.
  const shown = Promise.resolve(vscode.window.showTextDocument(document)).then((editor) => ({ editor, ms: performance.now() - started }));
  const annotations = await api.annotationsOf(document);
  const openMs = performance.now() - started;
  // The extension starts reading as VS Code announces the document, before openTextDocument resolves: its own measure covers that.
  const extensionMs = lastMeasure(OPEN_ANNOTATIONS_MEASURE);
  // The extension's part of the opening, as a stall of its own for the profile to tell whose code filled it.
  const [openEntry] = performance.getEntriesByName(OPEN_ANNOTATIONS_MEASURE, 'measure');
  const openWindow: Stall = { at: openEntry.startTime, ms: openEntry.duration, cpuMs: Number.NaN, step: 'open', gcMs: 0 };
  const openSteps = `sidecar read ${lastMeasure(READ_SIDECAR_MEASURE).toFixed(0)} ms, parsed ${lastMeasure(PARSE_SIDECAR_MEASURE).toFixed(0)} ms, anchored ${lastMeasure(ANCHOR_SIDECAR_MEASURE).toFixed(0)} ms`;
  stalls.step('editor shown');
  const { editor, ms: editorMs } = await shown;
  if (annotations.length !== count) throw new Error(`${label}: the sidecar was not read (${annotations.length} annotations)`);

  stalls.step('tag');
  sent.push(sentSoFar());
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
  stalls.step('edit');
  sent.push(sentSoFar());
  const first = await typeLine();
  // The host's default here saves 1 s after an edit (files.autoSave: afterDelay): the moved anchors are written then.
  stalls.step('autosave');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  stalls.step('second edit');
  sent.push(sentSoFar());
  const later = await typeLine();
  stalls.step('after');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const watched = stalls.stop();
  seen.push(...watched.stalls.map((stall) => ({ ...stall, step: `${label}, ${stall.step}` })));
  sent.push(sentSoFar());
  const handed = ['open and editor shown', 'tag', 'edit, its redraw 250 ms later and the autosave', 'second edit and its redraw'].map((step, at) => describeSent(step, sent[at], sent[at + 1]));
  await stopProfile([...watched.stalls, openWindow]);
  const openOwners = Object.entries(openWindow.owners ?? {})
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([owner, ms]) => `${owner} ${ms}`)
    .join(', ');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  const rows = stallRows(label, watched.longest, watched.stalls);
  if (count === 0) return rows;
  return [
    {
      name: `${label}: read and anchor on open`,
      ms: extensionMs,
      note: `the extension's part: from its first request for the annotations (as VS Code announces the document) to their anchoring: ${openSteps}, waits between; ${(openMs - openedMs).toFixed(0)} ms of it after openTextDocument resolved; in the first host, whose code filled it (CPU profile, ms): ${openOwners}; ${annotations.length} annotations, ${(document.getText().length / 1000).toFixed(0)} K chars`,
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
    {
      name: `${label}: highlight ranges sent to VS Code`,
      ms: sent[sent.length - 1].highlightRanges - sent[0].highlightRanges,
      note: `ranges, not ms: every setDecorations call of all the steps; per step, ${handed.join('; ')}`,
    },
    ...rows,
  ];
}

/**
 * The longest stall, then the longest of those in which our code ran more than anything else,
 * and the longest of the others (VS Code's, the garbage collector's, the machine's), each
 * stall over LISTED_MS listed with its step, the host thread's CPU time in it and the profile's
 * owners of its time (ms).
 */
function stallRows(label: string, longest: number, stalls: readonly Stall[]): Measurement[] {
  const ours = stalls.filter((stall) => mainOwner(stall) === 'ours');
  const others = stalls.filter((stall) => mainOwner(stall) !== 'ours');
  const longestOf = (some: readonly Stall[]) => Math.max(0, ...some.map((stall) => stall.ms));
  const listed = (some: readonly Stall[]) => {
    const over = some.filter((stall) => stall.ms > LISTED_MS);
    return over.length ? `the first host's over ${LISTED_MS} ms (step, host thread CPU ms, GC ms; whose code ran, ms): ${over.map(describeStall).join(', ')}` : `none over ${LISTED_MS} ms in the first host`;
  };
  const note = (some: readonly Stall[]) => (some.length ? listed(some) : `none over ${WATCHED_MS} ms in the first host (a 0 there)`);
  return [
    { name: `${label}: longest event-loop stall`, ms: longest, note: `during all of the above, the autosave after the edit included, CPU profiled; ${listed(stalls)}` },
    { name: `${label}: longest stall of ours`, ms: longestOf(ours), note: `the stalls in which the extension's code (and the VS Code API it called) ran longer than anything else; ${note(ours)}` },
    {
      name: `${label}: longest stall not of ours`,
      ms: longestOf(others),
      note: `VS Code's own work, another extension's, garbage collection, or the thread waiting for a CPU (no samples) ran longest; ${note(others)}`,
    },
  ];
}

export async function run(): Promise<void> {
  const { BENCH_ANNOTATED, BENCH_RESULTS } = process.env;
  if (!BENCH_ANNOTATED || !BENCH_RESULTS) throw new Error('BENCH_ANNOTATED and BENCH_RESULTS must be set');
  const extension = vscode.extensions.getExtension<ClippingsApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  const dossiers = JSON.parse(BENCH_ANNOTATED) as Dossier[];
  const extensionUrl = `${extension.extensionPath}/dist/extension.js`;
  const startedAt = performance.now();
  const startup = watchStartup();
  // VS Code goes on starting after the extension is active: the workbench restores, then starts
  // its onStartupFinished extensions (git and others, tens to hundreds of ms each on this thread
  // and the machine's two cores). Measured from then on, a step shares the machine with VS
  // Code's start-up, which no extension causes or can avoid; so the steps start once it has
  // settled, as the workspace index's first pass does (clippingWorkspaceIndex.ts). The
  // extension's own work is all in: what it does at activation, and its workspace index, go on
  // as they would. BENCH_ANNOTATIONS_AT_ONCE=1 measures at once, as before.
  const settleMs = process.env.BENCH_ANNOTATIONS_AT_ONCE ? 0 : await whenQuiet({ ...SETTLED, after: () => startup() !== undefined });
  const results: Measurement[] = [
    {
      name: "wait for VS Code's start-up to settle",
      ms: settleMs,
      note: `from the suite's start until VS Code's onStartupFinished extensions were active and the event loop had turned freely for ${SETTLED.quietMs} ms (at most ${SETTLED.capMs / 1000} s): the steps below start then${settleMs === 0 ? ' (not waited: BENCH_ANNOTATIONS_AT_ONCE)' : ''}`,
    },
  ];
  const stalls: Stall[] = [];
  for (const [index, dossier] of dossiers.entries()) {
    // One file per host (its process id) and dossier: the hosts of a run do not overwrite each other's.
    const profile = process.env.BENCH_PROFILE?.replace(/(\.cpuprofile)?$/, `-${process.pid}-${index}.cpuprofile`);
    results.push(...(await measureDossier(api, dossier, profile, extensionUrl, stalls)));
  }
  const startupFinishedAt = startup.stop();
  const when = (at: number) => (startupFinishedAt === undefined || at < startupFinishedAt ? "VS Code's start-up not finished" : `${((at - startupFinishedAt) / 1000).toFixed(1)} s after VS Code's start-up finished`);
  writeHostMarks(startedAt, stalls.filter((stall) => stall.ms > LISTED_MS).map((stall) => [stall.at, stall.ms, `${stall.step}; ${when(stall.at)}`] as const));
  fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results }, null, 2));
}

/**
 * When the extensions VS Code starts once its start-up is over (`onStartupFinished`: git,
 * merge-conflict, debug-auto-launch…) were all active (performance.now()), undefined while
 * not yet, looked at every 20 ms from now until stopped.
 */
function watchStartup(): { (): number | undefined; stop(): number | undefined } {
  const late = onStartupFinishedExtensions();
  let finishedAt: number | undefined;
  const look = () => {
    if (finishedAt === undefined && late.every((extension) => extension.isActive)) finishedAt = performance.now();
  };
  look();
  const timer = setInterval(look, 20);
  return Object.assign(() => finishedAt, {
    stop: () => {
      clearInterval(timer);
      return finishedAt;
    },
  });
}
