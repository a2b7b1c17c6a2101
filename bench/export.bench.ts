// Export benchmark: npx tsx bench/export.bench.ts [--annotations N] [--no-write]
// Exports a million annotations (1,000 clippings of 1,000) to CSV and to JSON Lines the way
// the export command does (rows, lines, UTF-8 in batches) and writes the bytes to a temporary
// file; also times reading 10,000 JSON Lines back. Prints a markdown table and rewrites the
// `export` section of bench/RESULTS.md. Target: each export of a million ≤ 10 s.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareAnnotations, createAnchor, type Annotation, type Speaker } from '../src/core/annotations';
import { csvLines, exportRows, jsonLines, parseJsonLines, utf8Chunks, type ExportRow } from '../src/core/export';
import { parseClipping } from '../src/core/parser';
import { packEntry, unpackEntry } from '../src/core/index/entryPacking';
import type { IndexedArticle, IndexedClipping, SpeakerLookup } from '../src/core/workspaceModel';
import { buildDossier } from './corpus';
import { writeResultsSection } from './results.mjs';

const TARGET_MS = 10_000;
const PER_CLIPPING = 1000;
const at = process.argv.indexOf('--annotations');
const total = at >= 0 ? Number(process.argv[at + 1]) : 1_000_000;

const source = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'arabic-dossier.clip'), 'utf8');
const text = buildDossier([source], 100_000);
const articles: IndexedArticle[] = parseClipping(text).articles.map((article) => ({
  index: article.index,
  title: article.title.text,
  outlet: article.outlet?.text,
  date: article.dates[0]?.text,
  start: article.start,
  end: article.end,
}));

const speakers: Speaker[] = Array.from({ length: 20 }, (_, index) => ({ id: `speaker-${index}`, name: `المتحدث رقم ${index}`, aliases: [] }));
const speakerOf: SpeakerLookup = (_uri, id) => speakers[Number(id.slice('speaker-'.length))];
const TIME = '2024-05-01T10:00:00.000Z';

/**
 * Spans spread over the text with a fixed stride (so runs compare), each of the three tag types
 * in turn, in document order as sidecars hold them.
 */
function annotationsOf(count: number): Annotation[] {
  return Array.from({ length: count }, (_, index): Annotation => {
    const start = (index * 7919) % (text.length - 200);
    const anchor = createAnchor(text, start, start + 20 + (index % 60));
    const base = { id: `a-${index.toString(32).padStart(10, '0')}`, author: 'bench', created: TIME, modified: TIME, anchor };
    switch (index % 3) {
      case 0:
        return { ...base, type: 'speaker', speaker: `speaker-${index % 20}`, kind: 'direct', cue: 'قال' };
      case 1:
        return { ...base, type: 'stance', holder: `speaker-${index % 20}`, target: 'المؤتمر الدولي', polarity: 'favor', note: 'بحسب البيان، "بلا شروط"' };
      default:
        return { ...base, type: 'source', scope: 'span', kind: 'agency', outlet: 'الأهرام', agencies: ['رويترز', 'أ ف ب'] };
    }
  }).sort(compareAnnotations);
}

// Every clipping has the same text and annotations: exporting costs the same per row, and a
// million distinct anchors would only measure the generator's memory. Each is packed, as the
// workspace index keeps it: the export makes its annotations as it reads them.
function packedClipping(index: number, annotations: readonly Annotation[]): IndexedClipping {
  const clipping = { uri: `file:///bench/dossier-${index}.clip`, relativePath: `dossiers/dossier-${index}.clip`, articles, annotations, sidecarProblem: undefined };
  const pack = packEntry({ clipping, titles: [] });
  const entry = unpackEntry(clipping.uri, pack, pack.strings);
  if (!entry) throw new Error('the packed clipping unpacks');
  return entry.clipping;
}
const annotations = annotationsOf(Math.min(PER_CLIPPING, total));
const clippings = Array.from({ length: Math.ceil(total / PER_CLIPPING) }, (_, index) => packedClipping(index, annotations));
const exported = clippings.length * annotations.length;

const folder = mkdtempSync(join(tmpdir(), 'clippings-export-bench-'));

/**
 * The run of median wall time among `runs` timed exports (after one untimed), with its CPU
 * time (this process, all threads: on a shared machine the wall time also counts waiting),
 * and the size of the file written.
 */
function timeExport(name: string, lines: (rows: Iterable<ExportRow>) => Iterable<string>, runs = 3): { ms: number; cpuMs: number; bytes: number } {
  const file = join(folder, name);
  const once = () => {
    const descriptor = openSync(file, 'w');
    try {
      for (const chunk of utf8Chunks(lines(exportRows(clippings, speakerOf)))) writeSync(descriptor, chunk);
    } finally {
      closeSync(descriptor);
    }
  };
  once();
  const samples: { ms: number; cpuMs: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    once();
    const used = process.cpuUsage(cpu);
    samples.push({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 });
  }
  samples.sort((a, b) => a.ms - b.ms);
  return { ...samples[Math.floor(runs / 2)], bytes: statSync(file).size };
}

interface Row {
  readonly measurement: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly note: string;
}
const rows: Row[] = [];
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const perSecond = (ms: number) => `${Math.round(exported / (ms / 1000)).toLocaleString('en')} annotations/s`;

for (const [format, lines] of [
  ['CSV', csvLines],
  ['JSON Lines', jsonLines],
] as const) {
  const { ms, cpuMs, bytes } = timeExport(format === 'CSV' ? 'export.csv' : 'export.jsonl', lines);
  const verdict = ms <= TARGET_MS ? 'within' : 'OVER';
  rows.push({ measurement: `${format}, ${exported.toLocaleString('en')} annotations`, ms, cpuMs, note: `${megabytes(bytes)}, ${perSecond(ms)}; ${verdict} the target of ${TARGET_MS / 1000} s` });
  console.error(`${format}: ${ms.toFixed(0)} ms`);
}

const tenThousandLines = [...jsonLines(exportRows([packedClipping(0, annotationsOf(10_000))], speakerOf))].join('');
const importCpu = process.cpuUsage();
const importStart = performance.now();
const imported = parseJsonLines(tenThousandLines);
const importMs = performance.now() - importStart;
const importCpuUsed = process.cpuUsage(importCpu);
rows.push({
  measurement: 'read JSON Lines back (import), 10,000 annotations',
  ms: importMs,
  cpuMs: (importCpuUsed.user + importCpuUsed.system) / 1000,
  note: `${imported.clippings[0].sidecar.annotations.length} annotations, ${imported.problems.length} problems; each line checked by the sidecar reader`,
});
rmSync(folder, { recursive: true, force: true });

const table = [
  '| measurement | ms, wall (median of 3) | ms, CPU | note |',
  '| --- | ---: | ---: | --- |',
  ...rows.map((row) => `| ${row.measurement} | ${row.ms.toFixed(0)} | ${row.cpuMs.toFixed(0)} | ${row.note} |`),
].join('\n');
const header =
  `Export (\`npx tsx bench/export.bench.ts\`), Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
  `load average ${loadavg().map((load) => load.toFixed(2)).join(', ')}, ${new Date().toISOString().slice(0, 10)}. ` +
  `${clippings.length.toLocaleString('en')} clippings of ${annotations.length.toLocaleString('en')} annotations (the same ones in each, packed as the workspace index keeps them), rows → lines → UTF-8 in 1 MB chunks → a file on disk:`;
console.log(`${header}\n\n${table}`);
if (!process.argv.includes('--no-write')) writeResultsSection('export', `${header}\n\n${table}`);
