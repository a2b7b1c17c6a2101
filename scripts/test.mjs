// `npm test`: every check, in order, stopping at the first failure. Works on a fresh clone:
// it installs the npm dependencies when they are missing or stale, then the test host.
// Node built-ins only until the dependencies are installed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureNpmDependencies } from './test-host/dependencies.mjs';
import { ensureHost } from './test-host/host-install.mjs';
import { repoRoot } from './test-host/paths.mjs';

// How many tests a runner's output says passed and failed.
function mochaCounts(output) {
  const count = (word) => Number(output.match(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm'))?.[1] ?? 0);
  return { passed: count('passing'), failed: count('failing') };
}

function grammarCounts(output) {
  return { passed: output.match(/ run successfuly\.$/gm)?.length ?? 0, failed: output.match(/ failed$/gm)?.length ?? 0 };
}

const grammarMissing = ['syntaxes/clipping.tmLanguage.json', 'test/grammar'].filter((path) => !existsSync(join(repoRoot, path)));

const steps = [
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'unit tests', command: ['npm', 'run', '--silent', 'test:unit'], counts: mochaCounts },
  {
    name: 'grammar tests',
    command: ['npm', 'run', '--silent', 'test:grammar'],
    counts: grammarCounts,
    skipBecause: grammarMissing.length > 0 ? `${grammarMissing.join(' and ')} missing` : undefined,
  },
  { name: 'test host (code-server, Node 24, Chromium)', run: ensureHost },
  { name: 'integration tests in VS Code', command: ['npm', 'run', '--silent', 'test:integration'], counts: mochaCounts },
  { name: 'end-to-end tests in the browser', command: ['npx', '--no-install', 'mocha', '--config', 'test/e2e/.mocharc.json'], counts: mochaCounts },
];

const ansiEscapes = /\x1b\[[0-9;]*m/g; // eslint-disable-line no-control-regex

// Runs a command with its output shown as it comes, and resolves with its exit code and output.
function runShowingOutput([command, ...args]) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const show = (stream) => (chunk) => {
      stream.write(chunk);
      output += chunk;
    };
    child.stdout.on('data', show(process.stdout));
    child.stderr.on('data', show(process.stderr));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ exitCode: signal ? 1 : code, output: output.replace(ansiEscapes, '') }));
  });
}

async function runStep(step) {
  if (step.run) {
    try {
      await step.run();
      return { exitCode: 0 };
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      return { exitCode: 1 };
    }
  }
  const { exitCode, output } = await runShowingOutput(step.command);
  return { exitCode, ...(step.counts ? step.counts(output) : {}) };
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function main() {
  const started = performance.now();
  console.log('\n━━ npm dependencies');
  await ensureNpmDependencies();
  const totals = { passed: 0, failed: 0 };
  for (const [index, step] of steps.entries()) {
    const header = `━━ [${index + 1}/${steps.length}] ${step.name}${step.command ? `: ${step.command.join(' ')}` : ''}`;
    if (step.skipBecause) {
      console.log(`\n${header}\n   SKIPPED: ${step.skipBecause}`);
      continue;
    }
    console.log(`\n${header}`);
    const stepStarted = performance.now();
    const { exitCode, passed = 0, failed = 0 } = await runStep(step);
    totals.passed += passed;
    totals.failed += failed;
    if (exitCode !== 0) {
      console.error(`\n✖✖✖ FAILED: ${step.name} (exit code ${exitCode}, after ${seconds(stepStarted)}). Later steps were not run.`);
      console.log(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
      return 1;
    }
    console.log(`━━ ✔ ${step.name} (${seconds(stepStarted)})`);
  }
  console.log(`\n━━ all checks passed in ${seconds(started)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  return 0;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(`\n✖✖✖ FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
