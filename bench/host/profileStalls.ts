/**
 * What the extension host ran during each stall: reads a CPU profile of the extension host
 * taken from its first milliseconds (BENCH_HOST_PROFILE, see run.ts and
 * scripts/test-host/host-profiler.mjs) and the marks the workspace suite wrote beside it
 * (`<profile>.marks.json`: when the index was created and the stalls over 50 ms its watch and
 * the suite's saw), and sums the samples inside each stall by who ran them: this extension,
 * VS Code (its workbench code in the host), VS Code's built-in extensions, Node, garbage
 * collection, native code ("(program)"), idle, and time with no sample at all (the thread not
 * running: waiting for a CPU, or a page fault).
 *
 *   npx tsx bench/host/profileStalls.ts <profile.cpuprofile> [<extension path fragment>]
 *
 * Without marks, every run of samples without an idle one longer than 50 ms is listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readProfile, type Profile } from './cpuProfile';

export interface Marks {
  /** When the extension host process started (its performance.now() zero), in the profile's clock (µs). */
  readonly hostStartedUs: number;
  /** When the index was created, in the profile's clock (µs). */
  readonly indexCreatedUs: number;
  /** Stalls over 50 ms, [start µs in the profile's clock, ms, who saw it]. */
  readonly stalls: readonly (readonly [number, number, string])[];
}

/** Sampling gaps longer than this are time the thread did not run (the sampler asks every 0.5 ms). */
const GAP_US = 3_000;

function main([file, ours = '/work/main/dist/']: string[]): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const { byId, parentOf, sampleTimesUs: times } = readProfile(profile);

  /** Who ran a sample: ours if any frame of its stack is ours, else its leaf's owner. */
  const owner = (id: number): string => {
    const leaf = byId.get(id)?.callFrame;
    if (!leaf) return 'unknown';
    if (leaf.functionName === '(idle)') return 'idle';
    if (leaf.functionName === '(garbage collector)') return 'GC';
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)?.id) {
      if (byId.get(at)?.callFrame.url.includes(ours)) return 'ours';
    }
    if (leaf.functionName === '(program)') return '(program)';
    if (leaf.url.includes('/extensions/')) return 'built-in extensions';
    if (leaf.url.includes('/vscode/')) return 'VS Code';
    if (leaf.url.startsWith('node:') || leaf.url === '') return 'Node';
    return leaf.url;
  };
  const where = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    return frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : '?';
  };

  /** What ran between `from` and `to` (µs): ms per owner, the top leaves, and the time with no sample. */
  const explain = (from: number, to: number): string => {
    const owners = new Map<string, number>();
    const leaves = new Map<string, number>();
    let gaps = 0;
    for (let i = 0; i < times.length; i++) {
      if (times[i] < from || times[i] > to) continue;
      const delta = profile.timeDeltas[i];
      // A long delta: the sample came late, the thread had not run (or could not be interrupted) meanwhile.
      const ran = Math.min(delta, 1_000);
      if (delta > GAP_US) gaps += delta - ran;
      const who = owner(profile.samples[i]);
      owners.set(who, (owners.get(who) ?? 0) + ran);
      if (who !== 'idle') leaves.set(`${who}: ${where(profile.samples[i])}`, (leaves.get(`${who}: ${where(profile.samples[i])}`) ?? 0) + ran);
    }
    const ms = (us: number) => (us / 1000).toFixed(0);
    const byOwner = [...owners].sort((a, b) => b[1] - a[1]).map(([who, us]) => `${who} ${ms(us)}`);
    const top = [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([leaf, us]) => `${leaf} (${ms(us)})`);
    return `${byOwner.join(', ')}${gaps ? `, not running ${ms(gaps)}` : ''}\n      ${top.join('\n      ')}`;
  };

  const marksFile = `${file}.marks.json`;
  const seconds = (us: number) => `${((us - profile.startTime) / 1e6).toFixed(2)} s`;
  if (existsSync(marksFile)) {
    const marks = JSON.parse(readFileSync(marksFile, 'utf8')) as Marks;
    console.log(`profile of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, from ${((profile.startTime - marks.hostStartedUs) / 1000).toFixed(0)} ms after the host started; the index created at ${seconds(marks.indexCreatedUs)} of the profile`);
    for (const [start, ms, seen] of [...marks.stalls].sort((a, b) => a[0] - b[0])) {
      console.log(`  ${ms.toFixed(0)} ms at ${seconds(start)} (${((start - marks.indexCreatedUs) / 1e6).toFixed(2)} s after the index's creation; ${seen}): ${explain(start, start + ms * 1000)}`);
    }
    return;
  }
  // No marks: runs of samples without idle ones, over 50 ms.
  let runStart: number | undefined;
  for (let i = 0; i < times.length; i++) {
    const idle = owner(profile.samples[i]) === 'idle';
    if (!idle && runStart === undefined) runStart = times[i - 1] ?? times[i];
    if (idle && runStart !== undefined) {
      if (times[i] - runStart > 50_000) console.log(`  ${((times[i] - runStart) / 1000).toFixed(0)} ms busy at ${seconds(runStart)}: ${explain(runStart, times[i])}`);
      runStart = undefined;
    }
  }
}

if (require.main === module) main(process.argv.slice(2));
