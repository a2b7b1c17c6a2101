/**
 * Workspace index benchmark: `npx tsx bench/workspace.bench.ts [--files N] [--per-file N] [--no-write]`.
 *
 * Generates a workspace of `--files` clippings (10,000) with `--per-file` annotations each
 * (100: a million in all) under the system's temporary folder, kept between runs, then times
 * the index's reading path without VS Code around it:
 * - cold: every clipping and sidecar read, parsed (articles, fast sidecar reader with the yaml
 *   library as fallback) and copied as the worker thread hands entries over, then the cache written;
 * - warm: the cache read back, every file stated, every entry found fresh;
 * - the heap the index keeps, and what the Annotations view and the commands compute over it:
 *   the view's groups (what opening it costs), a filter, a speaker's quotes, a title search.
 * Single-threaded: the extension reads files on the main thread and parses in one worker, so
 * the two overlap there. Prints a table and rewrites the `workspace` section of bench/RESULTS.md.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SIDECAR_FILE } from '../src/core/annotations/sidecar';
import { readListFileExactly } from '../src/core/annotations/yamlShape';
import { createAnchor, parseSidecar, POLARITIES, SOURCE_KINDS, type Annotation, type AnnotationBody } from '../src/core/annotations';
import { annotationsInGroup, groupAnnotations } from '../src/core/index/annotationGrouping';
import { readSidecarFast } from '../src/core/index/fastSidecar';
import { packEntry, StringPool, TextArena, unpackEntry } from '../src/core/index/entryPacking';
import { CACHE_SHARDS, INDEX_CACHE_FORMAT, isFresh, packShard, parseShard, shardOf, type CachedEntry } from '../src/core/index/indexCache';
import { indexClipping, type IndexEntry } from '../src/core/index/indexEntry';
import { annotationMatcher, findArticles, quotesOf } from '../src/core/index/workspaceQueries';
import { parseClipping } from '../src/core/parser';
import { writeResultsSection } from './results.mjs';
import { seeded } from './corpus';
import { median } from './median';

const repoRoot = path.resolve(__dirname, '..');
const sharedSample = path.resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');
const ORIGIN = { format: INDEX_CACHE_FORMAT, extensionVersion: 'bench' };
/** Files read together, as the extension does. */
const BATCH = 64;
const CLIPPING_CHARS = 12_000;
const SPEAKERS = 200;
const TARGETS = ['الحل السياسي', 'مؤتمر جنيف', 'العقوبات', 'الاتفاق النووي', 'وقف إطلاق النار', 'المساعدات الإنسانية', 'الانتخابات', 'اللاجئين'];
const OUTLETS = ['الحياة', 'الشرق الأوسط', 'الأهرام', 'رويترز', 'أ ف ب', 'السفير', 'النهار', 'الجزيرة نت'];
const TIME = '2024-05-01T10:00:00.000Z';

interface Options {
  readonly files: number;
  readonly perFile: number;
  readonly write: boolean;
}

/**
 * The generated workspace of `files` clippings with `perFile` annotations each, under the
 * system's temporary folder, made the first time and kept: the extension-host benchmark
 * (bench/host/run.ts) links its files into the workspace it opens. Returns the folder and its
 * clippings, in path order (each has its sidecar beside it).
 */
export function workspaceData(files = 10_000, perFile = 100): { folder: string; clippings: string[] } {
  const folder = path.join(tmpdir(), `clippings-bench-workspace-${files}x${perFile}-v1`);
  if (!existsSync(path.join(folder, '.complete'))) {
    const started = performance.now();
    generate(folder, { files, perFile, write: false });
    console.log(`generated ${files} clippings in ${((performance.now() - started) / 1000).toFixed(1)} s under ${folder}`);
  }
  return { folder, clippings: clippingFiles(folder) };
}

function readOptions(argv: readonly string[]): Options {
  const valueOf = (flag: string, fallback: number) => {
    const at = argv.indexOf(flag);
    return at >= 0 && at + 1 < argv.length ? Number(argv[at + 1]) : fallback;
  };
  return { files: valueOf('--files', 10_000), perFile: valueOf('--per-file', 100), write: !argv.includes('--no-write') };
}


/** A gc() the benchmark can call without node flags. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Real articles to build clippings from: the shared sample when present, and our own fixtures. */
function sourceArticles(): string[] {
  const fixtures = [path.join(repoRoot, 'test', 'unit', 'fixtures'), path.join(repoRoot, 'test', 'fixtures')].flatMap((folder) =>
    readdirSync(folder).filter((name) => name.endsWith('.clip')).map((name) => path.join(folder, name)),
  );
  const texts = [...(existsSync(sharedSample) ? [sharedSample] : []), ...fixtures].map((file) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
  return texts.flatMap((text) => parseClipping(text).articles.map((article) => text.slice(article.start, article.end).trim())).filter((article) => article.length > 200);
}

/** A sidecar in the house style, written here by template: the yaml library would take minutes for a million annotations. */
function sidecarText(clipping: string, annotations: readonly Annotation[]): string {
  const lines = ['# Annotations (benchmark).', 'version: 1', `clipping: ${scalar(clipping)}`, 'annotations:'];
  for (const annotation of annotations) {
    const { anchor } = annotation;
    lines.push(`  - id: ${annotation.id}`, `    type: ${annotation.type}`);
    switch (annotation.type) {
      case 'speaker':
        lines.push(`    speaker: ${annotation.speaker}`, `    kind: ${annotation.kind}`, ...(annotation.cue ? [`    cue: ${scalar(annotation.cue)}`] : []));
        break;
      case 'stance':
        lines.push(`    holder: ${annotation.holder}`, `    polarity: ${annotation.polarity}`, `    target: ${scalar(annotation.target)}`);
        break;
      case 'source':
        lines.push(`    scope: ${annotation.scope}`, `    kind: ${annotation.kind}`, ...(annotation.outlet ? [`    outlet: ${scalar(annotation.outlet)}`] : []));
        break;
    }
    lines.push('    anchor:', `      quote: ${scalar(anchor.quote)}`, `      prefix: ${scalar(anchor.prefix)}`, `      suffix: ${scalar(anchor.suffix)}`, `      start: ${anchor.start}`, `      end: ${anchor.end}`);
    if (anchor.article) lines.push('      article:', `        index: ${anchor.article.index}`, `        title: ${scalar(anchor.article.title)}`);
    if (anchor.orphaned) lines.push('      orphaned: true');
    lines.push(`    author: ${scalar(annotation.author)}`, `    created: ${annotation.created}`, `    modified: ${annotation.modified}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Plain when it is only words, otherwise double-quoted (JSON's escapes are YAML's too). */
function scalar(value: string): string {
  return /^\p{L}[\p{L}\p{N} ]*[\p{L}\p{N}]$/u.test(value) && !/^(?:null|true|false)$/i.test(value) ? value : JSON.stringify(value);
}

function generate(folder: string, options: Options): void {
  const random = seeded(20130508);
  const articles = sourceArticles();
  mkdirSync(folder, { recursive: true });
  for (let file = 0; file < options.files; file++) {
    const parts: string[] = [];
    for (let at = (file * 7) % articles.length, length = 0; length < CLIPPING_CHARS; at = (at + 1) % articles.length) {
      parts.push(articles[at]);
      length += articles[at].length;
    }
    const text = `${parts.join('\n====================\n')}\n`;
    const parsed = parseClipping(text).articles;
    const annotations: Annotation[] = [];
    for (let k = 0; k < options.perFile; k++) {
      const start = Math.floor(random() * (text.length - 80));
      const anchor = createAnchor(text, start, start + 15 + Math.floor(random() * 50), parsed);
      const id = `a-${(file * options.perFile + k).toString(32).padStart(10, '0')}`;
      const orphaned = random() < 0.02;
      annotations.push({ ...body(k, random), id, author: 'ليلى', created: TIME, modified: TIME, anchor: orphaned ? { ...anchor, orphaned } : anchor } as Annotation);
    }
    annotations.sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end);
    const name = `dossier-${String(file).padStart(5, '0')}.clip`;
    const sub = path.join(folder, `folder-${Math.floor(file / 500)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, name), text);
    const sidecar = sidecarText(name, annotations);
    if (file < 3) {
      const exact = parseSidecar(sidecar);
      assert.ok(exact.ok, 'the generated sidecar parses');
      assert.deepEqual(exact.sidecar.annotations, annotations, 'the generated sidecar holds the annotations');
    }
    writeFileSync(path.join(sub, `${name}.annotations.yaml`), sidecar);
  }
  writeFileSync(path.join(folder, '.complete'), JSON.stringify(options));
}

function body(k: number, random: () => number): AnnotationBody {
  const speaker = `speaker-${Math.floor(random() * SPEAKERS)}`;
  switch (k % 3) {
    case 0:
      return { type: 'speaker', speaker, kind: random() < 0.5 ? 'direct' : 'reported', cue: 'قال' };
    case 1:
      return { type: 'stance', holder: speaker, target: TARGETS[Math.floor(random() * TARGETS.length)], polarity: POLARITIES[Math.floor(random() * POLARITIES.length)] };
    default:
      return { type: 'source', scope: 'article', kind: SOURCE_KINDS[Math.floor(random() * 3)], outlet: OUTLETS[Math.floor(random() * OUTLETS.length)] };
  }
}

function clippingFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.clip'))
    .sort()
    .map((name) => path.join(folder, name));
}

async function stampOf(file: string) {
  const stats = await stat(file);
  return { mtime: stats.mtimeMs, size: stats.size };
}

const decoder = new TextDecoder('utf-8');

/** The cold pass: what the extension does with an empty cache, minus VS Code's file system calls. */
async function coldIndex(folder: string, files: readonly string[]): Promise<{ records: CachedEntry[]; bytes: number; fastSidecars: number }> {
  const records: CachedEntry[] = [];
  const pool = new StringPool();
  const arena = new TextArena();
  let bytes = 0;
  let fastSidecars = 0;
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH);
    const read = await Promise.all(
      batch.map(async (file) => {
        const sidecar = `${file}.annotations.yaml`;
        const [text, sidecarBytes, stamp, sidecarStamp] = await Promise.all([readFile(file), readFile(sidecar), stampOf(file), stampOf(sidecar)]);
        return { file, text, sidecarBytes, stamp, sidecarStamp };
      }),
    );
    for (const { file, text, sidecarBytes, stamp, sidecarStamp } of read) {
      bytes += text.length + sidecarBytes.length;
      const uri = `file://${file}`;
      const sidecarText = decoder.decode(sidecarBytes);
      if (readSidecarFast(sidecarText)) fastSidecars++;
      const entry = indexClipping({ uri, relativePath: path.relative(folder, file), text: decoder.decode(text), sidecarText });
      // The worker thread packs each entry and hands it over as a structured clone; the main thread unpacks it.
      const handedOver = structuredClone(packEntry(entry));
      const unpacked = unpackEntry(uri, handedOver, pool.adopt(handedOver.strings), arena);
      assert.ok(unpacked, 'the packed entry unpacks');
      records.push({ uri, stamp, sidecarStamp, entry: unpacked });
    }
  }
  return { records, bytes, fastSidecars };
}

async function writeCache(cacheFolder: string, records: readonly CachedEntry[]): Promise<number> {
  rmSync(cacheFolder, { recursive: true, force: true });
  mkdirSync(cacheFolder, { recursive: true });
  const shards = Array.from({ length: CACHE_SHARDS }, (): CachedEntry[] => []);
  records.forEach((record) => shards[shardOf(record.uri)].push(record));
  let bytes = 0;
  for (let shard = 0; shard < CACHE_SHARDS; shard++) {
    const content = serialize(packShard(ORIGIN, shards[shard]));
    bytes += content.length;
    await writeFile(path.join(cacheFolder, `shard-${shard}.bin`), content);
  }
  return bytes;
}

/** The warm pass: the cache read back and every file stated; all entries must be fresh. */
async function warmIndex(cacheFolder: string, files: readonly string[]): Promise<{ records: CachedEntry[]; longestShardParseMs: number }> {
  const cached = new Map<string, CachedEntry>();
  const pool = new StringPool();
  let longestShardParseMs = 0;
  for (let shard = 0; shard < CACHE_SHARDS; shard++) {
    const content = await readFile(path.join(cacheFolder, `shard-${shard}.bin`));
    const started = performance.now();
    parseShard(deserialize(content), ORIGIN, pool).forEach((entry) => cached.set(entry.uri, entry));
    longestShardParseMs = Math.max(longestShardParseMs, performance.now() - started);
  }
  const records: CachedEntry[] = [];
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH);
    const stamps = await Promise.all(batch.map((file) => Promise.all([stampOf(file), stampOf(`${file}.annotations.yaml`)])));
    batch.forEach((file, index) => {
      const record = cached.get(`file://${file}`);
      assert.ok(record && isFresh(record, stamps[index][0], stamps[index][1]), `the cache holds ${file}, fresh`);
      records.push(record);
    });
  }
  return { records, longestShardParseMs };
}


function timeMedian(runs: number, work: () => unknown): number {
  work();
  return median(
    Array.from({ length: runs }, () => {
      const started = performance.now();
      work();
      return performance.now() - started;
    }),
  );
}

/** Throughput of a sidecar reader over `texts`, in MB/s, after a first pass that warms it up. */
function megabytesPerSecond(texts: readonly string[], read: (text: string) => unknown): number {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  texts.forEach(read);
  const started = performance.now();
  texts.forEach(read);
  return bytes / 1e6 / ((performance.now() - started) / 1000);
}

function heapMb(gc: () => void): { heap: number; rss: number } {
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heap: (usage.heapUsed + usage.external) / 1e6, rss: usage.rss / 1e6 };
}

/** What `release` frees (heap and external memory, MB), and the process's RSS before. */
function retained(gc: () => void, release: () => void): { heap: number; rss: number } {
  const holding = heapMb(gc);
  release();
  return { heap: holding.heap - heapMb(gc).heap, rss: holding.rss };
}

interface Row {
  readonly measurement: string;
  readonly value: string;
  readonly target: string;
  readonly note: string;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const loadAtStart = loadavg()[0];
  const gc = exposeGc();
  const { folder, clippings: files } = workspaceData(options.files, options.perFile);
  const cacheFolder = path.join(folder, '.index-cache');
  const rows: Row[] = [];
  const row = (measurement: string, value: string, target: string, note = '') => {
    rows.push({ measurement, value, target, note });
    console.log(`${measurement}: ${value} ${note}`);
  };

  const annotationsTotal = options.files * options.perFile;

  const sampleSidecars = files.slice(0, 100).map((file) => readFileSync(`${file}.annotations.yaml`, 'utf8'));
  row('sidecar reading, fast reader', `${megabytesPerSecond(sampleSidecars, readSidecarFast).toFixed(0)} MB/s`, '', `${sampleSidecars.length} generated sidecars`);
  const exactReading = (text: string) => readListFileExactly(text, SIDECAR_FILE);
  row('sidecar reading, yaml library (exact reading)', `${megabytesPerSecond(sampleSidecars.slice(0, 5), exactReading).toFixed(1)} MB/s`, '', '5 of them: the reading for errors, with their line and column');

  let started = performance.now();
  const cold = await coldIndex(folder, files);
  const coldMs = performance.now() - started;
  row('index, cold (no cache)', `${(coldMs / 1000).toFixed(1)} s`, '≤ 60 s', `${files.length} clippings, ${annotationsTotal.toLocaleString('en')} annotations, ${(cold.bytes / 1e6).toFixed(0)} MB read; ${cold.fastSidecars} of ${files.length} sidecars by the fast reader; one thread`);
  started = performance.now();
  const cacheBytes = await writeCache(cacheFolder, cold.records);
  row('write the cache', `${((performance.now() - started) / 1000).toFixed(1)} s`, '', `${CACHE_SHARDS} shards, ${(cacheBytes / 1e6).toFixed(0)} MB`);
  const coldHeap = retained(gc, () => {
    cold.records.length = 0;
  });
  row('memory held by the index, cold', `${coldHeap.heap.toFixed(0)} MB`, '≤ 500 MB', `heap + external freed when the entries are dropped; process RSS ${coldHeap.rss.toFixed(0)} MB with them`);

  started = performance.now();
  const warm = await warmIndex(cacheFolder, files);
  const warmMs = performance.now() - started;
  row('index, warm (cache hit)', `${(warmMs / 1000).toFixed(1)} s`, '≤ 5 s', `cache read (v8.deserialize), entries read with their annotations left packed, ${files.length * 2} files stated; longest shard ${warm.longestShardParseMs.toFixed(0)} ms (the extension host unpacks a shard in slices; the worker states the files)`);
  const entries: IndexEntry[] = warm.records.flatMap((record) => (record.entry ? [record.entry] : []));
  const clippings = entries.map((entry) => entry.clipping);
  row('open the view: group by speaker', `${timeMedian(5, () => groupAnnotations(clippings, 'speaker')).toFixed(0)} ms`, '≤ 200 ms', 'one pass over the index, counting');
  const [largest] = groupAnnotations(clippings, 'speaker');
  let shown = 0;
  const expandMs = timeMedian(5, () => {
    shown = annotationsInGroup(clippings, 'speaker', [largest], undefined).length;
  });
  row('expand a speaker group', `${expandMs.toFixed(0)} ms`, '', `${shown.toLocaleString('en')} annotations gathered in one pass`);
  row('group by stance target and polarity', `${timeMedian(5, () => groupAnnotations(clippings, 'stance')).toFixed(0)} ms`, '');
  row('group by file', `${timeMedian(5, () => groupAnnotations(clippings, 'file')).toFixed(0)} ms`, '');
  const names = () => ['جون كيري'];
  row('filter the view by one word', `${timeMedian(3, () => groupAnnotations(clippings, 'speaker', annotationMatcher('المؤتمر', names))).toFixed(0)} ms`, '', 'every quote normalized and searched; the view runs it in slices of 10 ms');
  let found = 0;
  const searchMs = timeMedian(9, () => {
    found = quotesOf(clippings, 'speaker-17').length;
  });
  row('speaker search (quotes and stances of one speaker)', `${searchMs.toFixed(0)} ms`, '≤ 100 ms', `${found.toLocaleString('en')} found`);
  row('article title search (Go to Symbol in Workspace)', `${timeMedian(9, () => findArticles(entries, 'ايران', 500)).toFixed(0)} ms`, '', 'normalized titles cached per entry; the first search normalizes them');
  const warmHeap = retained(gc, () => {
    warm.records.length = 0;
    entries.length = 0;
    clippings.length = 0;
  });
  row('memory held by the index, warm', `${warmHeap.heap.toFixed(0)} MB`, '≤ 500 MB', `process RSS ${warmHeap.rss.toFixed(0)} MB with them`);

  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`;
  const header = `Workspace index (\`npx tsx bench/workspace.bench.ts --files ${options.files} --per-file ${options.perFile}\`), Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length} (${load}), ${new Date().toISOString().slice(0, 10)}. Files freshly written, so in the OS cache.`;
  const table = ['| measurement | result | target | note |', '| --- | ---: | ---: | --- |', ...rows.map((r) => `| ${r.measurement} | ${r.value} | ${r.target} | ${r.note} |`)].join('\n');
  console.log(`\n${header}\n\n${table}`);
  if (options.write) writeResultsSection('workspace', `${header}\n\n${table}`);
}

// bench/host/run.ts imports workspaceData from here; run directly, this is the benchmark.
if (require.main === module) void main();
