import * as vscode from 'vscode';
import { isRecord, UserFacingError } from '../annotations/commandTargets';
import { pickOne } from '../annotations/pickers';

/**
 * What the export and import commands are asked to do: read from a script's arguments, the
 * explorer item they were invoked on, or asked of the person with pickers and file dialogs.
 */

export const EXPORT_FORMATS = ['csv', 'jsonl', 'brat', 'webannotation'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  readonly format: ExportFormat;
  /** The folders and files to export; empty for the whole workspace. */
  readonly scopes: readonly vscode.Uri[];
  /** The file to write, or for brat the folder to fill. */
  readonly target: vscode.Uri;
  /** Asked interactively: the outcome is shown in a message. */
  readonly interactive: boolean;
}

/** The file extension of each single-file format; brat writes a folder. */
const FILE_EXTENSIONS: Readonly<Record<Exclude<ExportFormat, 'brat'>, string>> = { csv: 'csv', jsonl: 'jsonl', webannotation: 'jsonld' };

function formatLabel(format: ExportFormat): string {
  switch (format) {
    case 'csv':
      return vscode.l10n.t('CSV (spreadsheets)');
    case 'jsonl':
      return vscode.l10n.t('JSON Lines (lossless, can be imported again)');
    case 'brat':
      return vscode.l10n.t('brat standoff (brat, INCEpTION)');
    case 'webannotation':
      return vscode.l10n.t('W3C Web Annotation (JSON-LD)');
  }
}

/**
 * `{ format, scope?, target }` from a script; otherwise the explorer's item (and the other
 * selected ones) as the scope, and the rest asked. Undefined when the person cancels.
 */
export async function exportRequestFrom(argument: unknown, selected: unknown): Promise<ExportRequest | undefined> {
  if (isRecord(argument)) {
    const format = EXPORT_FORMATS.find((candidate) => candidate === argument.format);
    const target = uriArgument(argument.target);
    if (!format || !target) {
      throw new UserFacingError(vscode.l10n.t('Export needs a format ({0}) and a target.', EXPORT_FORMATS.join(', ')));
    }
    const scope = uriArgument(argument.scope);
    return { format, scopes: scope ? [scope] : [], target, interactive: false };
  }
  const scopes = explorerSelection(argument, selected) ?? (await askForScope());
  if (!scopes) return undefined;
  const format = await pickOne(EXPORT_FORMATS, formatLabel, vscode.l10n.t('Export annotations as'));
  const target = format && (await askForTarget(format));
  return format && target ? { format, scopes, target, interactive: true } : undefined;
}

/** `{ source }` from a script, the explorer's `.jsonl` file, or a file asked for. */
export async function importSourceFrom(argument: unknown): Promise<{ readonly source: vscode.Uri; readonly interactive: boolean } | undefined> {
  if (isRecord(argument)) {
    const source = uriArgument(argument.source);
    if (!source) throw new UserFacingError(vscode.l10n.t('Import needs a source: a JSON Lines export.'));
    return { source, interactive: false };
  }
  if (argument instanceof vscode.Uri) return { source: argument, interactive: true };
  const [source] =
    (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import annotations from a JSON Lines export'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    })) ?? [];
  return source && { source, interactive: true };
}

/** A Uri, or its string form (`file:///…`). */
function uriArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  return typeof value === 'string' && value.trim() !== '' ? vscode.Uri.parse(value.trim()) : undefined;
}

/** The explorer passes the clicked item, then every selected item (the clicked one included). */
function explorerSelection(argument: unknown, selected: unknown): vscode.Uri[] | undefined {
  if (!(argument instanceof vscode.Uri)) return undefined;
  const all = Array.isArray(selected) ? selected.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : [];
  return all.length > 0 ? all : [argument];
}

/** From the palette: the whole workspace, or only the clipping in the editor when there is one. */
async function askForScope(): Promise<vscode.Uri[] | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'clipping' || document.isUntitled) return [];
  const name = document.uri.path.split('/').pop() ?? '';
  const chosen = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Whole workspace'), scopes: [] },
      { label: vscode.l10n.t('This clipping: {0}', name), scopes: [document.uri] },
    ],
    { title: vscode.l10n.t('Export the annotations of'), ignoreFocusOut: true },
  );
  return chosen?.scopes;
}

async function askForTarget(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (format === 'brat') {
    const [chosen] =
      (await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Folder for the brat files'),
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: vscode.l10n.t('Export Here'),
        defaultUri: folder,
      })) ?? [];
    return chosen;
  }
  const extension = FILE_EXTENSIONS[format];
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export annotations'),
    defaultUri: folder && vscode.Uri.joinPath(folder, `annotations.${extension}`),
    filters: { [formatLabel(format)]: [extension] },
  });
}
