import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';

/*
 * Files on a local disk (`file:` URIs) are read and written with Node's fs, in the extension
 * host itself; every other file system goes through `vscode.workspace.fs`, which works on any
 * file system VS Code can open but costs a round trip per call (a large sidecar took hundreds
 * of milliseconds that way in code-server).
 */

/** The file's text (without a byte order mark), or undefined when there is no such file. */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  const bytes = await readFileBytes(uri);
  return bytes && decodeText(bytes);
}

/** UTF-8 text without its byte order mark, as VS Code reads documents. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Whether two files' contents are the same bytes: much cheaper than decoding a large one to compare its text. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** The file's bytes, or undefined when there is no such file. */
export async function readFileBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return uri.scheme === 'file' ? await readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
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

/** writeTextFileAtomically for text already encoded (UTF-8). */
export async function writeFileAtomically(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = uri.with({ path: `${uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
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
