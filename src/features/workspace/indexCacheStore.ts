import * as vscode from 'vscode';
import type { StringPool } from '../../core/index/entryPacking';
import { CACHE_SHARDS, serializeShard, shardOf, unpackCachedEntry, type CacheOrigin, type CachedEntry, type PackedShard } from '../../core/index/indexCache';
import { readFileBytes } from '../annotations/fileIo';
import { readShardInWorker, type IndexWorker } from './indexRequests';

/** Unpacking cached entries gives the event loop a turn this often. */
const UNPACK_SLICE_MS = 10;

/**
 * The index cache on disk: one JSON file per shard in the extension's storage folder for this
 * workspace. Shards are read and written one at a time, so the extension host handles other
 * events in between. Reading, the worker thread decodes and parses each shard (UTF-8 decoding
 * and JSON parsing are most of the cost) while the extension host unpacks the one before.
 */
export class IndexCacheStore {
  constructor(
    /** Undefined when VS Code gives no storage folder: nothing is then cached. */
    private readonly folder: vscode.Uri | undefined,
    private readonly origin: CacheOrigin,
    private readonly log: vscode.LogOutputChannel,
    private readonly worker: IndexWorker,
  ) {}

  /** The folder the shards are kept in. */
  get location(): vscode.Uri | undefined {
    return this.folder;
  }

  /** The cached entries, their repeated strings shared through `pool`. */
  async load(pool: StringPool): Promise<Map<string, CachedEntry>> {
    const entries = new Map<string, CachedEntry>();
    if (!this.folder) return entries;
    let next = this.readShard(0);
    let sliceStart = performance.now();
    for (let shard = 0; shard < CACHE_SHARDS; shard++) {
      const packed = await next;
      if (shard + 1 < CACHE_SHARDS) next = this.readShard(shard + 1);
      if (!packed) continue;
      const strings = pool.adopt(packed.strings);
      for (const entry of packed.entries) {
        entries.set(entry[0], unpackCachedEntry(entry, strings));
        // A shard parsed ahead is awaited without going back to the event loop: it is given a turn here.
        if (performance.now() - sliceStart > UNPACK_SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }
    return entries;
  }

  /** A shard's packed entries, read and parsed in the worker; undefined when missing, unreadable or not ours. */
  private async readShard(shard: number): Promise<PackedShard | undefined> {
    try {
      const bytes = await readFileBytes(this.shardUri(shard));
      return bytes && (await readShardInWorker(this.worker, bytes, this.origin));
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
      await vscode.workspace.fs.writeFile(this.shardUri(shard), new TextEncoder().encode(serializeShard(this.origin, shardEntries)));
    }
  }

  private shardUri(shard: number): vscode.Uri {
    return vscode.Uri.joinPath(this.folder as vscode.Uri, `shard-${shard}.json`);
  }
}
