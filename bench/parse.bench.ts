/**
 * Parser benchmark: `npx tsx bench/parse.bench.ts [--runs N] [--chars N] [--no-write]`.
 *
 * Builds a dossier of about 10 million characters by repeating our own fixtures (and, when it
 * is present, separately, the shared sample), then measures the median of several runs of:
 * - parseClipping (structure: header, contents, articles and their titles, separators);
 * - parseClipping, then what the outline shows: each article's dates, outlet and comments;
 * - parseClipping, then everything: every article's details (classified lines, quotes…),
 *   the blocks, the contents matching and the problems;
 * - a plain regex scan for separator lines over the same text, as a floor;
 * - after a line added near the top: the parse made from the last one, and the contents
 *   matched again;
 * and the heap the parse result keeps alive. Prints a markdown table and rewrites the `parser`
 * section of bench/RESULTS.md (through bench/results.mjs).
 *
 * The parser is measured bundled, as the extension ships it: run from the sources under tsx,
 * every call from one module to another goes through an export getter, and those getters
 * were the first entry of the profile (chars.ts's, ahead of any work of the parser).
 */
import { buildSync } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ClippingDocument } from '../src/core/model';
import type * as Parser from '../src/core/parser';
import type * as Revision from '../src/core/revision';
import { buildDossier, SEPARATOR_LINE } from './corpus';
import { writeResultsSection } from './results.mjs';
import { median } from './median';

const repoRoot = path.resolve(__dirname, '..');
const fixturesDir = path.join(repoRoot, 'test', 'unit', 'fixtures');
const sharedSample = path.resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');
const TARGET_MS = 50;
const TARGET_REGEX_FACTOR = 10;

/** parseClipping and changeBetween from one bundle of the core, as esbuild makes the extension's. */
function bundledCore(): { readonly parseClipping: typeof Parser.parseClipping; readonly changeBetween: typeof Revision.changeBetween } {
  const { outputFiles } = buildSync({
    stdin: { contents: "export { parseClipping } from './src/core/parser'; export { changeBetween } from './src/core/revision';", resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
  });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'clippings-parse-bench-'));
  const file = path.join(folder, 'core.js');
  writeFileSync(file, outputFiles[0].text);
  try {
    return createRequire(__filename)(file) as ReturnType<typeof bundledCore>;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { parseClipping, changeBetween } = bundledCore();

interface Options {
  readonly runs: number;
  readonly chars: number;
  readonly write: boolean;
}

function readOptions(argv: readonly string[]): Options {
  const valueOf = (flag: string, fallback: number) => {
    const at = argv.indexOf(flag);
    return at >= 0 && at + 1 < argv.length ? Number(argv[at + 1]) : fallback;
  };
  return { runs: valueOf('--runs', 9), chars: valueOf('--chars', 10_000_000), write: !argv.includes('--no-write') };
}

/** A gc() the benchmark can call without node flags. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface Timing {
  /** Median wall time. */
  readonly wallMs: number;
  /** Best wall time: on a busy machine, the closest to the cost of the work itself. */
  readonly bestWallMs: number;
  /** Median CPU time of the process (all threads, the GC's included). */
  readonly cpuMs: number;
}


/**
 * Median wall and CPU time of `runs` runs, after one warm-up run. No GC is forced between
 * runs: a forced full GC leaves concurrent sweeping running into the next timed run, and
 * the editor parses in a warm heap too.
 */
function measure(runs: number, work: () => unknown): Timing {
  work();
  return summarize(Array.from({ length: runs }, () => sample(work)));
}

/** Reads what the outline shows beside each article. */
function readOutlineFields(document: ClippingDocument): number {
  let touched = 0;
  for (const article of document.articles) touched += article.dates.length + (article.outlet ? 1 : 0) + (article.comments ? 1 : 0);
  return touched;
}

/** Reads everything the parser leaves for later. */
function readEverything(document: ClippingDocument): number {
  let touched = document.problems.length + document.tocMatches.length + document.blocks.length;
  for (const article of document.articles) touched += article.lines.length + (article.comments ? 1 : 0);
  return touched;
}

/**
 * A line added near the top, `runs` times after a warm-up, as someone typing does: each
 * parse made from the last one (what the editor's parse cache does), then the table of
 * contents matched again (what the links and the problems ask for after a pause in typing).
 */
function afterEdits(text: string, runs: number): { readonly parse: Timing; readonly matching: Timing } {
  let current = text;
  let model = parseClipping(current);
  void model.tocMatches;
  const times = { parse: [] as Sample[], matching: [] as Sample[] };
  for (let run = 0; run <= runs; run++) {
    const at = current.indexOf('\n', 1000 + run * 100) + 1;
    const next = `${current.slice(0, at)}A line typed near the top.\n${current.slice(at)}`;
    next.charCodeAt(next.length >> 1); // flattened before the clock starts, as the editor's text is
    const change = changeBetween(current, next);
    const parse = sample(() => (model = parseClipping(next, { model, change })));
    const matching = sample(() => model.tocMatches);
    if (run > 0) {
      times.parse.push(parse);
      times.matching.push(matching);
    }
    current = next;
  }
  return { parse: summarize(times.parse), matching: summarize(times.matching) };
}

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function sample(work: () => unknown): Sample {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function summarize(samples: readonly Sample[]): Timing {
  const walls = samples.map((one) => one.wallMs);
  return { wallMs: median(walls), bestWallMs: Math.min(...walls), cpuMs: median(samples.map((one) => one.cpuMs)) };
}

function countSeparatorLines(text: string): number {
  SEPARATOR_LINE.lastIndex = 0;
  let count = 0;
  while (SEPARATOR_LINE.exec(text)) count++;
  return count;
}

/** Heap kept alive by one parse result, with all its details read. */
function retainedHeapMb(text: string, gc: () => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const document = parseClipping(text);
  readEverything(document);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (document.length !== text.length) throw new Error('unreachable: keeps the result alive until measured');
  return (after - before) / 1e6;
}

interface Row {
  readonly name: string;
  readonly chars: number;
  readonly lines: number;
  readonly articles: number;
  readonly parse: Timing;
  readonly parseOutline: Timing;
  readonly parseAll: Timing;
  readonly regex: Timing;
  readonly edited: { readonly parse: Timing; readonly matching: Timing };
  readonly heapMb: number;
}

function benchmark(name: string, text: string, options: Options, gc: () => void): Row {
  const document = parseClipping(text);
  const separators = countSeparatorLines(text);
  if (separators !== document.separators.length) {
    console.warn(`${name}: the regex finds ${separators} separator lines, the parser ${document.separators.length}`);
  }
  return {
    name,
    chars: text.length,
    lines: document.lineCount,
    articles: document.articles.length,
    parse: measure(options.runs, () => parseClipping(text)),
    parseOutline: measure(options.runs, () => readOutlineFields(parseClipping(text))),
    parseAll: measure(Math.max(3, Math.ceil(options.runs / 2)), () => readEverything(parseClipping(text))),
    regex: measure(options.runs, () => countSeparatorLines(text)),
    heapMb: retainedHeapMb(text, gc),
    // Last: the edited texts it makes (20 MB each) would be garbage the heap measure sees freed.
    edited: afterEdits(text, options.runs),
  };
}

const format = (value: number, digits = 1) => value.toFixed(digits);
const throughput = (chars: number, ms: number) => `${format(chars / ms / 1000, 0)} M/s`;
const timing = (value: Timing) => `${format(value.wallMs)} / ${format(value.bestWallMs)} ms, ${format(value.cpuMs)} ms`;

function table(rows: readonly Row[]): string {
  const header = [
    '| Dossier | Chars | Lines | Articles | parseClipping: wall median / best, CPU | Throughput (best) | + outline fields | + everything | Separator regex: wall median / best | Parse ÷ regex (best) | After a line added: parse from the last | After a line added: contents matched | Retained heap (everything read) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const body = rows.map((row) =>
    [
      row.name,
      row.chars.toLocaleString('en'),
      row.lines.toLocaleString('en'),
      row.articles.toLocaleString('en'),
      timing(row.parse),
      throughput(row.chars, row.parse.bestWallMs),
      timing(row.parseOutline),
      timing(row.parseAll),
      `${format(row.regex.wallMs)} / ${format(row.regex.bestWallMs)} ms`,
      `${format(row.parse.bestWallMs / row.regex.bestWallMs, 2)}×`,
      timing(row.edited.parse),
      timing(row.edited.matching),
      `${format(row.heapMb)} MB`,
    ].join(' | '),
  );
  return [...header, ...body.map((line) => `| ${line} |`)].join('\n');
}

function verdict(rows: readonly Row[]): string {
  return rows
    .map((row) => {
      const target = TARGET_MS * (row.chars / 10_000_000);
      const verdictOn = (ms: number) => (ms <= target ? 'meets' : 'MISSES');
      const nearRegex = row.parse.bestWallMs <= TARGET_REGEX_FACTOR * row.regex.bestWallMs;
      return (
        `- ${row.name}: ${verdictOn(row.parse.bestWallMs)} the ≤ ${TARGET_MS} ms per 10 M chars target by best wall time, ` +
        `${verdictOn(row.parse.wallMs)} it by median wall time, ${verdictOn(row.parse.cpuMs)} it by median CPU time; ` +
        `${nearRegex ? 'within' : 'NOT within'} ${TARGET_REGEX_FACTOR}× of the regex scan.`
      );
    })
    .join('\n');
}

function environment(options: Options): string {
  const load = os.loadavg().map((value) => value.toFixed(2)).join(', ');
  return `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load average ${load}; median of ${options.runs} runs (read-everything: ${Math.max(3, Math.ceil(options.runs / 2))}) after a warm-up run; CPU time counts every thread of the process, the GC's included.`;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const gc = exposeGc();
  const fixtures = ['railway-dossier.clip', 'budget-dossier.clip'].map((name) => readFileSync(path.join(fixturesDir, name), 'utf8'));
  const rows = [benchmark('Own fixtures, repeated', buildDossier(fixtures, options.chars), options, gc)];
  if (existsSync(sharedSample)) {
    rows.push(benchmark('Shared sample, repeated', buildDossier([readFileSync(sharedSample, 'utf8')], options.chars), options, gc));
  }
  const markdown = [
    '## Parser (`bench/parse.bench.ts`)',
    '',
    `Run on ${new Date().toISOString().slice(0, 10)}: ${environment(options)} The parser bundled by esbuild, as the extension ships it.`,
    '',
    table(rows),
    '',
    'Times read `wall median / best wall, CPU median`. *Outline fields*: each article\'s dates, outlet and comments, as the outline shows them. ' +
      '*Everything*: every article\'s classified lines and quotes too, the blocks, the contents matching and the problems. ' +
      'Both are read lazily, after parseClipping returns. ' +
      '*After a line added*: a line inserted near the top, each parse made from the last one as the editor\'s parse cache does, then the table of contents matched again (links and problems ask for it after a pause in typing).',
    '',
    verdict(rows),
  ].join('\n');
  console.log(markdown);
  if (options.write) {
    writeResultsSection('parser', markdown);
  }
}

void main();
