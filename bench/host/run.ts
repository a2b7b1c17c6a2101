/**
 * The extension-host half of `npm run bench`, measured inside a real VS Code (code-server):
 * - the outline of a 10-million-character clipping against the built-in Markdown outline of
 *   the same text, for our own sample repeated (short articles, many symbols) and, when
 *   present, the shared real dossier repeated (articles of real length);
 * - activation, from a workspace where nothing has activated the extension yet;
 * - annotations on heavily annotated dossiers (1,000 and 10,000 annotations).
 * Prints tables and updates bench/RESULTS.md. Run after `node scripts/build.mjs --bench`.
 */
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { exitAfter, stopOnExit } from '../../scripts/test-host/cleanup.mjs';
import { choosePort } from '../../scripts/test-host/code-server.mjs';
import { runExtensionTests } from '../../scripts/test-host/extension-tests.mjs';
import { ensureHost } from '../../scripts/test-host/host-install.mjs';
import { repoRoot } from '../../scripts/test-host/paths.mjs';
import { runScript, say } from '../../scripts/test-host/shell.mjs';
import { createAnchor, createAnnotation, cryptoRandomBytes, serializeSidecar, SIDECAR_VERSION, type Annotation } from '../../src/core/annotations';
import { parseClipping } from '../../src/core/parser';
import { buildDossier, dossierToMarkdown } from '../corpus';
import { workspaceData } from '../workspace.bench';
import { writeResultsSection } from '../results.mjs';
import { median } from '../median';

const TARGET_SIZE = 10_000_000;

interface Measurement {
  readonly name: string;
  readonly ms: number;
  readonly note: string;
}

const DOSSIERS = [
  { label: 'own sample repeated', source: join(repoRoot, 'test', 'fixtures', 'arabic-dossier.clip') },
  { label: 'shared real dossier repeated', source: resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt') },
].filter(({ source }) => existsSync(source));

interface Job {
  readonly label: string;
  readonly suite: string;
  /** Writes the job's files into `workspace`; returns the environment the suite reads them from. */
  readonly prepare: (workspace: string) => Record<string, string>;
  /** How many hosts to measure in, one after the other; each row is the median over them. */
  readonly runs?: number;
  /** Names of do-nothing extensions installed beside ours (see bench/host/baseline-extension). */
  readonly baselines?: readonly string[];
  /**
   * How many sessions each run is: VS Code started again on the same workspace and user-data
   * folder, the extensions' storage kept, the suite told which session it is in (BENCH_SESSION,
   * 0 first); the rows of all sessions, in order, make the run's results. 1 by default.
   */
  readonly sessions?: number;
}

const OUTLINE_JOBS: Job[] = DOSSIERS.map(({ label, source }) => ({
  label: `Outline, ${label}`,
  suite: 'outline.bench.js',
  runs: 3,
  prepare: (workspace) => {
    const clipping = buildDossier([readFileSync(source, 'utf8')], TARGET_SIZE);
    writeFileSync(join(workspace, 'large.clip'), clipping);
    writeFileSync(join(workspace, 'large.md'), dossierToMarkdown(clipping));
    return { BENCH_CLIPPING: join(workspace, 'large.clip'), BENCH_MARKDOWN: join(workspace, 'large.md') };
  },
}));

/**
 * A workspace with nothing that activates the extension (no clipping, no sidecar, no plain
 * text), and a small clipping outside it for the first outline after activation.
 */
const ACTIVATION_JOB: Job = {
  label: 'Activation',
  suite: 'activation.bench.js',
  // Activation happens once per host, and a single run on a shared machine says little.
  runs: 5,
  // The first absorbs what VS Code does once, at the first activation in a host; the second
  // is what VS Code spends activating any extension, which ours is compared with.
  baselines: ['activation-baseline-first', 'activation-baseline'],
  prepare: (workspace) => {
    writeFileSync(join(workspace, 'README.md'), '# A workspace without clippings\n');
    const outside = mkdtempSync(join(tmpdir(), 'clippings-bench-outside-'));
    stopOnExit(() => rmSync(outside, { recursive: true, force: true }));
    const clipping = join(outside, 'small.clip');
    writeFileSync(clipping, readFileSync(DOSSIERS[0].source, 'utf8'));
    return { BENCH_CLIPPING: clipping };
  },
};

const ANNOTATION_JOB: Job = {
  label: 'Annotations',
  suite: 'annotations.bench.js',
  // Stalls move with the machine's load: each row is the median of three hosts.
  runs: 3,
  prepare: (workspace) => {
    // Last, the same dossier with an empty sidecar: the stalls VS Code causes by itself in the same steps.
    // BENCH_ANNOTATION_COUNTS=0,10000 (say) measures others, in that order.
    const counts = (process.env.BENCH_ANNOTATION_COUNTS ?? '1000,10000,0').split(',').map(Number);
    const dossiers = counts.map((count) => writeAnnotatedDossier(workspace, count));
    // The suite profiles the host's CPU during each dossier's steps; BENCH_PROFILE=file.cpuprofile keeps the profiles (file-<host pid>-<dossier>.cpuprofile).
    return { BENCH_ANNOTATED: JSON.stringify(dossiers), ...(process.env.BENCH_PROFILE && { BENCH_PROFILE: resolve(process.env.BENCH_PROFILE) }) };
  },
};

/**
 * Issue 5's workspace index: the clippings and sidecars of bench/workspace.bench.ts (100
 * annotations each), hard-linked into the workspace. BENCH_WORKSPACE_FILES=n takes the first n
 * (10,000 by default: a million annotations).
 */
const WORKSPACE_JOB: Job = {
  label: 'Workspace index',
  suite: 'workspace.bench.js',
  // The first session builds the index cold and writes the cache; the second is a restart that finds it (warm).
  sessions: 2,
  // The machine is shared: stalls and times move with its load. BENCH_WORKSPACE_RUNS=1 for one host.
  runs: Number(process.env.BENCH_WORKSPACE_RUNS ?? 3),
  prepare: (workspace) => {
    const files = Number(process.env.BENCH_WORKSPACE_FILES ?? 10_000);
    const { folder, clippings } = workspaceData();
    for (const clipping of clippings.slice(0, files)) {
      const target = join(workspace, 'dossiers', relative(folder, clipping));
      mkdirSync(dirname(target), { recursive: true });
      linkSync(clipping, target);
      linkSync(`${clipping}.annotations.yaml`, `${target}.annotations.yaml`);
    }
    const scale = files >= 10_000 ? 'full scale' : `reduced scale: BENCH_WORKSPACE_FILES=${files}`;
    // BENCH_PROFILE=file.cpuprofile records the extension host's CPU during the cold and the warm build.
    return { BENCH_WORKSPACE_SCALE: scale, ...(process.env.BENCH_PROFILE && { BENCH_PROFILE: resolve(process.env.BENCH_PROFILE) }) };
  },
};

/**
 * The workspace index's baseline: the same workspace, sessions and hosts, the extension
 * activated, its index created idle (it reads nothing, it only watches the event loop), so that
 * the stalls VS Code causes by itself in the windows the build is measured in are known.
 */
const WORKSPACE_IDLE_JOB: Job = {
  ...WORKSPACE_JOB,
  label: 'Workspace index, idle baseline',
  prepare: (workspace) => ({ ...WORKSPACE_JOB.prepare(workspace), CLIPPINGS_BENCH_INDEX_IDLE: '1' }),
};

/**
 * A 200 K-character dossier and a sidecar with `count` speaker tags spread over its words,
 * made with the same core functions as the editor. Returns where to tag one more.
 */
function writeAnnotatedDossier(workspace: string, count: number) {
  const text = buildDossier([readFileSync(DOSSIERS[0].source, 'utf8')], 200_000);
  const model = parseClipping(text);
  const words = [...text.matchAll(/\p{L}{4,}/gu)];
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const word = words[Math.floor((i * words.length) / count)];
    const start = word.index ?? 0;
    const anchor = createAnchor(text, start, start + word[0].length, model.articles);
    annotations.push(createAnnotation({ type: 'speaker', speaker: 'bench', kind: 'reported' }, anchor, { author: 'bench', now: () => new Date('2024-01-01T00:00:00Z'), randomBytes: cryptoRandomBytes }));
  }
  const file = join(workspace, `annotated-${count}.clip`);
  writeFileSync(file, text);
  writeFileSync(`${file}.annotations.yaml`, serializeSidecar({ version: SIDECAR_VERSION, clipping: `annotated-${count}.clip`, annotations }));
  const title = model.articles[1].title;
  const position = model.positionAt(title.start);
  const label = count === 0 ? 'no annotations (empty sidecar, baseline)' : `${count.toLocaleString('en')} annotations`;
  return { file, label, count, quote: { line: position.line, start: position.character, end: position.character + (title.end - title.start) } };
}

/** A throwaway extensions folder with one copy of the do-nothing extension per name. */
function installBaselines(names: readonly string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'clippings-bench-extensions-'));
  stopOnExit(() => rmSync(folder, { recursive: true, force: true }));
  const template = join(repoRoot, 'bench', 'host', 'baseline-extension');
  for (const name of names) {
    const copy = join(folder, `clippings-lab.${name}-0.0.1`);
    cpSync(template, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ ...manifest, name }, null, 2));
  }
  return folder;
}

/** One host's results; `unmeasurable` when the suite found the host unfit to measure in (it says why). */
interface HostResults {
  readonly vscode: string;
  readonly results: Measurement[];
  readonly unmeasurable?: string;
}

/** Hosts a job may find unfit, one after the other, before the benchmark gives up. */
const MAX_UNFIT_HOSTS = 3;

/** Hosts measured so far, to name their profiles. */
let hostRuns = 0;

async function measure(host: unknown, job: Job): Promise<HostResults> {
  const hostRun = hostRuns++;
  const workspace = mkdtempSync(join(tmpdir(), 'clippings-bench-'));
  stopOnExit(() => rmSync(workspace, { recursive: true, force: true }));
  const prepared = job.prepare(workspace);
  const extensionsDir = installBaselines(job.baselines ?? []);
  const sessions = job.sessions ?? 1;
  // Kept across the sessions of a run, so that each one after the first is a restart. The port
  // too: the workspace's storage folder is named after its URI, whose authority holds the port.
  const userDataDir = sessions > 1 ? mkdtempSync(join(tmpdir(), 'clippings-bench-user-data-')) : undefined;
  const port = sessions > 1 ? await choosePort() : undefined;
  if (userDataDir) stopOnExit(() => rmSync(userDataDir, { recursive: true, force: true }));
  const measured: HostResults[] = [];
  for (let session = 0; session < sessions; session++) {
    const results = join(workspace, `results-${session}.json`);
    say(`measuring inside VS Code (code-server): ${job.label}${sessions > 1 ? `, session ${session + 1} of ${sessions}` : ''}`);
    // BENCH_HOST_PROFILE=file.cpuprofile: each session's extension host profiled from its first tens of milliseconds (its inspector on), into file-<job>-<host>-<session>.cpuprofile.
    const hostProfile = process.env.BENCH_HOST_PROFILE && resolve(process.env.BENCH_HOST_PROFILE.replace(/(\.cpuprofile)?$/, `-${sectionName(job)}-${hostRun}-${session}.cpuprofile`));
    const exitCode = await runExtensionTests({
      host,
      workspace,
      extensionDevelopmentPath: repoRoot,
      extensionsDir,
      userDataDir,
      port,
      extensionTestsPath: join(repoRoot, 'out', 'bench', 'host', job.suite),
      environment: { ...prepared, BENCH_RESULTS: results, BENCH_SESSION: String(session), ...(hostProfile && { BENCH_HOST_MARKS: `${hostProfile}.marks.json` }) },
      workbenchLogFile: join(repoRoot, 'test-results', 'bench-workbench.log'),
      hostProfile,
    });
    if (exitCode !== 0) throw new Error(`the host benchmark failed (exit code ${exitCode})`);
    const sessionResults = JSON.parse(readFileSync(results, 'utf8')) as HostResults;
    if (sessionResults.unmeasurable) return sessionResults;
    measured.push(sessionResults);
  }
  return { vscode: measured[0].vscode, results: measured.flatMap((session) => session.results) };
}

/** The job measured in `job.runs` hosts: each row's median, its spread in the note. */
async function measureRuns(host: unknown, job: Job): Promise<{ vscode: string; results: Measurement[] }> {
  const runs: HostResults[] = [];
  let unfit = 0;
  while (runs.length < (job.runs ?? 1)) {
    const run = await measure(host, job);
    if (!run.unmeasurable) {
      runs.push(run);
      unfit = 0;
    } else if (++unfit > MAX_UNFIT_HOSTS) {
      throw new Error(`${MAX_UNFIT_HOSTS + 1} hosts in a row could not be measured: ${run.unmeasurable}`);
    } else {
      say(`this host could not be measured (${run.unmeasurable}); measuring in another`);
    }
  }
  if (runs.length === 1) return runs[0];
  const results = runs[0].results.map(({ name, note }, row) => {
    const values = runs.map((run) => run.results[row].ms).sort((a, b) => a - b);
    return { name, ms: median(values), note: `${note}; median of ${values.length} hosts, ${values[0].toFixed(0)}–${values.at(-1)?.toFixed(0)} ms` };
  });
  return { vscode: runs[0].vscode, results };
}

function table(label: string, vscode: string, results: readonly Measurement[]): string {
  const rows = results.map(({ name, ms, note }) => `| ${name} | ${ms.toFixed(1)} | ${note} |`);
  return [`## Extension host: ${label} (\`bench/host\`)`, '', `VS Code ${vscode} (code-server), ${new Date().toISOString().slice(0, 10)}:`, '', '| measurement | ms | note |', '| --- | ---: | --- |', ...rows].join('\n');
}

/** Each job keeps its own section of bench/RESULTS.md, so measuring one job leaves the others' results. */
function sectionName(job: Job): string {
  return `host-${job.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

runScript(async () => {
  exitAfter(20 * 60_000, 'the extension-host benchmark');
  const host = await ensureHost();
  // `--only annotations` (or any word of a job's label) measures just the jobs it names.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]?.toLowerCase() : undefined;
  const jobs = [ACTIVATION_JOB, ...OUTLINE_JOBS, ANNOTATION_JOB, WORKSPACE_JOB, WORKSPACE_IDLE_JOB].filter((job) => !only || job.label.toLowerCase().includes(only));
  for (const job of jobs) {
    const { vscode, results } = await measureRuns(host, job);
    const markdown = table(job.label, vscode, results);
    console.log(markdown);
    writeResultsSection(sectionName(job), markdown);
  }
  return 0;
});
