/**
 * Turns of the event loop shared by every long job of the extension host's thread.
 *
 * A job gives the thread back between its slices by waiting for a later turn. If each job
 * asked Node for a turn of its own (setImmediate), every job waiting would go on in the same
 * turn, since Node runs all the immediates queued before a turn in that turn: the slices of a
 * tag's steps, the highlights being sent and a sidecar's layout being found, 10 ms each, would
 * add up to one stall of 30 ms and more. Here the jobs wait in one queue, and one of them goes
 * on per turn, in the order they asked: the I/O, timers and messages in between are handled
 * after each slice, not after all of them.
 */

const waiting: (() => void)[] = [];
let armed = false;

/** Resolves on a later turn of the event loop, after the I/O and messages waiting now, and after the jobs that asked before. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    arm();
  });
}

function arm(): void {
  if (armed) return;
  armed = true;
  setImmediate(releaseOne);
}

/** Lets the first job waiting go on. Armed from here, the next release comes a turn later (an immediate queued by an immediate waits for the next turn). */
function releaseOne(): void {
  armed = false;
  const next = waiting.shift();
  if (waiting.length > 0) arm();
  next?.();
}
