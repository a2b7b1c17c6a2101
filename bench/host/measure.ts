// Helpers shared by the suites that run inside the VS Code extension host.

export const EXTENSION_ID = 'clippings-lab.press-clippings';

export interface Measurement {
  readonly name: string;
  readonly ms: number;
  readonly note: string;
}

/** The longest time the event loop went without running a 5 ms ticker: how long the host was blocked. */
export function watchEventLoop(): () => number {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return () => {
    clearInterval(ticker);
    return Math.max(0, longest);
  };
}
