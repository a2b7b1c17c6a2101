// Child processes and progress messages, with Node built-ins only (usable before `npm install`).
import { spawn } from 'node:child_process';

export function say(message) {
  console.log(`[clippings] ${message}`);
}

// Runs a command with inherited output; resolves when it exits 0, rejects otherwise.
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

