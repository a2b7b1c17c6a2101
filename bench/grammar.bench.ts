/**
 * How fast the clipping grammar tokenizes, in the engine VS Code uses:
 *
 *   npx tsx bench/grammar.bench.ts
 *
 * Whole documents are tokenized line by line with the rule stack carried over, as the editor
 * does; the 1 MB lines are the adversarial inputs of test/unit/grammar.perf.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INITIAL } from 'vscode-textmate';
import { loadClippingGrammar, tokenizeDocument } from '../test/grammar/load-grammar';
import { longLines } from '../test/grammar/long-lines';

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

  console.table(
    rows.map((row) => ({
      input: row.input,
      'size (KB)': Math.round(row.characters / 1024),
      lines: row.lines,
      tokens: row.tokens,
      'time (ms)': Math.round(row.milliseconds),
      'MB/s': Number((row.characters / 1024 / 1024 / (row.milliseconds / 1000)).toFixed(2)),
    })),
  );
}

void main();
