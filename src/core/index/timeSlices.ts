/** Gives the event loop a turn (timers, I/O, other extensions' work) before going on. */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Short pieces of work run in turns, a pause whenever the current slice of `sliceMs` is used
 * up. Pieces that become ready at once (replies of the indexing worker arrive together, and
 * Node hands them over one after the other without a turn of the event loop in between) run
 * one at a time, each after the previous one ended, so the slice counts all of them.
 */
export class TimeSlices {
  private last: Promise<void> = Promise.resolve();
  private sliceStart = performance.now();

  constructor(
    private readonly sliceMs: number,
    private readonly pauseFor: () => Promise<void> = pause,
  ) {}

  /** Resolves when the caller may run its piece: after the pieces that asked before, and a pause if the slice is used up. */
  turn(): Promise<void> {
    const turn = this.last.then(() => this.check());
    this.last = turn;
    return turn;
  }

  /** Pauses when the slice is used up; for a loop that is the only work going on. */
  async check(): Promise<void> {
    if (performance.now() - this.sliceStart <= this.sliceMs) return;
    await this.pauseFor();
    this.sliceStart = performance.now();
  }
}
