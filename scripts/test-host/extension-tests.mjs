// Runs an extension's test suite inside the extension host of a real VS Code: code-server
// serves the workbench, headless Chromium opens it with the test paths in the smoke-test
// driver's payload, and the workbench reports the suite's output and exit code back to us.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { format } from 'node:util';
import { launchChromium, remoteUri, workbenchUrl } from './chromium.mjs';
import { choosePort, startCodeServer } from './code-server.mjs';
import { profileHostFromStart } from './host-profiler.mjs';

// test/integration/index.ts puts this first in every console call of the suite, so that its
// output can be told apart from the workbench's own log lines, which arrive the same way.
const suiteOutputTag = 'clippings-suite-output';

// Console calls arrive as [format, ...args] (mocha prints '%d passing', n); log lines as one string.
function automationLogPrinter(workbenchLog) {
  return (level, args) => {
    if (Array.isArray(args) && args[0] === suiteOutputTag) console.log(format(...args.slice(1)));
    else workbenchLog.write(`[${level}] ${Array.isArray(args) ? format(...args) : args}\n`);
  };
}

// Resolves with the exit code of the suite's run(): 0 when its promise resolved. The
// workbench's own log goes to `workbenchLogFile`, the suite's output to stdout. Installed
// extensions come from `extensionsDir` (by default none). With `userDataDir` (a folder the
// caller keeps) and the same `port` (preferred, when free), a second run on the same workspace
// is a restart: the extension finds the storage the first one left (see startCodeServer); the
// workspace's storage is keyed by its URI, whose authority holds the port. By default each run
// starts afresh on any free port. With `hostProfile` (a file), the extension host starts under
// the inspector and is CPU-profiled from its first tens of milliseconds until the suite ends
// (see host-profiler.mjs); the profile is written there.
export async function runExtensionTests({ host, workspace, extensionDevelopmentPath, extensionTestsPath, environment = {}, workbenchLogFile, extensionsDir, userDataDir, port, hostProfile }) {
  mkdirSync(dirname(workbenchLogFile), { recursive: true });
  const workbenchLog = createWriteStream(workbenchLogFile);
  const server = await startCodeServer({ host, folder: workspace, port: await choosePort(port), extensionsDir, userDataDir });
  const browser = await launchChromium(host);
  try {
    const page = await browser.newPage();
    let reportExit;
    const exitCode = new Promise((resolvePromise) => (reportExit = resolvePromise));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    page.on('crash', () => {
      console.error('[clippings] the workbench page crashed');
      reportExit(1);
    });
    await page.exposeFunction('codeAutomationLog', automationLogPrinter(workbenchLog));
    const inspectPort = hostProfile && (await choosePort());
    const profiler = hostProfile && profileHostFromStart({ host, port: inspectPort, file: hostProfile });
    await page.goto(
      workbenchUrl(server, workspace, [
        ['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)],
        ['extensionTestsPath', remoteUri(server, extensionTestsPath)],
        ['extensionEnvironment', JSON.stringify({ ...environment, CLIPPINGS_TEST_OUTPUT_TAG: suiteOutputTag })],
        ...(hostProfile ? [['inspect-extensions', String(inspectPort)]] : []),
      ]),
    );
    const code = await exitCode;
    await profiler?.stop();
    return code;
  } finally {
    await browser.close();
    await server.stop();
    workbenchLog.end();
  }
}
