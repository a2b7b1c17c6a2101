import * as vscode from 'vscode';
import { clippingPathForSidecar, SIDECAR_SUFFIX } from '../../core/annotations';
import { excludeGlob, excludePatterns } from '../../core/index/excludes';
import { TimeSlices } from '../../core/index/timeSlices';
import { sidecarUriFor } from '../annotations/annotationStore';
import { walkInWorker, type IndexWorker } from './indexRequests';

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
 * Folders on disk are walked by the indexing worker (see WalkRequest), others searched with
 * VS Code's file search. Pairing the files found (a thousand take tens of milliseconds) runs
 * in `slices`' turns: the index's one slice for its work on the extension host's thread.
 */
export async function findClippingFiles(worker: IndexWorker, slices: TimeSlices, under?: vscode.Uri): Promise<ClippingFile[]> {
  if (!under) {
    const perFolder = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => filesOfFolder(worker, folder, '', slices)));
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
  return (await filesOfFolder(worker, folder, prefix, slices)).filter((file) => file.uri.toString().startsWith(below));
}

async function filesOfFolder(worker: IndexWorker, folder: vscode.WorkspaceFolder, prefix: string, slices: TimeSlices): Promise<ClippingFile[]> {
  const settings = [
    vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'),
    vscode.workspace.getConfiguration('search', folder.uri).get<Record<string, unknown>>('exclude'),
  ];
  const [clippings, sidecars, textFiles] = folder.uri.scheme === 'file' ? await walkFolder(worker, folder, prefix, excludePatterns(settings), slices) : await searchFolder(folder, prefix, excludeGlob(settings));
  // Tens of thousands of files take tens of milliseconds to pair: the event loop gets turns in between.
  const withSidecar = new Set<string>();
  await inSteps(slices, sidecars, (sidecar) => withSidecar.add(sidecar.with({ path: clippingPathForSidecar(sidecar.path) ?? sidecar.path }).toString()));
  const files = new Map<string, ClippingFile>();
  const add = (uri: vscode.Uri, detect: boolean) => {
    const key = uri.toString();
    if (!files.has(key)) files.set(key, { uri, sidecar: withSidecar.has(key) ? sidecarUriFor(uri) : undefined, detect: detect && !withSidecar.has(key) });
  };
  await inSteps(slices, clippings, (uri) => add(uri, false));
  // A sidecar says its file is read as a clipping, whatever its extension.
  await inSteps(slices, sidecars, (sidecar) => {
    const clipping = clippingPathForSidecar(sidecar.path);
    if (clipping) add(sidecar.with({ path: clipping }), false);
  });
  await inSteps(slices, textFiles, (uri) => add(uri, true));
  return [...files.values()];
}

type FoundFiles = readonly [clippings: readonly vscode.Uri[], sidecars: readonly vscode.Uri[], textFiles: readonly vscode.Uri[]];

function searchFolder(folder: vscode.WorkspaceFolder, prefix: string, exclude: string | undefined): Promise<FoundFiles> {
  // An exclude pattern replaces the default excludes; `null` for none keeps them off as well.
  const find = (glob: string) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, prefix + glob), exclude ?? null);
  return Promise.all([find(CLIPPING_GLOB), find(SIDECAR_GLOB), scansTextFiles() ? find(TEXT_GLOB) : []]);
}

async function walkFolder(worker: IndexWorker, folder: vscode.WorkspaceFolder, prefix: string, exclude: readonly string[], slices: TimeSlices): Promise<FoundFiles> {
  const walked = await walkInWorker(worker, { root: folder.uri.fsPath, under: prefix, exclude, textFiles: scansTextFiles() });
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  const toUris = async (paths: readonly string[]) => {
    const uris: vscode.Uri[] = [];
    await inSteps(slices, paths, (path) => uris.push(folder.uri.with({ path: root + path })));
    return uris;
  };
  return [await toUris(walked.clippings), await toUris(walked.sidecars), await toUris(walked.textFiles)];
}

/** Visits each item, in `slices`' turns: shared with the index's other work, so that pieces ready in the same turn of the event loop count together. */
async function inSteps<T>(slices: TimeSlices, items: readonly T[], visit: (item: T) => void): Promise<void> {
  for (const item of items) {
    visit(item);
    await slices.turn();
  }
}
