// `npm run bench`: every benchmark in turn, each printing its table and updating its own
// section of bench/RESULTS.md. Node benchmarks first, then the one inside VS Code.
import { run, runScript, say } from './test-host/shell.mjs';

const benchmarks = [
  ['parser', ['tsx', 'bench/parse.bench.ts']],
  ['annotations', ['tsx', 'bench/annotations.bench.ts']],
  ['grammar', ['tsx', 'bench/grammar.bench.ts']],
  ['export', ['tsx', 'bench/export.bench.ts']],
  // Generates about 1 GB of clippings under the temp folder the first time, then about a minute a run.
  ['workspace', ['tsx', 'bench/workspace.bench.ts']],
  ['extension host', ['tsx', 'bench/host/run.ts']],
];

runScript(async () => {
  // The minified build people install: activation reads and compiles it.
  await run('node', ['scripts/build.mjs', '--bench', '--production']);
  for (const [name, command] of benchmarks) {
    say(`benchmark: ${name}`);
    await run('npx', command);
  }
  return 0;
});
