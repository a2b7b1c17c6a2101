/**
 * Arrays a parse keeps alive for every article of a dossier (its dates, its bylines). An array
 * filled by `push` keeps room for 16 items; with tens of thousands of articles that slack is
 * megabytes the garbage collector copies while the outline is built. An empty result is one
 * shared array, any other a copy of exactly its size.
 */
const NONE: readonly never[] = Object.freeze([]);

export function keptArray<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : items.slice();
}
