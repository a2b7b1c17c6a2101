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


// Runs a script's main function and exits with the code it returns. A failure prints its
// message without a stack: the failing command has already shown its own output.
export function runScript(main) {
  main().then(
    (exitCode = 0) => process.exit(exitCode),
    (error) => {
      console.error(`[clippings] ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
