import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const modulePath = join(__dirname, '../../src/features/threadPriority.ts');

/** Runs runAtLowerPriority in a worker thread, as our workers do, and reports what it saw there. */
function lowerInWorker(): Promise<{ threadId: number | undefined; niceBefore: number; niceAfter: number | undefined }> {
  const code = `
    require('tsx/cjs');
    const { getPriority } = require('node:os');
    const { parentPort } = require('node:worker_threads');
    const { runAtLowerPriority } = require(${JSON.stringify(modulePath)});
    const niceBefore = getPriority();
    const threadId = runAtLowerPriority();
    parentPort.postMessage({ threadId, niceBefore, niceAfter: threadId === undefined ? undefined : getPriority(threadId) });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('Thread priority', function () {
  before(function () {
    // Threads have nice values of their own only on Linux; elsewhere the function does nothing.
    if (process.platform !== 'linux') this.skip();
  });

  it("lowers a worker thread's priority and leaves the main thread's alone", async () => {
    const mainBefore = getPriority();
    const { threadId, niceBefore, niceAfter } = await lowerInWorker();
    assert.ok(threadId !== undefined && threadId !== process.pid, `the worker's own thread id, not the process's: ${threadId}`);
    assert.ok(niceAfter !== undefined && niceAfter > niceBefore, `the worker's nice value rose: ${niceBefore} → ${niceAfter}`);
    assert.equal(getPriority(), mainBefore, "the main thread's nice value is unchanged");
  });
});
