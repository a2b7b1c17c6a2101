// Child processes outlive a Node process that exits without stopping them. Every stopper
// registered here runs on exit, on Ctrl-C and on termination, whatever path the exit takes.
import { constants } from 'node:os';

const stoppers = new Set();
let installed = false;

function stopAll() {
  for (const stop of stoppers) {
    try {
      stop();
    } catch {
      // Already gone: nothing left to stop.
    }
  }
  stoppers.clear();
}

function install() {
  installed = true;
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.log(`\n[clippings] ${signal}: stopping everything`);
      process.exit(128 + constants.signals[signal]);
    });
  }
}

// `stop` must be synchronous: on exit there is no event loop left to wait on.
export function stopOnExit(stop) {
  if (!installed) install();
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

// Exits with 124 (like coreutils' timeout) if the process is still running after `ms`.
export function exitAfter(ms, what) {
  setTimeout(() => {
    console.error(`[clippings] ${what} did not finish within ${Math.round(ms / 1000)} s: stopping`);
    process.exit(124);
  }, ms).unref();
}
