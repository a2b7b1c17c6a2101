/**
 * The index cache: what the workspace index read, saved between sessions so that a warm start
 * reads only the files that changed. Entries are spread over shards (a changed file rewrites
 * one shard, and no shard is too big to parse without stalling the extension host); each
 * entry is keyed by the clipping's URI and stamped with the size and modification time of the
 * clipping and of its sidecar.
 */
import { packEntry, StringPool, StringTable, unpackEntry, type PackedEntry } from './entryPacking';
import type { IndexEntry } from './indexEntry';

/** Raise when IndexEntry, what the parsers produce or the sharding changes: older caches are then ignored. */
export const INDEX_CACHE_FORMAT = 3;

/**
 * Enough shards to keep each near half a megabyte with a million annotations (~260 MB in all):
 * the extension host writes a shard and unpacks one in a few milliseconds at a time.
 */
export const CACHE_SHARDS = 512;

export interface FileStamp {
  readonly mtime: number;
  readonly size: number;
}

export interface CachedEntry {
  readonly uri: string;
  readonly stamp: FileStamp;
  /** The sidecar's stamp, or null when the clipping had none. */
  readonly sidecarStamp: FileStamp | null;
  /** What was indexed; null for a `.txt` file that was read and is not a clipping. */
  readonly entry: IndexEntry | null;
}

/** Who wrote a cache: a cache written by another format or extension version is not trusted. */
export interface CacheOrigin {
  readonly format: number;
  readonly extensionVersion: string;
}

/** A cached entry as a shard stores it: `[uri, mtime, size, sidecar mtime, sidecar size, entry]`. */
export type PackedCachedEntry = [uri: string, mtime: number, size: number, sidecarMtime: number | null, sidecarSize: number | null, entry: PackedEntry | null];

interface ShardFile extends CacheOrigin {
  readonly strings: readonly string[];
  readonly entries: readonly PackedCachedEntry[];
}

export function serializeShard(origin: CacheOrigin, entries: readonly CachedEntry[]): string {
  const table = new StringTable();
  const packed = entries.map(({ uri, stamp, sidecarStamp, entry }): PackedCachedEntry => [
    uri,
    stamp.mtime,
    stamp.size,
    sidecarStamp?.mtime ?? null,
    sidecarStamp?.size ?? null,
    entry && packEntry(entry, table),
  ]);
  const shard: ShardFile = { format: origin.format, extensionVersion: origin.extensionVersion, strings: table.strings, entries: packed };
  return JSON.stringify(shard);
}

/** A shard's content, still packed: what the indexing worker hands over. */
export interface PackedShard {
  readonly strings: readonly string[];
  readonly entries: readonly PackedCachedEntry[];
}

/**
 * The entries of a shard written by `origin`, their repeated strings shared through `pool`;
 * empty for a shard that is corrupt or of another origin.
 */
export function parseShard(text: string, origin: CacheOrigin, pool = new StringPool()): CachedEntry[] {
  const shard = readShard(text, origin);
  if (!shard) return [];
  const strings = pool.adopt(shard.strings);
  return shard.entries.map((entry) => unpackCachedEntry(entry, strings));
}

/** The first half of parseShard, done in the worker thread: the shard's packed content, or undefined when corrupt or of another origin. */
export function readShard(text: string, origin: CacheOrigin): PackedShard | undefined {
  let shard: Partial<ShardFile> | null;
  try {
    shard = JSON.parse(text) as Partial<ShardFile> | null;
  } catch {
    return undefined;
  }
  if (!shard || shard.format !== origin.format || shard.extensionVersion !== origin.extensionVersion) return undefined;
  if (!Array.isArray(shard.entries) || !Array.isArray(shard.strings)) return undefined;
  return { strings: shard.strings, entries: shard.entries };
}

/** The second half: one entry of a shard, with the shard's strings (adopted by the pool). */
export function unpackCachedEntry([uri, mtime, size, sidecarMtime, sidecarSize, entry]: PackedCachedEntry, strings: readonly string[]): CachedEntry {
  return {
    uri,
    stamp: { mtime, size },
    sidecarStamp: sidecarMtime === null || sidecarSize === null ? null : { mtime: sidecarMtime, size: sidecarSize },
    entry: entry && unpackEntry(uri, entry, strings),
  };
}

/** Which shard holds a URI: FNV-1a over its UTF-16 code units, so the answer never changes. */
export function shardOf(uri: string, shards = CACHE_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < uri.length; index++) {
    hash ^= uri.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Whether a cached entry still describes the files, as the stamps say. */
export function isFresh(cached: CachedEntry, stamp: FileStamp, sidecarStamp: FileStamp | undefined): boolean {
  return sameStamp(cached.stamp, stamp) && (cached.sidecarStamp === null ? sidecarStamp === undefined : sidecarStamp !== undefined && sameStamp(cached.sidecarStamp, sidecarStamp));
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.mtime === b.mtime && a.size === b.size;
}
