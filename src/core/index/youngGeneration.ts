/**
 * Minor garbage collections (scavenges) at moments the index chooses, while it builds half a
 * gigabyte of objects and strings that all stay alive. V8 collects its young generation when
 * that is full; as it finds everything there still alive, it grows it (up to 32 MB in Node 24)
 * and each collection copies all of it: 10 ms on a free core, 40–110 ms on a busy 2-core
 * machine, where the collector's helper threads wait for a CPU and the main thread waits for
 * them (docs/workspace.md, bench/RESULTS.md `host-workspace-index`). Collected
 * whenever the young generation holds more than a few megabytes, between slices of the index's
 * work, each collection copies only that much: the same work in more, shorter pauses.
 *
 * V8 has no such call without `--expose-gc`: the flag is set for as long as it takes to make one
 * new context that has `gc`, and cleared at once, as jest's leak detector does. Where that does
 * not work (the flag refused, or another V8), nothing is collected here and V8 does as usual.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pause } from './timeSlices';

/** Collected above this much in the young generation: a few milliseconds' copying. */
export const YOUNG_LIMIT_BYTES = 4 * 1024 * 1024;

type Collect = (options: { type: 'minor' }) => void;

let collector: Collect | null | undefined;

function minorCollector(): Collect | null {
  if (collector === undefined) {
    collector = null;
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      if (typeof gc === 'function') collector = gc as Collect;
    } catch {
      // No collector: V8 collects as usual.
    } finally {
      try {
        setFlagsFromString('--no-expose-gc');
      } catch {
        // As above.
      }
    }
  }
  return collector;
}

/** How much the young generation holds now, in bytes. */
export function youngGenerationBytes(): number {
  for (const space of getHeapSpaceStatistics()) if (space.space_name === 'new_space') return space.space_used_size;
  return 0;
}

/** A minor collection when the young generation holds more than `limitBytes`; whether one ran. */
export function collectYoungIfOver(limitBytes = YOUNG_LIMIT_BYTES): boolean {
  if (youngGenerationBytes() <= limitBytes) return false;
  const collect = minorCollector();
  if (!collect) return false;
  collect({ type: 'minor' });
  return true;
}

/**
 * A pause for TimeSlices: gives the event loop a turn, then, when the young generation holds
 * more than `limitBytes`, collects it in a turn of its own, so that the collection never lengthens
 * a slice of work.
 */
export async function pauseAndCollect(limitBytes = YOUNG_LIMIT_BYTES): Promise<void> {
  await pause();
  if (collectYoungIfOver(limitBytes)) await pause();
}
