// The suite runner that VS Code's extension host loads (extensionTestsPath): it runs every
// compiled *.test.js beside it with mocha and rejects when a test fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function compiledTestFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(folder, file));
}

// In code-server the extension host's console reaches the test driver mixed with the
// workbench's own log lines; a leading tag lets the driver print only the suite's output.
// The host's console methods are accessors whose setters do not replace them, so the whole
// console object is swapped for one whose methods are own data properties. mocha's reporters
// captured console.log when mocha loaded, hence Base.consoleLog too.
function tagConsoleOutput(tag: string): void {
  const original = globalThis.console;
  const taggedMethod = (method: 'log' | 'info' | 'warn' | 'error' | 'debug'): PropertyDescriptor => ({
    value: (...args: unknown[]) => original[method](tag, ...args),
  });
  const tagged: Console = Object.create(original, {
    log: taggedMethod('log'),
    info: taggedMethod('info'),
    warn: taggedMethod('warn'),
    error: taggedMethod('error'),
    debug: taggedMethod('debug'),
  });
  globalThis.console = tagged;
  Mocha.reporters.Base.consoleLog = tagged.log;
}

export async function run(): Promise<void> {
  const tag = process.env.CLIPPINGS_TEST_OUTPUT_TAG;
  if (tag) tagConsoleOutput(tag);
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 20_000, grep: process.env.CLIPPINGS_TEST_GREP });
  const files = compiledTestFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
  files.forEach((file) => mocha.addFile(file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
