import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import * as vscode from 'vscode';
import type { StringPool } from '../../core/index/entryPacking';
import { CACHE_SHARDS, packShard, shardOf, ShardReader, shardPack, type CacheOrigin, type CachedEntry } from '../../core/index/indexCache';
import { readFileBytes } from '../annotations/fileIo';
import { TimeSlices } from '../../core/index/timeSlices';

function shardFileName(shard: number): string {
  return `shard-${shard}.bin`;
}

/**
 * One buffer that local shard files are read into, one after the other, grown when a shard is
 * larger: reading 512 shards of half a megabyte into new buffers cost the extension host more
 * (allocating, and the first touch of fresh memory) than deserializing them. Read synchronously,
 * as the extension reads local files of this size (see fileIo.ts): a fraction of a millisecond
 * from the page cache, and no wait behind libuv's threads, which the whole host shares.
 */
class ReadBuffer {
  private bytes = Buffer.allocUnsafe(1 << 20);

  /** The file's bytes (valid until the next read), or undefined when there is no such file. */
  read(path: string): Buffer | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const size = fstatSync(fd).size;
      if (size > this.bytes.length) this.bytes = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const got = readSync(fd, this.bytes, read, size - read, read);
        if (got === 0) break;
        read += got;
      }
      return this.bytes.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * The index cache on disk: one file per shard in the extension's storage folder for this
 * workspace, written with v8.serialize (see indexCache.ts: entries packed flat, so that reading
 * one back copies strings and two buffers, with no JSON to parse and no UTF-8 to decode).
 * Shards are read and written one at a time, so the extension host handles other events in
 * between; a shard read back is deserialized at once (a millisecond or two) and unpacked into
 * entries in slices.
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

  /**
   * The cached entries, their repeated strings shared through `pool`; read in `slices`' turns
   * (shared with whatever else the index does meanwhile on this thread).
   */
  async load(pool: StringPool, slices: TimeSlices): Promise<Map<string, CachedEntry>> {
    const entries = new Map<string, CachedEntry>();
    if (!this.folder) return entries;
    const buffer = new ReadBuffer();
    const present = this.shardFiles();
    for (let shard = 0; shard < CACHE_SHARDS; shard++) {
      if (present && !present.has(shardFileName(shard))) continue;
      await slices.turn();
      const reader = await this.shardReader(shard, buffer, pool);
      if (!reader) continue;
      const read: string[] = [];
      while (!reader.done) {
        const entry = reader.next();
        entries.set(entry.uri, entry);
        read.push(entry.uri);
        await slices.turn();
      }
      if (!reader.intact) {
        this.log.warn(`index cache: shard ${shard} is damaged; its files are read again`);
        read.forEach((uri) => entries.delete(uri));
      }
    }
    return entries;
  }

  /**
   * The files of a local cache folder (none when there is no folder yet: a first start), so
   * that missing shards are not opened one by one; undefined for other file systems.
   */
  private shardFiles(): ReadonlySet<string> | undefined {
    if (this.folder?.scheme !== 'file') return undefined;
    try {
      return new Set(readdirSync(this.folder.fsPath));
    } catch {
      return new Set();
    }
  }

  /** A reader of the shard's entries; undefined when it is missing, does not deserialize or is not ours. */
  private async shardReader(shard: number, buffer: ReadBuffer, pool: StringPool): Promise<ShardReader | undefined> {
    const uri = this.shardUri(shard);
    let content: unknown;
    try {
      // Deserializing copies what the shard holds: the bytes are not needed after it.
      const bytes = uri.scheme === 'file' ? buffer.read(uri.fsPath) : await readFileBytes(uri);
      if (!bytes) return undefined;
      content = deserialize(bytes);
    } catch (error) {
      this.log.warn(`index cache: cannot read shard ${shard}: ${String(error)}`);
      return undefined;
    }
    const pack = shardPack(content, this.origin);
    return pack && new ShardReader(pack, pool.adopt(pack.strings));
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
    return vscode.Uri.joinPath(this.folder as vscode.Uri, shardFileName(shard));
  }
}
