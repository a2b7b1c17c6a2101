// Where the extension host's long stalls come from, for the suites that run inside it: every
// stall over a threshold, with the step of the suite it fell in, the host thread's CPU time in
// it (a stall without CPU time is the thread waiting for a CPU on a loaded machine), the
// garbage-collection pauses inside it and, when a CPU profile is recorded, whose code the
// samples in it ran: ours, VS Code's, another extension's, the garbage collector.
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { readProfile, type Profile, type ProfileNode } from './cpuProfile';
import type { Marks } from './profileStalls';

/** One stall: when it began (performance.now()), how long, the thread's CPU time in it, and the step it fell in. */
export interface Stall {
  readonly at: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly step: string;
  /** Garbage collection inside the stall, ms, from V8's own records. */
  gcMs: number;
  /** With a profile: ms of samples per owner of the code that ran, and the functions that ran longest. */
  owners?: Record<string, number>;
  top?: string[];
}

/** The host thread's CPU time in ms (Node ≥ 23.9; NaN where it cannot be told). */
function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : Number.NaN;
}

const TICK_MS = 5;

export interface StallWatch {
  /** Names the step that the stalls from now on fall in. */
  step(name: string): void;
  /** Stops watching: the longest stall, and every stall over the threshold in time order. */
  stop(): { longest: number; stalls: Stall[] };
}

/**
 * A 5 ms ticker, like measure.ts's watchEventLoop: the longest time it did not run is the
 * longest the host was blocked. Keeps every stall over `thresholdMs`, with its step, CPU and GC.
 */
export function watchStalls(thresholdMs = 50): StallWatch {
  let step = 'start';
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let longest = 0;
  const stalls: Stall[] = [];
  const gcs: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => gcs.push({ start: entry.startTime, end: entry.startTime + entry.duration })));
  observer.observe({ entryTypes: ['gc'] });
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    const stall = now - last - TICK_MS;
    longest = Math.max(longest, stall);
    if (stall > thresholdMs) stalls.push({ at: last, ms: stall, cpuMs: Math.min(cpu - lastCpu, now - last), step, gcMs: 0 });
    last = now;
    lastCpu = cpu;
  }, TICK_MS);
  return {
    step: (name) => {
      step = name;
    },
    stop: () => {
      clearInterval(ticker);
      observer.disconnect();
      for (const stall of stalls) {
        const end = stall.at + stall.ms + TICK_MS;
        stall.gcMs = gcs.reduce((sum, gc) => sum + Math.max(0, Math.min(end, gc.end) - Math.max(stall.at, gc.start)), 0);
      }
      return { longest: Math.max(0, longest), stalls };
    },
  };
}

/** How often the profiler samples, ms. */
const SAMPLE_MS = 0.5;
/** Past this gap between two samples the thread was not running at all: waiting for a CPU. */
const DESCHEDULED_MS = 4 * SAMPLE_MS;
export const WAITING = 'waiting for a CPU';

/**
 * Whose code a sample ran, from its stack (leaf first): ours when any frame is the extension's
 * bundle (the VS Code API it called included), the suite's own (this benchmark), another
 * extension's, VS Code's (its extension-host code, Node's internals under it) with two of its
 * parts named apart (the remote port finder, which spawns a process every 2 s or so, and the
 * zlib compression of its socket to the workbench), or V8's pseudo-frames.
 */
function ownerOf(stack: readonly ProfileNode[], extensionUrl: string): string {
  const urls = stack.map((node) => node.callFrame.url);
  if (urls.some((url) => url.includes(extensionUrl))) return 'ours';
  if (urls.some((url) => url.includes('/out/bench/host/'))) return 'the benchmark';
  const other = urls.find((url) => url.includes('/extensions/'));
  if (other) return `extension ${/\/extensions\/([^/]+)/.exec(other)?.[1] ?? other}`;
  // Two of VS Code's own that the annotations benchmark's profiles found in long stalls, named apart.
  const names = stack.map((node) => node.callFrame.functionName);
  if (names.includes('findCandidatePorts')) return "VS Code's port finder";
  if (names.includes('_inflateFrame') || names.includes('_deflateMessage')) return "VS Code's socket compression";
  if (urls.some((url) => url !== '')) return "VS Code's";
  const name = stack[0]?.callFrame.functionName;
  return name === '(garbage collector)' ? 'GC' : name === '(idle)' ? 'idle' : name === '(program)' ? 'native (program)' : name || 'native';
}

/** `stalls` given the owners of the profile's samples in them (ms) and their five longest-running functions. */
function attribute(profile: Profile, stalls: readonly Stall[], extensionUrl: string): void {
  const { byId, parentOf, sampleTimesUs } = readProfile(profile);
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let node = byId.get(id); node && node.callFrame.functionName !== '(root)'; node = parentOf.get(node.id)) stack.push(node);
    return stack;
  };
  // Sample times in performance.now() terms: V8's profile clock (µs) is the monotonic clock of process.hrtime.
  const offset = Number(process.hrtime.bigint()) / 1e6 - performance.now();
  const times = sampleTimesUs.map((us) => us / 1000 - offset);
  for (const stall of stalls) {
    const owners: Record<string, number> = {};
    const functions = new Map<string, number>();
    for (let i = 1; i < profile.samples.length; i++) {
      if (times[i] < stall.at || times[i] > stall.at + stall.ms + TICK_MS) continue;
      let ms = times[i] - times[i - 1];
      // The sampler interrupts the thread when it runs: a long gap is time the thread did not run.
      if (ms > DESCHEDULED_MS) {
        owners[WAITING] = (owners[WAITING] ?? 0) + ms - SAMPLE_MS;
        ms = SAMPLE_MS;
      }
      const stack = stackOf(profile.samples[i]);
      const owner = ownerOf(stack, extensionUrl);
      owners[owner] = (owners[owner] ?? 0) + ms;
      const leaf = stack.find((node) => node.callFrame.url !== '') ?? stack[0];
      const name = `${leaf?.callFrame.functionName || '(anonymous)'} [${owner}${leaf?.callFrame.url ? ` ${leaf.callFrame.url.split('/').slice(-2).join('/')}:${leaf.callFrame.lineNumber + 1}` : ''}]`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
    stall.owners = Object.fromEntries(Object.entries(owners).map(([owner, ms]) => [owner, Math.round(ms)]));
    stall.top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
  }
}

/**
 * Records this host's CPU, sampled every 0.5 ms. The returned function stops it, gives each
 * stall its owners (`extensionUrl` names our bundle) and, when `file` is set, writes the
 * profile there with the stalls beside it (`<file>.stalls.json`).
 */
export async function profileCpu(file: string | undefined, extensionUrl: string): Promise<(stalls: readonly Stall[]) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLE_MS * 1000 });
  await session.post('Profiler.start');
  return async (stalls) => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    attribute(profile as Profile, stalls, extensionUrl);
    if (!file) return;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(profile));
    // With the offset from performance.now() to the profile's clock (ms), to read the samples of each stall again.
    writeFileSync(`${file}.stalls.json`, JSON.stringify({ offset: Number(process.hrtime.bigint()) / 1e6 - performance.now(), stalls }, null, 1));
  };
}

/** The owners of a stall's samples, most first: [owner, ms]. */
function ownersOf(stall: Stall): [string, number][] {
  return Object.entries(stall.owners ?? {}).sort((a, b) => b[1] - a[1]);
}

/** Whose code ran most in the stall ('ours', "VS Code's", 'GC', WAITING, …); undefined without a profile. */
export function mainOwner(stall: Stall): string | undefined {
  return ownersOf(stall)[0]?.[0];
}

/** A stall as the notes list it: "123 ms (tag, CPU 80, GC 20; ours 60, VS Code's 15)". */
export function describeStall(stall: Stall): string {
  const owners = stall.owners ? `; ${ownersOf(stall).filter(([, ms]) => ms > 0).map(([owner, ms]) => `${owner} ${ms}`).join(', ')}` : '';
  return `${stall.ms.toFixed(0)} (${stall.step}, CPU ${Number.isNaN(stall.cpuMs) ? '?' : stall.cpuMs.toFixed(0)}, GC ${stall.gcMs.toFixed(0)}${owners})`;
}

/**
 * With BENCH_HOST_MARKS (a file, set by run.ts beside a profile of the host from its first
 * milliseconds), writes the marks profileStalls.ts reads: when the suite's subject started
 * (`startedAt`, as its "index created") and the stalls to name, [performance.now(), ms, label],
 * in the profile's clock (µs).
 */
export function writeHostMarks(startedAt: number, stalls: readonly (readonly [number, number, string])[]): void {
  const file = process.env.BENCH_HOST_MARKS;
  if (!file) return;
  // performance.now() counts from the host's start on the monotonic clock the profiler stamps samples with.
  const offsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
  const us = (at: number) => offsetUs + at * 1000;
  const marks: Marks = { hostStartedUs: offsetUs, indexCreatedUs: us(startedAt), stalls: stalls.map(([at, ms, label]) => [us(at), ms, label] as const) };
  fs.writeFileSync(file, JSON.stringify(marks));
}
