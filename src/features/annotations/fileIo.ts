import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { temporaryPathFor, writeLocalFileAtomically } from './localFiles';
import { decodeText } from './textCoding';

/*
 * Files on a local disk (`file:` URIs) are read and written with Node's fs, in the extension
 * host itself; every other file system goes through `vscode.workspace.fs`, which works on any
 * file system VS Code can open but costs a round trip per call (a large sidecar took hundreds
 * of milliseconds that way in code-server).
 *
 * Local files up to SYNC_LIMIT bytes are read synchronously, up to SYNC_WRITE_LIMIT written so.
 * Node's asynchronous fs runs each step (open, stat, read, write, close, rename) on libuv's four
 * threads, which the whole extension host shares with every extension, the workers included:
 * right after a dossier is opened, a sidecar of 400 K took 150 ms and more to arrive, waiting in
 * that queue (bench/host, annotations). From the page cache the same bytes take a fraction of a
 * millisecond.
 */

/** Files up to this size (a sidecar of some 15,000 Arabic annotations) are read synchronously: a few milliseconds at most. */
export const SYNC_LIMIT = 8 * 1024 * 1024;

/**
 * Local files up to this size are written synchronously on the host's thread. A larger write
 * may be held up by the kernel (writing back dirty pages on a busy disk, 0.5 s for 5 MB was
 * seen here), so it goes to another thread: `LargeFileWriter`, or libuv's.
 */
export const SYNC_WRITE_LIMIT = 1024 * 1024;

/** Writes a large local file atomically away from the host's thread (the sidecar worker: writeLocalFileAtomically). */
export type LargeFileWriter = (path: string, bytes: Uint8Array) => Promise<void>;

/** The file's text (without a byte order mark), or undefined when there is no such file. */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  const bytes = await readFileBytes(uri);
  return bytes && decodeText(bytes);
}

/** Whether two files' contents are the same bytes: much cheaper than decoding a large one to compare its text. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** The file's bytes, or undefined when there is no such file. */
export async function readFileBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    if (uri.scheme !== 'file') return await vscode.workspace.fs.readFile(uri);
    return statSync(uri.fsPath).size <= SYNC_LIMIT ? readFileSync(uri.fsPath) : await readFile(uri.fsPath);
  } catch (error) {
    if ((error instanceof vscode.FileSystemError && error.code === 'FileNotFound') || isNodeError(error, 'ENOENT')) {
      return undefined;
    }
    throw error;
  }
}

function isNodeError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Writes through a temporary file beside the target, then renames it over the target, so a
 * reader (or a crash) never sees half a file.
 *
 * On local disks the rename is Node's: one atomic rename(2). `workspace.fs.rename` with
 * `overwrite` deletes the target first, leaving a moment with no file at all, so it is used
 * only for the other file systems, where it is the best they offer.
 */
export async function writeTextFileAtomically(uri: vscode.Uri, text: string): Promise<void> {
  await writeFileAtomically(uri, Buffer.from(text, 'utf8'));
}

/** writeTextFileAtomically for text already encoded (UTF-8); a large local file through `writeLarge` when given. */
export async function writeFileAtomically(uri: vscode.Uri, bytes: Uint8Array, writeLarge?: LargeFileWriter): Promise<void> {
  if (uri.scheme === 'file' && bytes.length <= SYNC_WRITE_LIMIT) {
    writeLocalFileAtomically(uri.fsPath, bytes);
    return;
  }
  if (uri.scheme === 'file' && writeLarge) {
    await writeLarge(uri.fsPath, bytes);
    return;
  }
  const temporary = uri.with({ path: temporaryPathFor(uri.path) });
  if (uri.scheme === 'file') {
    // Like workspace.fs.writeFile, create the folder when needed (the speaker registry's `.clippings/`).
    await mkdir(dirname(uri.fsPath), { recursive: true });
    await writeFile(temporary.fsPath, bytes);
    await rename(temporary.fsPath, uri.fsPath).catch(async (error: unknown) => {
      await unlink(temporary.fsPath).catch(() => undefined);
      throw error;
    });
    return;
  }
  await vscode.workspace.fs.writeFile(temporary, bytes);
  await vscode.workspace.fs.rename(temporary, uri, { overwrite: true }).then(undefined, async (error: unknown) => {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  });
}

/** Runs tasks one at a time, in the order they were queued, whatever each one's outcome. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
