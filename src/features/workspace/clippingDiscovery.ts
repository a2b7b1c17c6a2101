import * as vscode from 'vscode';
import { clippingPathForSidecar, SIDECAR_SUFFIX } from '../../core/annotations';
import { excludeGlob } from '../../core/index/excludes';
import { TimeSlices } from '../../core/index/timeSlices';
import { sidecarUriFor } from '../annotations/annotationStore';

/** A file the index reads. */
export interface ClippingFile {
  readonly uri: vscode.Uri;
  /** Its sidecar, when it has one. */
  readonly sidecar: vscode.Uri | undefined;
  /** Read only when its content looks like a clipping (a `.txt` file found by scanning). */
  readonly detect: boolean;
}

export const CLIPPING_GLOB = '**/*.{clip,clipping}';
export const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;
const TEXT_GLOB = '**/*.txt';

/** Whether `.txt` files without a sidecar are read to see whether they are clippings. */
export function scansTextFiles(): boolean {
  return vscode.workspace.getConfiguration('clippings').get<boolean>('index.scanTextFiles', false);
}

export function isClippingPath(path: string): boolean {
  return /\.(clip|clipping)$/i.test(path);
}

/**
 * The files of every workspace folder that the index reads, outside `files.exclude` and
 * `search.exclude`: `.clip` and `.clipping` files, any file that has a sidecar (an annotated
 * `.txt` dossier), and, when `clippings.index.scanTextFiles` is on, every other `.txt` file.
 * With `under` (a folder), only the files below it, excluded as in the whole search.
 */
export async function findClippingFiles(under?: vscode.Uri): Promise<ClippingFile[]> {
  if (!under) {
    const perFolder = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => filesOfFolder(folder, '')));
    return perFolder.flat();
  }
  const folder = vscode.workspace.getWorkspaceFolder(under);
  if (!folder) return [];
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  const relative = under.path.startsWith(root) ? under.path.slice(root.length) : '';
  // The exclude patterns are relative to the workspace folder, so the search starts there, its
  // globs led by the folder's path; a path that globs would misread is searched for everywhere.
  const prefix = relative === '' || /[[\]{}*?!,]/.test(relative) ? '' : `${relative}/`;
  const below = `${under.toString()}/`;
  return (await filesOfFolder(folder, prefix)).filter((file) => file.uri.toString().startsWith(below));
}

async function filesOfFolder(folder: vscode.WorkspaceFolder, prefix: string): Promise<ClippingFile[]> {
  const exclude = excludeGlob([
    vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'),
    vscode.workspace.getConfiguration('search', folder.uri).get<Record<string, unknown>>('exclude'),
  ]);
  // An exclude pattern replaces the default excludes; `null` for none keeps them off as well.
  const find = (glob: string) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, prefix + glob), exclude ?? null);
  const [clippings, sidecars, textFiles] = await Promise.all([find(CLIPPING_GLOB), find(SIDECAR_GLOB), scansTextFiles() ? find(TEXT_GLOB) : []]);
  // Tens of thousands of files take tens of milliseconds to pair: the event loop gets turns in between.
  const withSidecar = new Set<string>();
  await inSteps(sidecars, (sidecar) => withSidecar.add(sidecar.with({ path: clippingPathForSidecar(sidecar.path) ?? sidecar.path }).toString()));
  const files = new Map<string, ClippingFile>();
  const add = (uri: vscode.Uri, detect: boolean) => {
    const key = uri.toString();
    if (!files.has(key)) files.set(key, { uri, sidecar: withSidecar.has(key) ? sidecarUriFor(uri) : undefined, detect: detect && !withSidecar.has(key) });
  };
  await inSteps(clippings, (uri) => add(uri, false));
  // A sidecar says its file is read as a clipping, whatever its extension.
  await inSteps(sidecars, (sidecar) => {
    const clipping = clippingPathForSidecar(sidecar.path);
    if (clipping) add(sidecar.with({ path: clipping }), false);
  });
  await inSteps(textFiles, (uri) => add(uri, true));
  return [...files.values()];
}

/** Pairing files gives the event loop a turn this often (a thousand files take tens of milliseconds). */
const STEP_MS = 8;

async function inSteps<T>(items: readonly T[], visit: (item: T) => void): Promise<void> {
  const slices = new TimeSlices(STEP_MS);
  for (const item of items) {
    visit(item);
    await slices.check();
  }
}
