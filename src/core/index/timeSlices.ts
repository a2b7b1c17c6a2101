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

  /** Pauses when the slice is used up. */
  private async check(): Promise<void> {
    if (performance.now() - this.sliceStart <= this.sliceMs) return;
    await this.pauseFor();
    this.sliceStart = performance.now();
  }
}

export interface QuietOptions {
  /** How long the event loop must have turned freely. */
  readonly quietMs: number;
  /** The longest wait, quiet or not. */
  readonly capMs: number;
  /** How often the loop is looked at. */
  readonly tickMs?: number;
  /** A timer later than this means the loop was held up. */
  readonly lateMs?: number;
  /** Quiet counts only once this holds (asked at each look). */
  readonly after?: () => boolean;
}

/**
 * Resolves, with how long it waited, once the event loop has turned freely for `quietMs` (a
 * timer every `tickMs`, never late by more than `lateMs`) since `after` held, or after `capMs`
 * at the latest. For
 * work that can wait until a starting host has settled: VS Code loads and starts its built-in
 * extensions in the extension host's first seconds, each holding the event loop up to a few
 * hundred milliseconds.
 */
export function whenQuiet({ quietMs, capMs, tickMs = 10, lateMs = 20, after = () => true }: QuietOptions): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    let last = started;
    let quietSince = started;
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - last - tickMs > lateMs || !after()) quietSince = now;
      last = now;
      if (now - quietSince >= quietMs || now - started >= capMs) {
        clearInterval(timer);
        resolve(now - started);
      }
    }, tickMs);
  });
}
