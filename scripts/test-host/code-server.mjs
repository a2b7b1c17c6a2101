// Starts code-server (VS Code's server and browser workbench) on 127.0.0.1 in throwaway
// user-data and config folders (or a user-data folder the caller keeps), and waits until it answers.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopOnExit } from './cleanup.mjs';

const startupLimitMs = 60_000;
const shutdownGraceMs = 3_000;

// A workbench that shows the extension rather than VS Code's own welcome, chat and
// marketplace, and that does not try to reach the internet this machine cannot reach.
const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  // "off", not false: VS Code migrates the old value at every start-up, saving settings.json
  // through an editor model that activates the JSON and TypeScript language extensions (and
  // ours, as plain text) in the middle of what the benchmarks measure (docs/workspace.md).
  'extensions.autoUpdate': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  // Built-in work that has nothing to do with clippings and stalls the extension host at random
  // moments: scanning for ports to forward, and the git extension starting processes.
  'remote.autoForwardPorts': false,
  'git.enabled': false,
};

function portIsFree(port) {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePromise(true)));
  });
}

async function anyFreePort() {
  const probe = createServer();
  await new Promise((resolvePromise) => probe.listen(0, '127.0.0.1', resolvePromise));
  const { port } = probe.address();
  await new Promise((resolvePromise) => probe.close(resolvePromise));
  return port;
}

// The preferred port when it is free, any free port otherwise.
export async function choosePort(preferred) {
  return preferred && (await portIsFree(preferred)) ? preferred : anyFreePort();
}

// With VSCODE_IPC_HOOK_CLI (set inside a VS Code terminal) code-server hands the request
// to that other instance instead of starting; the other VSCODE_* variables leak settings.
function cleanEnvironment(nodeBin) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VSCODE_')));
  return { ...env, PATH: `${nodeBin}:${env.PATH}` };
}

function codeServerArguments({ port, folder, profile, userDataDir, extensionsDir }) {
  return [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(profile, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--session-socket', join(profile, 'session.sock'),
    // Makes the workbench read the `payload` query parameter that carries the test paths.
    '--vscode-option', 'enable-smoke-test-driver',
    folder,
  ];
}

async function waitUntilHealthy(url, child, logFile) {
  const deadline = Date.now() + startupLimitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(new URL('healthz', url))).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not come up at ${url}. Its log:\n${readFileSync(logFile, 'utf8')}`);
}

// Installs a packaged extension (.vsix) into an extensions folder; offline, unlike a marketplace id.
export async function installVsix({ host, vsix, extensionsDir }) {
  const child = spawn(host.codeServer, ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    env: cleanEnvironment(host.nodeBin),
    stdio: 'inherit',
  });
  const code = await new Promise((resolvePromise) => child.on('exit', resolvePromise));
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} exited with ${code}`);
}

// Starts code-server with `folder` open. `extensionsDir` defaults to an empty throwaway one.
// `userDataDir` (optional) is a user-data folder the caller keeps, created when missing and
// left in place on stop: a second session on it is a restart, the extensions' global and
// workspace storage included; by default the user data is thrown away with the session.
// Returns its base URL, its log file, `exited` (resolves with its exit code) and a stop()
// that ends it and everything it started.
export async function startCodeServer({ host, folder, port, extensionsDir, userDataDir }) {
  const profile = mkdtempSync(join(tmpdir(), 'clippings-code-server-'));
  writeFileSync(join(profile, 'config.yaml'), '');
  const userData = userDataDir ?? join(profile, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 2));
  const logFile = join(profile, 'code-server.log');
  const log = openSync(logFile, 'a');
  const args = codeServerArguments({ port, folder, profile, userDataDir: userData, extensionsDir: extensionsDir ?? join(profile, 'extensions') });
  // Its own process group, so that stopping it also stops the extension host it spawns.
  const child = spawn(host.codeServer, args, { env: cleanEnvironment(host.nodeBin), stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  const exited = new Promise((resolvePromise) => child.once('exit', (code, signal) => resolvePromise(signal ? 1 : code)));

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The whole group has already exited.
    }
  };
  const forget = stopOnExit(() => {
    killGroup('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  });
  const stop = async () => {
    forget();
    killGroup('SIGTERM');
    await Promise.race([exited, sleep(shutdownGraceMs)]);
    killGroup('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilHealthy(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, logFile, exited, stop };
}
