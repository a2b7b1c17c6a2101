import * as vscode from 'vscode';
import {
  BRAT_CONFIGURATION,
  BRAT_CONFIGURATION_FILE,
  bratDocument,
  bratPathsFor,
  clippingRows,
  concatChunks,
  csvLines,
  exportRows,
  jsonLines,
  mergeIntoSidecar,
  parseJsonLines,
  utf8Chunks,
  webAnnotationCollection,
  webAnnotations,
  type ImportedClipping,
  type ExportRow,
  type ImportProblem,
  type WebAnnotation,
} from '../../core/export';
import { annotationCount, type IndexedClipping, type SpeakerLookup } from '../../core/workspaceModel';
import { sidecarUriFor } from '../annotations/annotationStore';
import { runAnnotationCommand } from '../annotations/commandErrors';
import { UserFacingError } from '../annotations/commandTargets';
import { readTextFile, writeTextFileAtomically } from '../annotations/fileIo';
import { exportRequestFrom, importSourceFrom, type ExportFormat, type ExportRequest } from './exportRequests';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * `clippings.exportAnnotations` writes the annotations of the workspace, a folder or a file
 * from the workspace index as CSV, JSON Lines, brat standoff or W3C Web Annotation; scripts
 * pass `{ format, scope?, target }` and get the written files' URIs.
 * `clippings.importAnnotations` brings a JSON Lines export back into the sidecars without
 * overwriting anything; scripts pass `{ source }` and get an ImportSummary.
 * docs/export.md describes the formats.
 */
export function registerExportCommands(index: WorkspaceIndex, log: vscode.LogOutputChannel): vscode.Disposable {
  const run = <T>(command: () => Promise<T>) => runAnnotationCommand(log, command);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('clippings.exportAnnotations', (argument?: unknown, selected?: unknown) =>
      run(() => exportAnnotations(index, log, argument, selected)),
    ),
    vscode.commands.registerCommand('clippings.importAnnotations', (argument?: unknown) => run(() => importAnnotations(log, argument))),
  );
}

/** What an export wrote. */
interface Written {
  readonly files: readonly vscode.Uri[];
  readonly annotations: number;
  /** Annotations whose words are not at their offsets (orphaned, or the clipping changed): brat leaves them out, Web Annotation gives them no position. */
  readonly unplaced: number;
}

interface WriterContext {
  readonly speakerOf: SpeakerLookup;
  /** Moves the progress notification on by `percent` of the whole export. */
  readonly advance: (percent: number) => void;
}

type Writer = (clippings: readonly IndexedClipping[], target: vscode.Uri, context: WriterContext) => Promise<Written>;

const WRITERS: Readonly<Record<ExportFormat, Writer>> = {
  csv: (clippings, target, context) => writeLines(clippings, target, context, csvLines),
  jsonl: (clippings, target, context) => writeLines(clippings, target, context, jsonLines),
  brat: writeBrat,
  webannotation: writeWebAnnotation,
};

async function exportAnnotations(index: WorkspaceIndex, log: vscode.LogOutputChannel, argument: unknown, selected: unknown): Promise<vscode.Uri[]> {
  const request = await exportRequestFrom(argument, selected);
  if (!request) return [];
  const { written, clippings } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting annotations') },
    async (progress) => {
      progress.report({ message: vscode.l10n.t('reading the workspace…') });
      await index.ready;
      const clippings = clippingsIn(index, request.scopes);
      progress.report({ message: vscode.l10n.t('writing…') });
      const advance = (percent: number) => progress.report({ increment: percent });
      return { written: await WRITERS[request.format](clippings, request.target, { speakerOf: index.speakerOf, advance }), clippings };
    },
  );
  reportExport(log, request, written, clippings);
  return [...written.files];
}

/** The indexed clippings under any of `scopes` (all of them for none), each once. */
function clippingsIn(index: WorkspaceIndex, scopes: readonly vscode.Uri[]): IndexedClipping[] {
  if (scopes.length === 0) return [...index.clippings()];
  const byUri = new Map(scopes.flatMap((scope) => index.clippings(scope)).map((clipping) => [clipping.uri, clipping]));
  return [...byUri.values()];
}

const annotationTotal = (clippings: readonly IndexedClipping[]) => clippings.reduce((total, clipping) => total + annotationCount(clipping), 0);

/**
 * A CSV or JSON Lines file. A million annotations take seconds to write out, so the extension
 * host is let go between megabytes: other extensions and the progress notification go on.
 */
async function writeLines(
  clippings: readonly IndexedClipping[],
  target: vscode.Uri,
  context: WriterContext,
  linesOf: (rows: Iterable<ExportRow>) => Iterable<string>,
): Promise<Written> {
  const total = annotationTotal(clippings);
  const percentPerRow = total > 0 ? 100 / total : 0;
  let done = 0;
  let reported = 0;
  const chunks: Uint8Array[] = [];
  for (const chunk of utf8Chunks(linesOf(counting(exportRows(clippings, context.speakerOf), () => done++)))) {
    chunks.push(chunk);
    context.advance((done - reported) * percentPerRow);
    reported = done;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await vscode.workspace.fs.writeFile(target, concatChunks(chunks));
  return { files: [target], annotations: total, unplaced: 0 };
}

function* counting<T>(items: Iterable<T>, onItem: () => void): Generator<T> {
  for (const item of items) {
    onItem();
    yield item;
  }
}

/** A `.txt` and an `.ann` per clipping (annotated or not, to annotate further in brat), and the configuration. */
async function writeBrat(clippings: readonly IndexedClipping[], target: vscode.Uri, context: WriterContext): Promise<Written> {
  const files: vscode.Uri[] = [];
  let annotations = 0;
  let unplaced = 0;
  for (const clipping of clippings) {
    const text = await readTextFile(vscode.Uri.parse(clipping.uri));
    if (text !== undefined) {
      const rows = clippingRows(clipping, context.speakerOf);
      const document = bratDocument(text, rows);
      const paths = bratPathsFor(clipping.relativePath);
      files.push(await writeText(vscode.Uri.joinPath(target, paths.text), document.text), await writeText(vscode.Uri.joinPath(target, paths.annotations), document.annotations));
      annotations += rows.length - document.skipped.length;
      unplaced += document.skipped.length;
    }
    context.advance(100 / clippings.length);
  }
  files.push(await writeText(vscode.Uri.joinPath(target, BRAT_CONFIGURATION_FILE), BRAT_CONFIGURATION));
  return { files, annotations, unplaced };
}

async function writeWebAnnotation(clippings: readonly IndexedClipping[], target: vscode.Uri, context: WriterContext): Promise<Written> {
  const items: WebAnnotation[] = [];
  const annotated = clippings.filter((clipping) => annotationCount(clipping) > 0);
  for (const clipping of annotated) {
    // Without its text, a clipping's annotations keep their quotes but get no positions.
    const text = (await readTextFile(vscode.Uri.parse(clipping.uri))) ?? '';
    items.push(...webAnnotations(text, clippingRows(clipping, context.speakerOf)));
    context.advance(100 / annotated.length);
  }
  const label = vscode.l10n.t('Annotations of {0}', vscode.workspace.name ?? vscode.l10n.t('Press Clippings'));
  await writeText(target, JSON.stringify(webAnnotationCollection(target.toString(), label, items), null, 2) + '\n');
  const unplaced = items.filter((item) => !item.target.selector.some((selector) => selector.type === 'TextPositionSelector')).length;
  return { files: [target], annotations: items.length, unplaced };
}

async function writeText(uri: vscode.Uri, text: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

function reportExport(log: vscode.LogOutputChannel, request: ExportRequest, written: Written, clippings: readonly IndexedClipping[]): void {
  const broken = clippings.filter((clipping) => clipping.sidecarProblem !== undefined);
  log.info(`export ${request.format}: ${written.annotations} annotations of ${clippings.length} clippings to ${request.target.toString(true)}; ${written.unplaced} not at their place`);
  broken.forEach((clipping) => log.warn(`export: left out the annotations of ${clipping.relativePath}: ${clipping.sidecarProblem}`));
  if (!request.interactive) return;
  const notes = [
    vscode.l10n.t('Exported {0} annotations of {1} clippings.', written.annotations, clippings.length),
    ...(written.unplaced > 0
      ? [
          request.format === 'brat'
            ? vscode.l10n.t('{0} annotations whose words are no longer at their place were left out.', written.unplaced)
            : vscode.l10n.t('{0} annotations whose words are no longer at their place have no position.', written.unplaced),
        ]
      : []),
    ...(broken.length > 0 ? [vscode.l10n.t('{0} clippings were left out: their annotation files have errors.', broken.length)] : []),
  ];
  void showMessage(notes.join(' '), written.unplaced > 0 || broken.length > 0, log);
}

/** What an import did; scripts get it as the command's result. */
export interface ImportSummary {
  readonly added: number;
  /** Annotations the sidecars already held, the same. */
  readonly unchanged: number;
  /** Ids the sidecars already held with other content: not imported. */
  readonly conflicts: readonly { readonly file: string; readonly id: string }[];
  readonly invalidLines: readonly ImportProblem[];
  /** Files of the export with no such clipping in any workspace folder. */
  readonly missingClippings: readonly string[];
  /** Clippings whose sidecar does not parse: left untouched. */
  readonly brokenSidecars: readonly string[];
  readonly sidecarsWritten: readonly string[];
}

async function importAnnotations(log: vscode.LogOutputChannel, argument: unknown): Promise<ImportSummary | undefined> {
  const request = await importSourceFrom(argument);
  if (!request) return undefined;
  const text = await readTextFile(request.source);
  if (text === undefined) {
    throw new UserFacingError(vscode.l10n.t('There is no file {0}.', request.source.toString(true)));
  }
  const { clippings, problems } = parseJsonLines(text);
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing annotations') },
    () => importClippings(clippings, problems),
  );
  reportImport(log, request, summary);
  return summary;
}

async function importClippings(clippings: readonly ImportedClipping[], invalidLines: readonly ImportProblem[]): Promise<ImportSummary> {
  const summary = { added: 0, unchanged: 0, conflicts: [] as { file: string; id: string }[], invalidLines, missingClippings: [] as string[], brokenSidecars: [] as string[], sidecarsWritten: [] as string[] };
  for (const { file, sidecar } of clippings) {
    const clipping = await clippingUriFor(file);
    if (!clipping) {
      summary.missingClippings.push(file);
      continue;
    }
    const sidecarUri = sidecarUriFor(clipping);
    const current = await readTextFile(sidecarUri);
    const merge = mergeIntoSidecar(current, sidecar);
    if (!merge.ok) {
      summary.brokenSidecars.push(file);
      continue;
    }
    if (merge.added.length > 0) {
      // The annotation store's watcher reads the new text into any open editor of the clipping.
      await writeTextFileAtomically(sidecarUri, merge.text);
      summary.sidecarsWritten.push(sidecarUri.toString());
    }
    summary.added += merge.added.length;
    summary.unchanged += merge.unchanged.length;
    summary.conflicts.push(...merge.conflicts.map((id) => ({ file, id })));
  }
  return summary;
}

/** The clipping at `file` in the first workspace folder that has it. */
async function clippingUriFor(file: string): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, file);
    const isFile = await vscode.workspace.fs.stat(candidate).then(
      (stat) => (stat.type & vscode.FileType.File) !== 0,
      () => false,
    );
    if (isFile) return candidate;
  }
  return undefined;
}

function reportImport(log: vscode.LogOutputChannel, request: { readonly source: vscode.Uri; readonly interactive: boolean }, summary: ImportSummary): void {
  log.info(`import ${request.source.toString(true)}: ${summary.added} added to ${summary.sidecarsWritten.length} sidecars, ${summary.unchanged} already there`);
  summary.invalidLines.forEach((problem) => log.warn(`import: line ${problem.line} left out: ${problem.message}`));
  summary.conflicts.forEach(({ file, id }) => log.warn(`import: ${file} already has an annotation ${id} with other content; kept it`));
  summary.missingClippings.forEach((file) => log.warn(`import: no clipping ${file} in the workspace`));
  summary.brokenSidecars.forEach((file) => log.warn(`import: the annotation file of ${file} has errors; left it as it is`));
  if (!request.interactive) return;
  const leftOut = summary.invalidLines.length + summary.conflicts.length + summary.missingClippings.length + summary.brokenSidecars.length;
  const message = [
    vscode.l10n.t('Imported {0} annotations into {1} clippings; {2} were already there.', summary.added, summary.sidecarsWritten.length, summary.unchanged),
    ...(leftOut > 0 ? [vscode.l10n.t('{0} could not be imported: conflicting, invalid, or without their clipping.', leftOut)] : []),
  ].join(' ');
  void showMessage(message, leftOut > 0, log);
}

/** A message; with a warning, a button to the output channel where the details are. */
async function showMessage(message: string, warning: boolean, log: vscode.LogOutputChannel): Promise<void> {
  if (!warning) {
    await vscode.window.showInformationMessage(message);
    return;
  }
  const details = vscode.l10n.t('Show Details');
  if ((await vscode.window.showWarningMessage(message, details)) === details) log.show();
}
