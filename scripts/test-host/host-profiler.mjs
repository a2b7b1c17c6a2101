// CPU profile of an extension host from its first tens of milliseconds. The workbench is asked
// to start the extension host with its inspector listening (the `inspect-extensions` payload
// key); this connects as soon as it listens (polling every 20 ms), starts V8's profiler, and on
// stop writes the profile. (`inspect-brk-extensions`, which would wait for the profiler, left
// the extension tests never starting in code-server 4.139.) The connection is made by a child
// process on code-server's Node (24, which has WebSocket built in): the scripts themselves may
// run on an older Node.
//
// As a script: `node host-profiler.mjs <port> <file> <intervalUs>`; it prints `profiling` once
// the profiler runs, and writes the profile when its standard input closes.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
/* global WebSocket -- code-server's Node 24 runs this file as a script (see above) */

const connectLimitMs = 60_000;

// Starts profiling the extension host that will listen on `port`; resolves with a stop() that
// writes the profile to `file` (and resolves when written). Run it before the workbench opens.
export function profileHostFromStart({ host, port, file, intervalUs = 500 }) {
  const child = spawn(join(host.nodeBin, 'node'), [fileURLToPath(import.meta.url), String(port), file, String(intervalUs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  let output = '';
  const profiling = new Promise((resolvePromise) => child.stdout.on('data', (data) => (output += data) && output.includes('profiling') && resolvePromise(true)));
  return {
    profiling,
    stop: async () => {
      child.stdin.end();
      const code = await Promise.race([exited, sleep(30_000).then(() => 'timeout')]);
      if (code !== 0) {
        child.kill('SIGKILL');
        console.error(`[clippings] the extension host profiler ended with ${code}: no profile written to ${file}`);
      }
    },
  };
}

async function debuggerUrl(port) {
  const deadline = Date.now() + connectLimitMs;
  while (Date.now() < deadline) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      if (targets[0]?.webSocketDebuggerUrl) {
        console.error(`[clippings] profiling the extension host on port ${port}`);
        return targets[0].webSocketDebuggerUrl;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(20);
  }
  throw new Error(`no extension host to profile on port ${port}`);
}

async function main([port, file, intervalUs]) {
  const socket = new WebSocket(await debuggerUrl(Number(port)));
  await new Promise((resolvePromise, reject) => {
    socket.onopen = resolvePromise;
    socket.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map();
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(data);
    if (message.id && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    }
  };
  const post = (method, params = {}) =>
    new Promise((resolvePromise, reject) => {
      const id = nextId++;
      pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolvePromise(message.result)));
      socket.send(JSON.stringify({ id, method, params }));
    });
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: Number(intervalUs) });
  await post('Profiler.start');
  process.stdout.write('profiling\n');
  await new Promise((resolvePromise) => {
    process.stdin.on('end', resolvePromise);
    process.stdin.on('close', resolvePromise);
    process.stdin.resume();
  });
  const { profile } = await post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  socket.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => {
      console.error(`[clippings] extension host profiler: ${error.message}`);
      process.exit(1);
    },
  );
}
