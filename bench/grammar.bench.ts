/**
 * How fast the clipping grammar tokenizes, in the engine VS Code uses:
 *
 *   npx tsx bench/grammar.bench.ts
 *
 * Prints a markdown table and writes it into bench/RESULTS.md between the grammar markers.
 * Whole documents are tokenized line by line with the rule stack carried over, as the editor
 * does; the 1 MB lines are the adversarial inputs of test/unit/grammar.perf.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { INITIAL } from 'vscode-textmate';
import { loadClippingGrammar, tokenizeDocument } from '../test/grammar/load-grammar';
import { longLines } from '../test/grammar/long-lines';
import { writeResultsSection } from './results.mjs';

const repoRoot = path.resolve(__dirname, '..');
const DOCUMENTS = [
  path.join(repoRoot, 'test', 'fixtures', 'arabic-dossier.clip'),
  path.join(repoRoot, 'test', 'fixtures', 'english-crlf.clipping'),
  path.resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt'),
];
/** Best of a few runs: the first one also pays for compiling the regexes. */
const RUNS = 3;

interface Row {
  input: string;
  characters: number;
  lines: number;
  tokens: number;
  milliseconds: number;
}

function bestOf(run: () => number): { milliseconds: number; tokens: number } {
  let best = { milliseconds: Infinity, tokens: 0 };
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const tokens = run();
    const milliseconds = performance.now() - start;
    if (milliseconds < best.milliseconds) {
      best = { milliseconds, tokens };
    }
  }
  return best;
}

async function main(): Promise<void> {
  const grammar = await loadClippingGrammar();
  const rows: Row[] = [];

  for (const file of DOCUMENTS.filter((candidate) => existsSync(candidate))) {
    const text = readFileSync(file, 'utf8');
    const result = bestOf(() => tokenizeDocument(grammar, text).reduce((sum, line) => sum + line.length, 0));
    rows.push({ input: path.basename(file), characters: text.length, lines: text.split('\n').length, ...result });
  }

  for (const [name, line] of Object.entries(longLines())) {
    const result = bestOf(() => grammar.tokenizeLine(line, INITIAL).tokens.length);
    rows.push({ input: `1 MB line: ${name}`, characters: line.length, lines: 1, ...result });
  }

  const table = [
    '| input | KB | lines | tokens | ms (best of 3) | MB/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const megabytesPerSecond = row.characters / 1024 / 1024 / (row.milliseconds / 1000);
      const kilobytes = Math.round(row.characters / 1024);
      return `| ${row.input} | ${kilobytes} | ${row.lines} | ${row.tokens} | ${row.milliseconds.toFixed(0)} | ${megabytesPerSecond.toFixed(2)} |`;
    }),
  ].join('\n');
  const header = `Grammar (\`npx tsx bench/grammar.bench.ts\`), vscode-textmate + vscode-oniguruma, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${new Date().toISOString().slice(0, 10)}:`;
  console.log(`${header}\n\n${table}`);
  writeResultsSection('grammar', `${header}\n\n${table}`);
}

void main();
