/**
 * Long jobs on the extension host's thread (thousands of annotations) run in slices, with
 * other events (typing, other extensions' requests) handled between them: the host is never
 * blocked for long even when a job as a whole takes a while.
 */

/** How long one slice may run before the thread is given back. */
export const SLICE_MS = 10;

/** Resolves on a later turn of the event loop, after the I/O and messages waiting now. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `steps` to the end, giving the thread back whenever a slice has run `sliceMs`; a short job runs at once. */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
