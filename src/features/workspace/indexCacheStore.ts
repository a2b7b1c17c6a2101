import * as vscode from 'vscode';
import type { StringPool } from '../../core/index/entryPacking';
import { CACHE_SHARDS, parseShard, serializeShard, shardOf, type CacheOrigin, type CachedEntry } from '../../core/index/indexCache';
import { readTextFile } from '../annotations/fileIo';

/**
 * The index cache on disk: one JSON file per shard in the extension's storage folder for this
 * workspace. Shards are read and written one at a time, so the extension host handles other
 * events in between (a shard of a million-annotation workspace parses in a few milliseconds).
 */
export class IndexCacheStore {
  constructor(
    /** Undefined when VS Code gives no storage folder: nothing is then cached. */
    private readonly folder: vscode.Uri | undefined,
    private readonly origin: CacheOrigin,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The cached entries, their repeated strings shared through `pool`. */
  async load(pool: StringPool): Promise<Map<string, CachedEntry>> {
    const entries = new Map<string, CachedEntry>();
    if (!this.folder) return entries;
    for (let shard = 0; shard < CACHE_SHARDS; shard++) {
      const text = await readTextFile(this.shardUri(shard)).catch((error: unknown) => {
        this.log.warn(`index cache: cannot read shard ${shard}: ${String(error)}`);
        return undefined;
      });
      if (text !== undefined) parseShard(text, this.origin, pool).forEach((entry) => entries.set(entry.uri, entry));
    }
    return entries;
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
