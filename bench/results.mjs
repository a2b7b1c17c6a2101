// bench/RESULTS.md holds one section per benchmark between `<!-- NAME:start -->` and
// `<!-- NAME:end -->` markers; each benchmark replaces only its own section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsFile = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');

export function writeResultsSection(name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n\nWritten by `npm run bench`; each section by its own benchmark.\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + section + current.slice(to + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsFile, next);
}
