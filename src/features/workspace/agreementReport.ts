import * as vscode from 'vscode';
import { annotatorOf, authorsOf, compareAnnotators, type AgreementReport, type KappaResult } from '../../core/agreement';
import { clippingPathForSidecar, fileNameOf, POLARITIES, sidecarPathFor, SIDECAR_SUFFIX, type Annotation, type Sidecar, type Speaker } from '../../core/annotations';
import type { ReportDocument, ReportSection } from '../../core/summary';
import { describeAnnotation } from '../annotations/annotationLabels';
import { runAnnotationCommand } from '../annotations/commandErrors';
import { isRecord, UserFacingError } from '../annotations/commandTargets';
import { readTextFile } from '../annotations/fileIo';
import { BrokenFileError } from '../annotations/guardedYamlFile';
import { pickOne, polarityLabel } from '../annotations/pickers';
import { uriArgument, type ReportPanels, type ReportServices } from './reportWebview';

/** What `clippings.compareAnnotators` returns and "Save as JSON" writes. */
export interface AgreementResult extends AgreementReport {
  /** The sidecar files compared: two, or one whose authors were compared. */
  readonly sidecars: readonly string[];
  /** The clipping file names the sidecars record: two different ones mean the offsets may not be comparable. */
  readonly clippings: readonly string[];
}

/** Two sidecar files, or two authors of one. */
type Comparison = { readonly left: vscode.Uri; readonly right: vscode.Uri } | { readonly sidecar: vscode.Uri; readonly authors: readonly [string, string] };

/**
 * `clippings.compareAnnotators`: agreement between two annotators of one clipping.
 * - From the explorer with two sidecars selected: those two files.
 * - Scripted: `{ left, right }` (two sidecars) or `{ sidecar, authors: [a, b] }`, plus
 *   `saveTo` (a file to write the report to) and `view: 'markdown'`; resolves to the report data.
 * - Otherwise it asks: the sidecar (the active clipping's, or one picked), then another
 *   sidecar or two of its authors.
 */
export function registerAgreementReport(panels: ReportPanels, services: ReportServices): vscode.Disposable {
  return vscode.commands.registerCommand('clippings.compareAnnotators', (first?: unknown, selected?: unknown) =>
    runAnnotationCommand(services.log, () => compareCommand(panels, services, first, selected)),
  );
}

async function compareCommand(panels: ReportPanels, services: ReportServices, first: unknown, selected: unknown): Promise<AgreementResult | undefined> {
  const args = isRecord(first) ? first : {};
  const comparison = scriptedComparison(args) ?? selectedComparison(first, selected) ?? (await askComparison(services, first));
  if (!comparison) {
    return undefined;
  }
  const result = await compare(services, comparison);
  const firstSidecar = 'sidecar' in comparison ? comparison.sidecar : comparison.left;
  const speakers = await services.registry.speakersFor(clippingUriOf(firstSidecar));
  await panels.present(
    {
      kind: 'agreement',
      document: agreementDocument(result, speakers),
      data: result,
      fileName: `agreement-${result.clippings[0] ?? 'clipping'}`,
      folder: vscode.Uri.joinPath(firstSidecar, '..'),
    },
    args,
  );
  return result;
}

async function compare(services: ReportServices, comparison: Comparison): Promise<AgreementResult> {
  if ('sidecar' in comparison) {
    const sidecar = await readSidecar(services, comparison.sidecar);
    const [left, right] = comparison.authors.map((author) => annotatorOf(sidecar.annotations, author));
    return { ...compareAnnotators(left, right), sidecars: [comparison.sidecar.toString()], clippings: [sidecar.clipping] };
  }
  const [left, right] = await Promise.all([comparison.left, comparison.right].map((uri) => readSidecar(services, uri)));
  const [leftLabel, rightLabel] = fileLabels([comparison.left, left], [comparison.right, right]);
  return {
    ...compareAnnotators({ label: leftLabel, annotations: left.annotations }, { label: rightLabel, annotations: right.annotations }),
    sidecars: [comparison.left.toString(), comparison.right.toString()],
    clippings: [...new Set([left.clipping, right.clipping])],
  };
}

/** Each file's author when each has a single, different one (a colleague's copy); otherwise the files' paths. */
function fileLabels(...files: readonly (readonly [vscode.Uri, Sidecar])[]): string[] {
  const authors = files.map(([, sidecar]) => authorsOf(sidecar.annotations));
  const singleAuthors = authors.every((list) => list.length === 1) && new Set(authors.flat()).size === files.length;
  return singleAuthors ? authors.flat() : files.map(([uri]) => vscode.workspace.asRelativePath(uri));
}

function scriptedComparison(args: Record<string, unknown>): Comparison | undefined {
  const left = uriArgument(args.left);
  const right = uriArgument(args.right);
  if (left && right) {
    return { left, right };
  }
  const sidecar = uriArgument(args.sidecar);
  const authors = args.authors;
  if (sidecar && Array.isArray(authors) && authors.length === 2 && authors.every((author) => typeof author === 'string')) {
    return { sidecar, authors: [authors[0], authors[1]] };
  }
  if (left || right || sidecar) {
    throw new UserFacingError(vscode.l10n.t('Compare takes `{ left, right }` (two annotations files) or `{ sidecar, authors: [first, second] }`.'));
  }
  return undefined;
}

/** The explorer passes the clicked file and every selected one. */
function selectedComparison(first: unknown, selected: unknown): Comparison | undefined {
  const sidecars = Array.isArray(selected) ? selected.filter((uri): uri is vscode.Uri => uri instanceof vscode.Uri).map(sidecarUriOf) : [];
  if (sidecars.length > 2) {
    throw new UserFacingError(vscode.l10n.t('Select two annotations files to compare, not {0}.', sidecars.length));
  }
  return first instanceof vscode.Uri && sidecars.length === 2 ? { left: sidecars[0], right: sidecars[1] } : undefined;
}

async function askComparison(services: ReportServices, first: unknown): Promise<Comparison | undefined> {
  const sidecar = first instanceof vscode.Uri ? sidecarUriOf(first) : (activeSidecar() ?? (await pickSidecar(vscode.l10n.t('Compare the annotations of which file?'))));
  if (!sidecar) {
    return undefined;
  }
  const authors = authorsOf((await readSidecar(services, sidecar)).annotations);
  const others = (await workspaceSidecars()).filter((uri) => uri.toString() !== sidecar.toString());
  const twoAuthors = { label: vscode.l10n.t('$(person) Two authors in this file'), description: authors.join(', '), uri: undefined };
  const choice = await vscode.window.showQuickPick(
    [...(authors.length >= 2 ? [twoAuthors] : []), ...sidecarItems(sortedBySameClipping(others, sidecar))],
    { title: vscode.l10n.t('Compare {0} with…', vscode.workspace.asRelativePath(sidecar)), matchOnDescription: true },
  );
  if (!choice) {
    return undefined;
  }
  if (choice.uri) {
    return { left: sidecar, right: choice.uri };
  }
  const pair = await pickTwoAuthors(authors);
  return pair && { sidecar, authors: pair };
}

async function pickTwoAuthors(authors: readonly string[]): Promise<readonly [string, string] | undefined> {
  if (authors.length === 2) {
    return [authors[0], authors[1]];
  }
  const first = await pickOne(authors, (author) => author, vscode.l10n.t('First annotator'));
  const second = first && (await pickOne(authors.filter((author) => author !== first), (author) => author, vscode.l10n.t('Second annotator')));
  return first && second ? [first, second] : undefined;
}

async function pickSidecar(title: string): Promise<vscode.Uri | undefined> {
  const sidecars = await workspaceSidecars();
  if (sidecars.length === 0) {
    throw new UserFacingError(vscode.l10n.t('There are no annotations files in this workspace yet.'));
  }
  return (await vscode.window.showQuickPick(sidecarItems(sidecars), { title, matchOnDescription: true }))?.uri;
}

function sidecarItems(sidecars: readonly vscode.Uri[]): { label: string; description: string; uri: vscode.Uri }[] {
  return sidecars.map((uri) => ({ label: `$(file) ${fileNameOf(uri.path)}`, description: vscode.workspace.asRelativePath(uri), uri }));
}

/** Copies of the same clipping's sidecar first: the likeliest colleague's copy. */
function sortedBySameClipping(sidecars: readonly vscode.Uri[], like: vscode.Uri): vscode.Uri[] {
  const name = fileNameOf(like.path);
  return [...sidecars].sort((a, b) => Number(fileNameOf(b.path) === name) - Number(fileNameOf(a.path) === name));
}

async function workspaceSidecars(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**');
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The sidecar of the active editor's clipping, or the active sidecar itself. */
function activeSidecar(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.isUntitled) return undefined;
  if (document.uri.path.endsWith(SIDECAR_SUFFIX)) return document.uri;
  return document.languageId === 'clipping' ? sidecarUriOf(document.uri) : undefined;
}

/** A sidecar stays itself; a clipping gives its sidecar. */
function sidecarUriOf(uri: vscode.Uri): vscode.Uri {
  return uri.path.endsWith(SIDECAR_SUFFIX) ? uri : uri.with({ path: sidecarPathFor(uri.path) });
}

function clippingUriOf(sidecar: vscode.Uri): vscode.Uri {
  return sidecar.with({ path: clippingPathForSidecar(sidecar.path) ?? sidecar.path });
}

/** The sidecar read and parsed; a missing file is the person's to fix, a broken one names its line. */
async function readSidecar(services: ReportServices, uri: vscode.Uri): Promise<Sidecar> {
  const text = await readTextFile(uri);
  if (text === undefined) {
    throw new UserFacingError(vscode.l10n.t('There is no annotations file at {0}.', vscode.workspace.asRelativePath(uri)));
  }
  const parse = await services.sidecarParser.parse(text);
  if (!parse.ok) {
    throw new BrokenFileError(uri, parse.error);
  }
  return parse.model;
}

function agreementDocument(result: AgreementResult, speakers: readonly Speaker[]): ReportDocument {
  const { left, right } = result;
  const describe = (annotation: Annotation) => describeAnnotation(annotation, speakers);
  const unmatchedSection = (label: string, annotations: readonly Annotation[]): ReportSection => ({
    heading: vscode.l10n.t('Only {0}', label),
    blocks: annotations.length === 0 ? [{ kind: 'text', text: vscode.l10n.t('None.') }] : [{ kind: 'table', columns: [vscode.l10n.t('Quote'), vscode.l10n.t('Annotation')], rows: annotations.map((annotation) => [quoteOf(annotation), describe(annotation)]) }],
  });
  return {
    title: vscode.l10n.t('Agreement on {0}', result.clippings.join(', ')),
    sections: [
      overviewSection(result),
      confusionSection(result),
      {
        heading: vscode.l10n.t('Matched pairs'),
        blocks: [
          {
            kind: 'table',
            columns: [vscode.l10n.t('Quote'), left.label, right.label, vscode.l10n.t('Overlap')],
            rows: result.pairs.map((pair) => [pairQuote(pair.left, pair.right), describe(pair.left), describe(pair.right), decimal(pair.jaccard)]),
          },
        ],
      },
      unmatchedSection(left.label, result.unmatchedLeft),
      unmatchedSection(right.label, result.unmatchedRight),
    ],
  };
}

function overviewSection(result: AgreementResult): ReportSection {
  const counts = ({ label, counts: { total, speaker, stance, source } }: AgreementReport['left']): [string, string] => [
    vscode.l10n.t('Annotations by {0}', label),
    vscode.l10n.t('{0} ({1} speaker, {2} stance, {3} source)', total, speaker, stance, source),
  ];
  const differentClippings = result.clippings.length > 1 ? [{ kind: 'text' as const, text: vscode.l10n.t('These files annotate different clippings ({0}): their offsets may not be comparable.', result.clippings.join(', ')) }] : [];
  return {
    heading: vscode.l10n.t('Overview'),
    blocks: [
      ...differentClippings,
      {
        kind: 'facts',
        rows: [
          counts(result.left),
          counts(result.right),
          [vscode.l10n.t('Matched pairs (same type, span overlap ≥ {0})', result.threshold), result.pairs.length],
          [vscode.l10n.t('Only {0}', result.left.label), result.unmatchedLeft.length],
          [vscode.l10n.t('Only {0}', result.right.label), result.unmatchedRight.length],
          [vscode.l10n.t('Mean span overlap (Jaccard)'), optional(result.spans.meanJaccard, decimal)],
          [vscode.l10n.t('Exactly the same span'), optional(result.spans.exactRate, (rate) => share(rate, result.pairs.length))],
          [vscode.l10n.t('Same speaker'), optional(result.speakers.rate, (rate) => share(rate, result.speakers.pairs))],
          [vscode.l10n.t("Cohen's kappa on stance polarity"), kappaText(result.stances.kappa, result.stances.pairs)],
        ],
      },
    ],
  };
}

function confusionSection(result: AgreementResult): ReportSection {
  const { confusion } = result.stances;
  return {
    heading: vscode.l10n.t('Stance polarity of matched pairs'),
    blocks: [
      { kind: 'text', text: vscode.l10n.t('Rows: the polarity {0} chose; columns: the polarity {1} chose. Agreement is on the diagonal.', result.left.label, result.right.label) },
      {
        kind: 'table',
        columns: [result.left.label, ...POLARITIES.map(polarityLabel)],
        rows: POLARITIES.map((polarity, row) => [polarityLabel(polarity), ...confusion[row]]),
      },
    ],
  };
}

function kappaText(result: KappaResult, pairs: number): string {
  if (result.reason === 'no-pairs') {
    return vscode.l10n.t('none: no matched stance pairs');
  }
  if (result.reason === 'one-category') {
    return vscode.l10n.t('undefined: both annotators gave every one of the {0} pairs the same polarity (agreement 100%, but chance predicts it)', pairs);
  }
  return vscode.l10n.t('{0} ({1} pairs; observed agreement {2}, expected by chance {3})', decimal(result.kappa), pairs, percent(result.observed), percent(result.expected));
}

/** One quote when both tagged the same words, else both. */
function pairQuote(left: Annotation, right: Annotation): string {
  return left.anchor.quote === right.anchor.quote ? quoteOf(left) : `${quoteOf(left)} / ${quoteOf(right)}`;
}

function quoteOf(annotation: Annotation): string {
  const quote = annotation.anchor.quote.replace(/\s+/g, ' ');
  return quote.length > 120 ? `${quote.slice(0, 119)}…` : quote;
}

function optional(value: number | undefined, format: (value: number) => string): string {
  return value === undefined ? vscode.l10n.t('none: no matched pairs') : format(value);
}

function decimal(value: number): string {
  return value.toFixed(3);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function share(rate: number, of: number): string {
  return vscode.l10n.t('{0} ({1} of {2})', percent(rate), Math.round(rate * of), of);
}
