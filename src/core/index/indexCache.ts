/**
 * The index cache: what the workspace index read, saved between sessions so that a warm start
 * reads only the files that changed. Entries are spread over shards (a changed file rewrites
 * one shard, and no shard is too big to parse without stalling the extension host); each
 * entry is keyed by the clipping's URI and stamped with the size and modification time of the
 * clipping and of its sidecar.
 */
import { EntryPacker, EntryUnpacker, PackSource, StringPool, type FlatPack } from './entryPacking';
import type { IndexEntry } from './indexEntry';

/** Raise when IndexEntry, what the parsers produce, the packing or the sharding changes: older caches are then ignored. */
export const INDEX_CACHE_FORMAT = 5;

/**
 * Enough shards to keep each near half a megabyte with a million annotations: the extension
 * host writes a shard and unpacks one in a few milliseconds at a time.
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

/** What a shard file holds (stored with v8.serialize: strings copied as they are, buffers as bytes). */
export interface ShardContent extends CacheOrigin {
  readonly pack: FlatPack;
}

/** A shard's entries packed, with who packed them: each entry its URI, its stamps and (unless null) the entry. */
export function packShard(origin: CacheOrigin, entries: readonly CachedEntry[]): ShardContent {
  const packer = new EntryPacker();
  packer.int(entries.length);
  for (const { uri, stamp, sidecarStamp, entry } of entries) {
    packer.name(uri);
    packer.stamp(stamp.mtime);
    packer.stamp(stamp.size);
    packer.stamp(sidecarStamp?.mtime);
    packer.stamp(sidecarStamp?.size);
    packer.int(entry ? 1 : 0);
    if (entry) packer.entry(entry);
  }
  return { format: origin.format, extensionVersion: origin.extensionVersion, pack: packer.finish() };
}

/** The pack of a shard's content when `origin` wrote it and it has the shape of one; undefined otherwise. */
export function shardPack(content: unknown, origin: CacheOrigin): FlatPack | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const { format, extensionVersion, pack } = content as Partial<ShardContent>;
  if (format !== origin.format || extensionVersion !== origin.extensionVersion || typeof pack !== 'object' || pack === null) return undefined;
  const { strings, names, text, ints, stamps } = pack;
  return Array.isArray(strings) && Array.isArray(names) && typeof text === 'string' && ints instanceof Int32Array && stamps instanceof Float64Array ? pack : undefined;
}

/**
 * Reads a shard's cached entries one at a time (the extension host unpacks a shard in slices),
 * with the shard's strings as adopted by a pool. The entries keep their annotations packed in
 * the shard's text and its numbers: v8.deserialize makes typed arrays over the buffer it reads
 * where they are aligned in it, and that buffer the cache store reuses for the next shard, so
 * numbers that are a view of part of a buffer are copied; where they were not aligned,
 * v8.deserialize copied them into a buffer of their own already, kept as it is.
 */
export class ShardReader {
  private readonly unpacker: EntryUnpacker;
  private left: number;

  constructor(pack: FlatPack, strings: readonly string[]) {
    const { ints } = pack;
    this.unpacker = new EntryUnpacker(pack, new PackSource(pack, strings, ints.byteLength === ints.buffer.byteLength ? ints : ints.slice()));
    this.left = Math.max(0, this.unpacker.int() || 0);
  }

  /** Whether every entry was read. */
  get done(): boolean {
    return this.left === 0 || !this.unpacker.intact;
  }

  /** Whether the shard was read whole and undamaged: when not, the entries read from it must be dropped. */
  get intact(): boolean {
    return this.left === 0 && this.unpacker.intact && this.unpacker.done;
  }

  next(): CachedEntry {
    this.left--;
    const { unpacker } = this;
    const uri = unpacker.name();
    const [mtime, size, sidecarMtime, sidecarSize] = [unpacker.stamp(), unpacker.stamp(), unpacker.stamp(), unpacker.stamp()];
    const entry = unpacker.int() === 1 ? unpacker.entry(uri) : null;
    return {
      uri,
      stamp: { mtime: mtime ?? Number.NaN, size: size ?? Number.NaN },
      sidecarStamp: sidecarMtime === undefined || sidecarSize === undefined ? null : { mtime: sidecarMtime, size: sidecarSize },
      entry,
    };
  }
}

/**
 * The entries of a shard's content written by `origin`, their repeated strings shared through
 * `pool`; empty for a shard that is damaged or of another origin.
 */
export function parseShard(content: unknown, origin: CacheOrigin, pool = new StringPool()): CachedEntry[] {
  const pack = shardPack(content, origin);
  if (!pack) return [];
  const reader = new ShardReader(pack, pool.adopt(pack.strings));
  const entries: CachedEntry[] = [];
  while (!reader.done) entries.push(reader.next());
  return reader.intact ? entries : [];
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
