import { rename } from 'node:fs/promises';
import * as vscode from 'vscode';

/** The file's text, or undefined when there is no such file. Works on any file system VS Code can open. */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
      return undefined;
    }
    throw error;
  }
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
  const temporary = uri.with({ path: `${uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    if (uri.scheme === 'file') {
      await rename(temporary.fsPath, uri.fsPath);
    } else {
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    }
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
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
