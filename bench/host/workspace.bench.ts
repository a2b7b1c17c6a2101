// Runs inside the VS Code extension host (see bench/host/run.ts), in a workspace of generated
// clippings with sidecars (bench/workspace.bench.ts's data): issue 5's workspace index, built in
// the background, must never block the extension host for more than 50 ms at a time.
//
// - cold: the extension's own index, created when the extension activated, with an empty cache
//   (a fresh user-data folder), the Annotations view open so that it refreshes as files come
//   in; then the cache written. The event loop is watched from the end of activation (watched
//   apart) until the index is ready, then until the cache is written. Each stall over 50 ms is
//   listed with the CPU time the host thread spent in it: on a loaded machine the thread also
//   stalls while it waits for a CPU, doing nothing.
//   (BENCH_SESSION=0, the first session of a run: see run.ts)
// - warm (BENCH_SESSION=1): a restart. run.ts starts VS Code again on the same workspace and
//   user-data folder; the extension activates afresh, reads the cache the first session wrote in
//   its storage folder and states every file.
// - memory: the extension host's heap and RSS once the index is built, after garbage collection.
// BENCH_PROFILE (see run.ts) also writes CPU profiles of the cold and the warm build, with the
// stalls over 50 ms beside them (`<profile>.stalls.json`: [s from the profile's start, ms, CPU ms, page faults]).
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { IndexStatus } from '../../src/features/workspace/clippingWorkspaceIndex';
import { EXTENSION_ID, type Measurement } from './measure';
import { writeHostMarks } from './stalls';

const BUILD_LIMIT_MS = 15 * 60_000;

function status(): Promise<IndexStatus> {
  return Promise.resolve(vscode.commands.executeCommand<IndexStatus>('clippings._indexStatus'));
}

/** Polls the extension's index until `done` holds; the status is counted without sorting, cheap to ask. */
async function waitForStatus(what: string, done: (status: IndexStatus) => boolean): Promise<IndexStatus> {
  const deadline = performance.now() + BUILD_LIMIT_MS;
  for (;;) {
    const current = await status();
    if (done(current)) return current;
    if (performance.now() > deadline) throw new Error(`the index did not get ${what} in ${BUILD_LIMIT_MS / 60_000} minutes: ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Stalls {
  readonly longest: number;
  /** The most CPU time the host's thread used within one stall: the longest work it did without a break. */
  readonly longestWork: number;
  /** When each stall over 50 ms began (performance.now()), how long it lasted, the thread's CPU time and the process's page faults in it. */
  readonly over50: readonly (readonly [at: number, ms: number, cpuMs: number, pageFaults: number])[];
}

/** The extension host thread's CPU time in ms (Node ≥ 23.9), NaN where it cannot be told. */
function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : Number.NaN;
}

function pageFaults(): number {
  const usage = process.resourceUsage();
  return usage.minorPageFault + usage.majorPageFault;
}

/**
 * measure.ts's watchEventLoop, which also keeps every stall over 50 ms (how many, and when, to
 * read against a CPU profile) and tells work from waiting: on a loaded machine the host's
 * thread also stalls while it waits for a CPU, which its CPU time during the stall shows.
 */
function watchStalls(): () => Stalls {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let lastFaults = pageFaults();
  let longest = 0;
  let longestWork = 0;
  const over50: [number, number, number, number][] = [];
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    const faults = pageFaults();
    const stall = now - last - 5;
    const work = Math.min(cpu - lastCpu, now - last);
    longest = Math.max(longest, stall);
    longestWork = Math.max(longestWork, work);
    if (stall > 50) over50.push([last, stall, work, faults - lastFaults]);
    last = now;
    lastCpu = cpu;
    lastFaults = faults;
  }, 5);
  return () => {
    clearInterval(ticker);
    return { longest: Math.max(0, longest), longestWork, over50 };
  };
}

/** What V8 reports of garbage collection while watched. */
interface GcPauses {
  /** The longest pause, and its kind. */
  readonly ms: number;
  readonly kind: number;
  /** How many collections of the young generation, and their pauses in all (ms). */
  readonly minor: number;
  readonly minorMs: number;
  /** The largest the young generation grew (MB, both its halves): a minor collection copies what survives of the half in use. */
  readonly youngMb: number;
}

/** Garbage collection while watched: the longest pause, the minor collections, the young generation's size. */
function watchGc(): () => GcPauses {
  let longest = { ms: 0, kind: 0 };
  let minor = 0;
  let minorMs = 0;
  let young = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = ((entry as { detail?: { kind?: number } }).detail)?.kind ?? 0;
      if (entry.duration > longest.ms) longest = { ms: entry.duration, kind };
      if (kind === 1) {
        minor++;
        minorMs += entry.duration;
      }
    }
    young = Math.max(young, getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0);
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    observer.disconnect();
    return { ...longest, minor, minorMs, youngMb: young / 1e6 };
  };
}

/** The GC part of a stall row's note. */
function gcNote(gc: GcPauses): string {
  return `longest GC pause ${gc.ms.toFixed(0)} ms (${GC_KINDS[gc.kind] ?? gc.kind}); ${gc.minor} minor collections, ${gc.minorMs.toFixed(0)} ms in all; young generation up to ${gc.youngMb.toFixed(0)} MB (two halves: a minor collection copies what survives of one)`;
}

const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };

function memory(): { heap: number; rss: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heap: (usage.heapUsed + usage.external) / 1e6, rss: usage.rss / 1e6 };
}

/**
 * With BENCH_HOST_MARKS (a file, set by run.ts beside a profile of the host from its first
 * milliseconds), writes when the index was created and the stalls over 50 ms both watches saw,
 * in the profile's clock (µs), for profileStalls.ts to read against the profile.
 */
function writeMarks(createdAt: number, own: readonly (readonly [number, number])[], suite: readonly Stalls[]): void {
  writeHostMarks(createdAt, [
    ...own.map(([at, ms]) => [createdAt + at, ms, "the extension's watch"] as const),
    ...suite.flatMap((watch) => watch.over50.map(([at, ms]) => [at, ms, "the suite's watch"] as const)),
  ]);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** How many stalls went over 50 ms, the longest ten with when (s from `from`), the thread's CPU time and page faults in each, and the longest work. */
function over(stalls: Stalls, from: number): string {
  const longest = [...stalls.over50].sort((a, b) => b[1] - a[1]);
  const listed = longest.slice(0, 10).map(([at, ms, cpuMs, faults]) => `${ms.toFixed(0)} (at ${((at - from) / 1000).toFixed(1)} s, CPU ${cpuMs.toFixed(0)}, ${faults} page faults)`);
  return `${longest.length} stalls over 50 ms${listed.length ? `: ${listed.join(', ')}${longest.length > 10 ? ', …' : ''} ms` : ''}; the most CPU time the host thread spent within one stall: ${stalls.longestWork.toFixed(0)} ms`;
}

/** Records this host's CPU (sampled every 0.5 ms) when `file` is set; the returned function writes the profile there. */
async function profileCpu(file: string | undefined): Promise<(stalls: Stalls) => Promise<void>> {
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const startedAt = performance.now();
  return async (stalls) => {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    // Stalls in the profile's time (seconds from its start), roughly: the two clocks are aligned at the start.
    fs.writeFileSync(`${file}.stalls.json`, JSON.stringify(stalls.over50.map(([at, ms, cpuMs, faults]) => [(at - startedAt) / 1000, ms, cpuMs, faults])));
    session.disconnect();
  };
}

export async function run(): Promise<void> {
  const activationStalls = watchStalls();
  const { BENCH_RESULTS, BENCH_WORKSPACE_SCALE, BENCH_PROFILE, BENCH_SESSION } = process.env;
  if (!BENCH_RESULTS || !BENCH_WORKSPACE_SCALE) throw new Error('BENCH_RESULTS and BENCH_WORKSPACE_SCALE must be set');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const wasActive = extension.isActive;
  await extension.activate();
  await vscode.commands.executeCommand('workbench.view.extension.clippings');
  const activationStall = activationStalls();
  // The index was created during activation; from here on the host runs the build, and whatever VS Code does meanwhile.
  const watched = { activationStall, wasActive, stalls: watchStalls(), gcPauses: watchGc(), from: performance.now() };
  const warm = BENCH_SESSION === '1';
  if ((await status()).idle) {
    fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results: await measureIdle(watched, warm) }, null, 2));
    return;
  }
  const stopProfile = await profileCpu(BENCH_PROFILE?.replace(/(\.cpuprofile)?$/, warm ? '-warm.cpuprofile' : '.cpuprofile'));
  const results = warm ? await measureWarm(watched, stopProfile) : await measureCold(watched, stopProfile, BENCH_WORKSPACE_SCALE, BENCH_PROFILE !== undefined);
  fs.writeFileSync(BENCH_RESULTS, JSON.stringify({ vscode: vscode.version, results }, null, 2));
}

interface Watched {
  readonly activationStall: Stalls;
  readonly wasActive: boolean;
  readonly stalls: () => Stalls;
  readonly gcPauses: () => GcPauses;
  /** When the watch began (performance.now()). */
  readonly from: number;
}

/** The first session, on an empty user-data folder: the cold build, then the cache written. */
async function measureCold(watched: Watched, stopProfile: (stalls: Stalls) => Promise<void>, scaleNote: string, profiled: boolean): Promise<Measurement[]> {
  const ready = await waitForStatus('ready', (current) => current.ready);
  const readyAt = performance.now();
  const coldStall = watched.stalls();
  const coldGc = watched.gcPauses();
  const pass = ready.lastPass;
  if (!pass) throw new Error('the index is ready without a pass');
  const createdAt = ready.createdAt;

  const savingStalls = watchStalls();
  const idle = await waitForStatus('idle (the cache written)', (current) => !current.busy);
  const savingStall = savingStalls();
  const idleAt = performance.now();
  await stopProfile({ longest: 0, longestWork: 0, over50: [...coldStall.over50, ...savingStall.over50] });
  const cold = memory();
  if (!idle.cacheFolder) throw new Error('the extension has no storage folder: nothing is cached');

  writeMarks(createdAt, pass.stallsOver50, [coldStall, savingStall]);
  const scale = `${ready.clippings.toLocaleString('en')} clippings, ${ready.annotations.toLocaleString('en')} annotations (${scaleNote})`;
  return [
    { name: 'index, cold (empty cache)', ms: pass.ms, note: `${scale}; ${pass.read} files read, ${pass.cached} from the cache; target ≤ 60 s; ${seconds(pass.ms)}, of which ${seconds(pass.startWaitMs)} waiting for a quiet event loop` },
    {
      name: 'longest event-loop stall, cold build',
      ms: Math.max(coldStall.longest, pass.longestStallMs),
      note: `target ≤ 50 ms; ${wholePass(pass)} ${over(coldStall, createdAt)}; Annotations view open; watched from ${seconds(watched.from - createdAt)} after the index started until ready${profiled ? ', CPU profiled' : ''}; ${gcNote(coldGc)}`,
    },
    workingRow('cold', pass),
    {
      name: 'longest event-loop stall, activation and opening the view',
      ms: watched.activationStall.longest,
      note: `before the build is watched: ${watched.wasActive ? 'the workspace had activated the extension already' : 'activate() called here'} (activation on its own: the Activation section)`,
    },
    { name: 'longest event-loop stall, writing the cache', ms: savingStall.longest, note: `${over(savingStall, readyAt)}; from ready until the cache is written, ${seconds(idleAt - readyAt)} later` },
    { name: 'extension host memory after the cold build', ms: cold.heap, note: `MB, not ms: heap + external after GC (VS Code's own included), target ≤ 500 MB for the index; process RSS ${cold.rss.toFixed(0)} MB` },
  ];
}

/**
 * The extension's own record of the pass (clippings._indexStatus): the suite starts watching
 * only once VS Code runs it, after activation, which in a restarted host is seconds into the build.
 */
function wholePass({ longestStallMs, stallsOver50 }: NonNullable<IndexStatus['lastPass']>): string {
  const listed = stallsOver50.map(([at, ms]) => `${ms.toFixed(0)} at ${seconds(at)}`).join(', ');
  return `the extension's own watch over the whole pass, from the index's creation: ${longestStallMs.toFixed(0)} ms${listed && ` (over 50 ms: ${listed})`}; the suite's watch:`;
}

/**
 * The extension's own watch from the end of the first pass's wait for a quiet event loop (VS
 * Code starting its built-in extensions) until ready: the stalls while the index did its work.
 * The row above keeps the whole pass, the wait included; the idle baseline's section has what
 * VS Code does without the index in the same windows.
 */
function workingRow(build: 'cold' | 'warm', pass: NonNullable<IndexStatus['lastPass']>): Measurement {
  const listed = pass.working.stallsOver50.map(([at, ms]) => `${ms.toFixed(0)} at ${seconds(at)}`).join(', ');
  return {
    name: `longest event-loop stall, ${build} build, once the index starts working`,
    ms: pass.working.longestStallMs,
    note: `the extension's own watch from the end of its wait for a quiet event loop (${seconds(pass.startWaitMs)} after the index's creation) until ready${listed && `; over 50 ms: ${listed} (from the creation)`}`,
  };
}

/** What a cache folder holds, to tell a cache not written from one not found. */
function cacheFiles(folder: string | undefined): string {
  if (!folder) return 'no storage folder';
  const storage = path.dirname(path.dirname(vscode.Uri.parse(folder).fsPath));
  const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 'missing');
  return `files in the cache folder: ${listing(vscode.Uri.parse(folder).fsPath)}; in the workspace storage ${path.dirname(storage)}: ${fs.existsSync(path.dirname(storage)) ? fs.readdirSync(path.dirname(storage), { recursive: true }).slice(0, 20).join(', ') : 'missing'}`;
}

/**
 * The second session: VS Code started again on the same workspace and user-data folder, so
 * the extension activates afresh and finds the cache the first session wrote in its storage.
 */
async function measureWarm(watched: Watched, stopProfile: (stalls: Stalls) => Promise<void>): Promise<Measurement[]> {
  const ready = await waitForStatus('ready', (current) => current.ready);
  const warmStall = watched.stalls();
  const warmGc = watched.gcPauses();
  await stopProfile(warmStall);
  const pass = ready.lastPass;
  if (!pass) throw new Error('the warm index is ready without a pass');
  // A restart that found no cache would measure a second cold build.
  if (pass.cached === 0) throw new Error(`the restarted extension found no cache: ${JSON.stringify(ready)}; ${cacheFiles(ready.cacheFolder)}`);
  const createdAt = ready.createdAt;
  writeMarks(createdAt, pass.stallsOver50, [warmStall]);
  const warm = memory();
  return [
    {
      name: 'index, warm (after a restart, nothing changed)',
      ms: pass.ms,
      note: `target ≤ 5 s; VS Code started again on the same workspace and user data, the extension activated afresh; from the index's creation at activation: waited ${seconds(pass.startWaitMs)} for a quiet event loop, cache read ${seconds(pass.cacheLoadMs)} after creation; ${pass.cached} from the cache, ${pass.read} read; ${seconds(pass.ms)}`,
    },
    {
      name: 'longest event-loop stall, warm build',
      ms: Math.max(warmStall.longest, pass.longestStallMs),
      note: `target ≤ 50 ms; ${wholePass(pass)} ${over(warmStall, createdAt)}; Annotations view open; watched from ${seconds(watched.from - createdAt)} after the index started until ready; ${gcNote(warmGc)}`,
    },
    workingRow('warm', pass),
    { name: 'extension host memory after the warm build', ms: warm.heap, note: `MB, not ms: heap + external after GC (VS Code's own included), target ≤ 500 MB for the index; process RSS ${warm.rss.toFixed(0)} MB` },
  ];
}

/**
 * How long the baseline watches, from the index's creation: about as long as the cold build and
 * the cache writing after it (the first session), and as long as the warm target (a restart).
 */
const IDLE_WINDOW_MS = { cold: 30_000, warm: 5_000 };

/**
 * The baseline (run.ts's idle job): the same workspace, user data and restart, the extension
 * activated, but its index created idle (CLIPPINGS_BENCH_INDEX_IDLE): it reads nothing and only
 * watches the event loop from its creation, as the building index does. What it sees is what
 * VS Code and the rest of the extension do in the windows the build is measured in.
 */
async function measureIdle(watched: Watched, warm: boolean): Promise<Measurement[]> {
  const windowMs = warm ? IDLE_WINDOW_MS.warm : IDLE_WINDOW_MS.cold;
  const current = await waitForStatus(`idle for ${seconds(windowMs)}`, (idle) => (idle.watching?.sinceMs ?? 0) >= windowMs);
  const suite = watched.stalls();
  const gc = watched.gcPauses();
  const own = current.watching;
  if (!own) throw new Error('the idle index watches nothing');
  const createdAt = current.createdAt;
  writeMarks(createdAt, own.stallsOver50, [suite]);
  const session = warm ? 'restart (second session, as the warm build)' : 'first session (as the cold build)';
  const listed = own.stallsOver50.map(([at, ms]) => `${ms.toFixed(0)} at ${seconds(at)}`).join(', ');
  return [
    {
      name: `longest event-loop stall, index idle, ${warm ? 'restart' : 'first session'}`,
      ms: Math.max(suite.longest, own.longestStallMs),
      note: `baseline for the ${warm ? 'warm' : 'cold'} build: ${session}, the index reading nothing; the extension's own watch from the index's creation for ${seconds(own.sinceMs)}: ${own.longestStallMs.toFixed(0)} ms${listed && ` (over 50 ms: ${listed})`}; the suite's watch: ${over(suite, createdAt)}; Annotations view open; watched from ${seconds(watched.from - createdAt)} after the index's creation; ${gcNote(gc)}`,
    },
  ];
}
