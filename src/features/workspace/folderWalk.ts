// The index's own listing of a workspace folder on disk (run in the indexing worker).
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { SIDECAR_SUFFIX } from '../../core/annotations/paths';
import { excludeMatcher } from '../../core/index/excludes';

/**
 * A workspace folder on disk, walked for the files the index reads, in place of VS Code's file
 * search: with twenty thousand files, the search's answer took the extension host's main
 * thread a hundred milliseconds and more at a time (matching and converting each result).
 */
export interface WalkRequest {
  readonly kind: 'walk';
  /** The workspace folder's path. */
  readonly root: string;
  /** Where to start, relative to the root (`/`-separated, '' for the root). */
  readonly under: string;
  /** The exclude patterns in force, brace-free (excludes.ts): what matches is skipped, folders with all they hold. */
  readonly exclude: readonly string[];
  /** Whether `.txt` files are listed too. */
  readonly textFiles: boolean;
}

/** Paths relative to the walked folder's root, `/`-separated. */
export interface WalkResponse {
  readonly clippings: string[];
  readonly sidecars: string[];
  readonly textFiles: string[];
}

/**
 * Lists the clippings, sidecars and (when asked) `.txt` files under a folder, as the file
 * search with the index's globs did: `.clip`, `.clipping` and `.annotations.yaml` names (case as
 * written), hidden files included, ignore files not read, symbolic links followed (as VS Code's
 * `search.followSymlinks` does by default) except a link to a folder it is already in (a loop).
 */
export function walkFolder(request: WalkRequest): WalkResponse {
  const excluded = excludeMatcher(request.exclude);
  const found: WalkResponse = { clippings: [], sidecars: [], textFiles: [] };
  const start = request.under.replace(/\/+$/, '');
  // The real paths of the folders above the start, the root included: a link back to one of them is a loop.
  const above = start === '' ? [] : start.split('/').slice(0, -1).map((_segment, index, segments) => segments.slice(0, index + 1).join('/'));
  const ancestors = (start === '' ? [] : ['', ...above]).map((folder) => realPath(join(request.root, folder))).filter((path) => path !== undefined);
  const folders: { readonly relative: string; readonly ancestors: readonly string[] }[] = [{ relative: start, ancestors }];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const path = join(request.root, folder.relative);
    const real = realPath(path);
    if (real === undefined || folder.ancestors.includes(real)) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      continue;
    }
    const chain = [...folder.ancestors, real];
    for (const entry of entries) {
      const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
      if (excluded(relative)) continue;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(join(path, entry.name));
          isFolder = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue;
        }
      }
      if (isFolder) folders.push({ relative, ancestors: chain });
      else if (!isFile) continue;
      else if (entry.name.endsWith(SIDECAR_SUFFIX)) found.sidecars.push(relative);
      else if (entry.name.endsWith('.clip') || entry.name.endsWith('.clipping')) found.clippings.push(relative);
      else if (request.textFiles && entry.name.endsWith('.txt')) found.textFiles.push(relative);
    }
  }
  return found;
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
