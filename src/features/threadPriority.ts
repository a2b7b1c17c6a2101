import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Lowers the calling worker thread's scheduling priority (Linux: a thread's own nice value,
 * set through its thread id). Our workers parse sidecars and clippings by the megabyte and
 * keep a core busy for seconds; at the same priority the extension host's main thread, woken
 * for a keystroke, a timer or a reply, waits for a CPU behind them (and behind the workbench)
 * on a machine with few cores: most of the long stalls measured while they worked were such
 * waits. Elsewhere (no /proc: macOS, Windows) the thread keeps its priority.
 *
 * Returns the thread id whose priority was lowered, or undefined when it could not be.
 */
export function runAtLowerPriority(): number | undefined {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return undefined;
    setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
    return threadId;
  } catch {
    // No /proc, or not allowed: the thread runs at the usual priority.
    return undefined;
  }
}
