/**
 * Work in steps: a generator that pauses (`yield`) now and then, so that a caller on a busy
 * thread can let other work run between steps, and returns its result at the end.
 */

/** Runs `steps` to the end at once: the result without pauses. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
