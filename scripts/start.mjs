// `npm start`: the packaged extension in VS Code (code-server) at http://127.0.0.1:PORT with
// samples/ open. Installs what is missing first. Ctrl-C stops everything.
import { readFileSync } from 'node:fs';
import { ensureNpmDependencies } from './test-host/dependencies.mjs';
import { choosePort } from './test-host/code-server.mjs';
import { ensureHost } from './test-host/host-install.mjs';
import { startPackagedWorkbench } from './test-host/packaged-workbench.mjs';
import { samplesFolder } from './test-host/paths.mjs';
import { runScript, say } from './test-host/shell.mjs';

const defaultPort = 8765;

runScript(async () => {
  await ensureNpmDependencies();
  const host = await ensureHost();
  const port = await choosePort(Number(process.env.PORT) || defaultPort);
  const workbench = await startPackagedWorkbench({ host, port, folder: samplesFolder });
  say(`VS Code with the extension and samples/ is ready: open ${workbench.url}`);
  say(`code-server's log: ${workbench.logFile}. Press Ctrl-C to stop.`);
  const exitCode = await workbench.exited;
  say(`code-server stopped by itself (exit code ${exitCode}); its log:`);
  console.log(readFileSync(workbench.logFile, 'utf8'));
  return exitCode || 1;
});
