/**
 * Watches the event loop from its creation until `stop`: a timer every `intervalMs`, and each
 * time it fires late, the delay is a stall (the thread was busy, or waiting for a CPU). Keeps
 * the longest and when the longest ones over `reportOverMs` began, so that a log or a
 * benchmark can tell start-up from the work that follows.
 */
export interface StallRecord {
  readonly longestMs: number;
  /** The longest stalls over the threshold, longest first: [ms since the watch began, ms]. */
  readonly over: readonly (readonly [at: number, ms: number])[];
}

const KEPT = 10;

export class StallWatch {
  private readonly started = performance.now();
  private last = this.started;
  private longest = 0;
  private readonly over: [number, number][] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly intervalMs = 10,
    private readonly reportOverMs = 50,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref?.();
  }

  stop(): StallRecord {
    clearInterval(this.timer);
    return this.record();
  }

  /** What the watch saw so far (it goes on), and how long it has watched, in ms. */
  record(): StallRecord & { readonly sinceMs: number } {
    this.tick();
    return { longestMs: this.longest, over: [...this.over], sinceMs: performance.now() - this.started };
  }

  private tick(): void {
    const now = performance.now();
    const stall = Math.max(0, now - this.last - this.intervalMs);
    this.longest = Math.max(this.longest, stall);
    if (stall > this.reportOverMs) {
      this.over.push([this.last - this.started, stall]);
      this.over.sort((a, b) => b[1] - a[1]);
      this.over.length = Math.min(this.over.length, KEPT);
    }
    this.last = now;
  }
}
