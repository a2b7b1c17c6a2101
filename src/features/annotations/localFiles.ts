// Local files written synchronously, by the extension host for small files and by the sidecar
// worker for large ones (see fileIo.ts). No vscode import: the worker bundle includes this file.
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A temporary name beside `path`, unique enough for concurrent writers (this window and another). */
export function temporaryPathFor(path: string): string {
  return `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
}

/**
 * Writes `bytes` to a temporary file beside `path`, then renames it over `path` (one atomic
 * rename(2)), creating the folder when needed; the temporary file is removed if the rename fails.
 */
export function writeLocalFileAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  writeFileSync(temporary, bytes);
  try {
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing left to clean up.
    }
    throw error;
  }
}
