import * as vscode from 'vscode';
import { clippingPathForSidecar, POLARITIES, type AttributionKind } from '../../core/annotations';
import { summarize, type ReportBlock, type ReportDocument, type ReportSection, type Summary } from '../../core/summary';
import { runAnnotationCommand } from '../annotations/commandErrors';
import { isRecord } from '../annotations/commandTargets';
import { polarityLabel, sourceKindLabel } from '../annotations/pickers';
import { uriArgument, type ReportPanels, type ReportServices } from './reportWebview';
import type { WorkspaceIndex } from './workspaceIndex';

/** What `clippings.showSummary` returns and "Save as JSON" writes. */
export interface SummaryResult extends Summary {
  /** The folder or clipping summarized; undefined for the whole workspace. */
  readonly scope: string | undefined;
}

/**
 * `clippings.showSummary`: speakers, stances and sources of one clipping, a folder or the
 * workspace, read from the workspace index.
 * - From the explorer: the clicked folder or clipping (a sidecar stands for its clipping).
 * - Scripted: `{ scope?: uri }` (no scope: the workspace), plus `saveTo` and `view: 'markdown'`
 *   as for the agreement report; resolves to the summary data.
 * - From the palette: the active clipping or the workspace, as the person picks.
 */
export function registerSummaryReport(index: WorkspaceIndex, panels: ReportPanels, services: ReportServices): vscode.Disposable {
  return vscode.commands.registerCommand('clippings.showSummary', (args?: unknown) => runAnnotationCommand(services.log, () => summaryCommand(index, panels, args)));
}

/** A scope to summarize; `uri` undefined means the whole workspace. */
interface Scope {
  readonly uri: vscode.Uri | undefined;
}

async function summaryCommand(index: WorkspaceIndex, panels: ReportPanels, args: unknown): Promise<SummaryResult | undefined> {
  const scope = args instanceof vscode.Uri ? { uri: clippingOrFolder(args) } : isRecord(args) ? { uri: uriArgument(args.scope) } : await askScope();
  if (!scope) {
    return undefined;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing the clippings of the workspace…') }, () => index.ready);
  const clippings = index.clippings(scope.uri);
  const name = scopeName(scope.uri);
  const result: SummaryResult = { scope: scope.uri?.toString(), ...summarize(clippings, index.speakerOf) };
  await panels.present(
    {
      kind: 'summary',
      document: summaryDocument(result, name),
      data: result,
      fileName: `summary-${name.replace(/[\\/:*?"<>|]+/g, '-')}`,
      folder: scope.uri && (clippings.length === 1 ? vscode.Uri.joinPath(scope.uri, '..') : scope.uri),
    },
    isRecord(args) ? args : {},
  );
  return result;
}

async function askScope(): Promise<Scope | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  const clipping = document && !document.isUntitled && document.languageId === 'clipping' ? document.uri : undefined;
  if (!clipping) {
    return { uri: undefined };
  }
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('This clipping: {0}', scopeName(clipping)), uri: clipping },
      { label: vscode.l10n.t('Whole workspace'), uri: undefined },
    ],
    { title: vscode.l10n.t('Summarize which clippings?') },
  );
  return choice && { uri: choice.uri };
}

/** A sidecar stands for its clipping. */
function clippingOrFolder(uri: vscode.Uri): vscode.Uri {
  const clipping = clippingPathForSidecar(uri.path);
  return clipping === undefined ? uri : uri.with({ path: clipping });
}

function scopeName(uri: vscode.Uri | undefined): string {
  if (!uri) {
    return vscode.workspace.name ?? vscode.l10n.t('Workspace');
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder && folder.uri.toString() === uri.toString() ? folder.name : vscode.workspace.asRelativePath(uri);
}

function summaryDocument(summary: SummaryResult, name: string): ReportDocument {
  return {
    title: vscode.l10n.t('Summary: {0}', name),
    sections: [overviewSection(summary), stanceSection(summary), speakerSection(summary), sourceSection(summary), clippingSection(summary)],
  };
}

function overviewSection(summary: Summary): ReportSection {
  const sum = (count: (line: Summary['clippings'][number]) => number) => summary.clippings.reduce((total, line) => total + count(line), 0);
  const unreadable = summary.clippings.filter((line) => line.sidecarProblem !== undefined).length;
  return {
    heading: vscode.l10n.t('Overview'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [vscode.l10n.t('Clippings'), summary.clippings.length],
          [vscode.l10n.t('Articles'), summary.articles],
          [vscode.l10n.t('Speaker tags'), sum((line) => line.speakerTags)],
          [vscode.l10n.t('Stance tags'), sum((line) => line.stanceTags)],
          [vscode.l10n.t('Source tags'), sum((line) => line.sourceTags)],
          ...(unreadable > 0 ? [[vscode.l10n.t('Clippings whose annotations could not be read'), unreadable] as const] : []),
        ],
      },
    ],
  };
}

function stanceSection(summary: Summary): ReportSection {
  const polarityColumns = POLARITIES.map(polarityLabel);
  return {
    heading: vscode.l10n.t('Stances'),
    blocks: orNone(summary.stances.length, [
      {
        kind: 'bars',
        rowHeading: vscode.l10n.t('Holder'),
        categories: POLARITIES.map((polarity) => ({ key: polarity, label: polarityLabel(polarity) })),
        rows: summary.holders.map((holder) => ({ label: holder.name, counts: POLARITIES.map((polarity) => holder.counts[polarity]) })),
      },
      {
        kind: 'table',
        columns: [vscode.l10n.t('Holder'), vscode.l10n.t('Target'), ...polarityColumns],
        rows: summary.stances.map((line) => [line.holderName, line.target, ...POLARITIES.map((polarity) => line.counts[polarity])]),
      },
    ]),
  };
}

function speakerSection(summary: Summary): ReportSection {
  const kinds: readonly AttributionKind[] = ['direct', 'reported'];
  return {
    heading: vscode.l10n.t('Speakers'),
    blocks: orNone(summary.speakers.length, [
      {
        kind: 'bars',
        rowHeading: vscode.l10n.t('Speaker'),
        categories: kinds.map((kind) => ({ key: kind, label: kind === 'direct' ? vscode.l10n.t('direct speech') : vscode.l10n.t('reported speech') })),
        rows: summary.speakers.map((speaker) => ({ label: speaker.name, counts: kinds.map((kind) => speaker[kind]) })),
      },
    ]),
  };
}

function sourceSection(summary: Summary): ReportSection {
  const outlet = (name: string | undefined) => name ?? vscode.l10n.t('(no outlet named)');
  return {
    heading: vscode.l10n.t('Sources'),
    blocks: orNone(summary.sources.length, [
      { kind: 'table', columns: [vscode.l10n.t('Kind of source'), vscode.l10n.t('Tags')], rows: summary.sourceKinds.map((line) => [sourceKindLabel(line.kind), line.count]) },
      {
        kind: 'table',
        columns: [vscode.l10n.t('Outlet'), vscode.l10n.t('Kind of source'), vscode.l10n.t('Tags')],
        rows: summary.sources.map((line) => [outlet(line.outlet), sourceKindLabel(line.kind), line.count]),
      },
      summary.citations.length === 0
        ? { kind: 'text', text: vscode.l10n.t('No source tag names an agency.') }
        : { kind: 'table', columns: [vscode.l10n.t('Outlet'), vscode.l10n.t('Cites agency'), vscode.l10n.t('Tags')], rows: summary.citations.map((line) => [outlet(line.outlet), line.agency, line.count]) },
    ]),
  };
}

function clippingSection(summary: Summary): ReportSection {
  // The problem column only when some sidecar could not be read.
  const withProblems = summary.clippings.some((line) => line.sidecarProblem !== undefined);
  return {
    heading: vscode.l10n.t('Clippings'),
    blocks: [
      {
        kind: 'table',
        columns: [vscode.l10n.t('File'), vscode.l10n.t('Articles'), vscode.l10n.t('Speaker tags'), vscode.l10n.t('Stance tags'), vscode.l10n.t('Source tags'), ...(withProblems ? [vscode.l10n.t('Problem')] : [])],
        rows: summary.clippings.map((line) => [line.relativePath, line.articles, line.speakerTags, line.stanceTags, line.sourceTags, ...(withProblems ? [line.sidecarProblem ?? ''] : [])]),
      },
    ],
  };
}

/** The blocks, or a line saying there is nothing to show. */
function orNone(count: number, blocks: readonly ReportBlock[]): readonly ReportBlock[] {
  return count > 0 ? blocks : [{ kind: 'text', text: vscode.l10n.t('None tagged.') }];
}
