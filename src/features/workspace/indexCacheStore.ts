import { rm } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import * as vscode from 'vscode';
import type { StringPool } from '../../core/index/entryPacking';
import { CACHE_SHARDS, packShard, shardOf, ShardReader, shardPack, type CacheOrigin, type CachedEntry } from '../../core/index/indexCache';
import { readFileBytes } from '../annotations/fileIo';

/** Unpacking cached entries gives the event loop a turn this often. */
const UNPACK_SLICE_MS = 8;
/** Shards read from disk ahead of the one being unpacked. */
const READ_AHEAD = 3;

/**
 * The index cache on disk: one file per shard in the extension's storage folder for this
 * workspace, written with v8.serialize (see indexCache.ts: entries packed flat, so that reading
 * one back copies strings and two buffers, with no JSON to parse and no UTF-8 to decode).
 * Shards are read and written one at a time, so the extension host handles other events in
 * between; a shard read back is unpacked into entries in slices.
 */
export class IndexCacheStore {
  constructor(
    /** Undefined when VS Code gives no storage folder: nothing is then cached. */
    private readonly folder: vscode.Uri | undefined,
    private readonly origin: CacheOrigin,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The folder the shards are kept in. */
  get location(): vscode.Uri | undefined {
    return this.folder;
  }

  /** The cached entries, their repeated strings shared through `pool`. */
  async load(pool: StringPool): Promise<Map<string, CachedEntry>> {
    const entries = new Map<string, CachedEntry>();
    if (!this.folder) return entries;
    const reads: Promise<Uint8Array | undefined>[] = [];
    for (let shard = 0; shard < Math.min(READ_AHEAD, CACHE_SHARDS); shard++) reads.push(this.readShard(shard));
    let sliceStart = performance.now();
    const pause = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    };
    for (let shard = 0; shard < CACHE_SHARDS; shard++) {
      const bytes = await reads[shard];
      if (shard + READ_AHEAD < CACHE_SHARDS) reads.push(this.readShard(shard + READ_AHEAD));
      // A read that finished while the last shard was unpacked is awaited without going back to the event loop.
      if (performance.now() - sliceStart > UNPACK_SLICE_MS) await pause();
      const reader = bytes && this.shardReader(bytes, shard, pool);
      if (!reader) continue;
      const read: string[] = [];
      while (!reader.done) {
        const entry = reader.next();
        entries.set(entry.uri, entry);
        read.push(entry.uri);
        if (performance.now() - sliceStart > UNPACK_SLICE_MS) await pause();
      }
      if (!reader.intact) {
        this.log.warn(`index cache: shard ${shard} is damaged; its files are read again`);
        read.forEach((uri) => entries.delete(uri));
      }
    }
    return entries;
  }

  /** A reader of the shard's entries; undefined when it does not deserialize or is not ours. */
  private shardReader(bytes: Uint8Array, shard: number, pool: StringPool): ShardReader | undefined {
    let content: unknown;
    try {
      content = deserialize(bytes);
    } catch (error) {
      this.log.warn(`index cache: cannot read shard ${shard}: ${String(error)}`);
      return undefined;
    }
    const pack = shardPack(content, this.origin);
    return pack && new ShardReader(pack, pool.adopt(pack.strings));
  }

  /** A shard's bytes; undefined when missing or unreadable. */
  private async readShard(shard: number): Promise<Uint8Array | undefined> {
    try {
      return await readFileBytes(this.shardUri(shard));
    } catch (error) {
      this.log.warn(`index cache: cannot read shard ${shard}: ${String(error)}`);
      return undefined;
    }
  }

  /** Writes the shards numbered in `shards` with what `entries` holds for them. */
  async save(entries: ReadonlyMap<string, CachedEntry>, shards: ReadonlySet<number>): Promise<void> {
    if (!this.folder || shards.size === 0) return;
    const byShard = new Map<number, CachedEntry[]>([...shards].map((shard) => [shard, []]));
    for (const entry of entries.values()) byShard.get(shardOf(entry.uri))?.push(entry);
    await vscode.workspace.fs.createDirectory(this.folder);
    for (const [shard, shardEntries] of byShard) {
      await vscode.workspace.fs.writeFile(this.shardUri(shard), serialize(packShard(this.origin, shardEntries)));
      // The JSON shard of cache format 3 and before, which this one replaces.
      if (this.folder.scheme === 'file') await rm(vscode.Uri.joinPath(this.folder, `shard-${shard}.json`).fsPath, { force: true }).catch(() => undefined);
    }
  }

  private shardUri(shard: number): vscode.Uri {
    return vscode.Uri.joinPath(this.folder as vscode.Uri, `shard-${shard}.bin`);
  }
}
