import * as vscode from 'vscode';
import {
  POLARITIES,
  reviseAnnotation,
  SOURCE_KINDS,
  type Annotation,
  type AnnotationRevision,
  type Speaker,
} from '../../core/annotations';
import type { ClippingAnnotations } from './clippingAnnotations';
import { describeAnnotation, iconOf } from './annotationLabels';
import { annotationsAt } from './annotationGroups';
import { runAnnotationCommand } from './commandErrors';
import { isRecord, resolveTarget, stringArgument, UserFacingError } from './commandTargets';
import { pickOne, pickOrType, polarityLabel, promptText, sourceKindLabel } from './pickers';
import { pickSpeaker, speakerFromArgument } from './speakerPicker';
import type { TagServices } from './tagCommands';

/**
 * Editing, removing and undoing annotations, and opening the sidecar. `editAnnotation` and
 * `removeAnnotation` take `{ uri, id }` (hover links pass that); without an id they act on
 * the annotation under the cursor, asking when there are several.
 */
export function registerAnnotationCommands(services: TagServices): vscode.Disposable {
  const run = <T>(command: () => Promise<T>) => runAnnotationCommand(services.log, command);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('clippings.editAnnotation', (args?: unknown) => run(() => editAnnotation(services, recordOf(args)))),
    vscode.commands.registerCommand('clippings.removeAnnotation', (args?: unknown) => run(() => removeAnnotation(services, recordOf(args)))),
    vscode.commands.registerCommand('clippings.undoAnnotation', (args?: unknown) => run(() => undoAnnotation(services, recordOf(args)))),
    vscode.commands.registerCommand('clippings.openSidecar', (args?: unknown) => run(() => openSidecar(services, recordOf(args)))),
  );
}

function recordOf(args: unknown): Record<string, unknown> {
  return args instanceof vscode.Uri ? { uri: args } : isRecord(args) ? args : {};
}

async function chooseAnnotation(services: TagServices, args: Record<string, unknown>, title: string) {
  const target = await resolveTarget(args, { rangeRequired: false });
  const annotations = await services.store.annotationsOf(target.document);
  const id = stringArgument(args, 'id');
  if (id) {
    const annotation = annotations.find(id);
    if (!annotation) {
      throw new UserFacingError(vscode.l10n.t('There is no annotation {0} in this clipping.', id));
    }
    return { annotations, annotation, document: target.document };
  }
  const offset = target.document.offsetAt(target.range.start);
  const here = annotationsAt(annotations.annotations, offset);
  const candidates = here.length > 0 ? here : annotations.annotations;
  if (candidates.length === 0) {
    throw new UserFacingError(vscode.l10n.t('This clipping has no annotations yet.'));
  }
  const speakers = await services.registry.speakersFor(target.document.uri);
  const annotation = candidates.length === 1 ? candidates[0] : await pickAnnotation(candidates, speakers, title);
  return annotation && { annotations, annotation, document: target.document };
}

async function pickAnnotation(candidates: readonly Annotation[], speakers: readonly Speaker[], title: string): Promise<Annotation | undefined> {
  const chosen = await vscode.window.showQuickPick(
    candidates.map((annotation) => ({
      label: `${iconOf(annotation)} ${describeAnnotation(annotation, speakers)}`,
      detail: `«${annotation.anchor.quote.slice(0, 120)}»${annotation.anchor.orphaned ? ` — ${vscode.l10n.t('orphaned')}` : ''}`,
      annotation,
    })),
    { title, matchOnDetail: true },
  );
  return chosen?.annotation;
}

async function removeAnnotation(services: TagServices, args: Record<string, unknown>): Promise<string | undefined> {
  const chosen = await chooseAnnotation(services, args, vscode.l10n.t('Remove which annotation?'));
  if (!chosen) {
    return undefined;
  }
  await chosen.annotations.remove(chosen.annotation.id);
  return chosen.annotation.id;
}

async function editAnnotation(services: TagServices, args: Record<string, unknown>): Promise<string | undefined> {
  const chosen = await chooseAnnotation(services, args, vscode.l10n.t('Edit which annotation?'));
  if (!chosen) {
    return undefined;
  }
  const changes = hasChanges(args) ? await changesFromArguments(services, chosen.document.uri, args) : await askChanges(services, chosen.document.uri, chosen.annotation);
  if (!changes) {
    return undefined;
  }
  await chosen.annotations.replace(reviseAnnotation(chosen.annotation, changes as AnnotationRevision<Annotation>, () => new Date()));
  return chosen.annotation.id;
}

const EDITABLE = ['speaker', 'kind', 'cue', 'holder', 'target', 'polarity', 'note', 'outlet', 'agencies', 'writer'] as const;
type Changes = Partial<Record<(typeof EDITABLE)[number], unknown>>;

function hasChanges(args: Record<string, unknown>): boolean {
  return EDITABLE.some((key) => key in args);
}

/** Scripted edits: the fields given, with speaker and holder resolved like when tagging. */
async function changesFromArguments(services: TagServices, clipping: vscode.Uri, args: Record<string, unknown>): Promise<Changes> {
  const changes: Changes = {};
  for (const key of EDITABLE) {
    if (key in args) {
      changes[key] = args[key];
    }
  }
  for (const key of ['speaker', 'holder'] as const) {
    const named = stringArgument(args, key);
    if (named) {
      changes[key] = (await speakerFromArgument(services.registry, clipping, named)).id;
    }
  }
  return changes;
}

/** One field at a time, chosen from a list that shows the current values. */
async function askChanges(services: TagServices, clipping: vscode.Uri, annotation: Annotation): Promise<Changes | undefined> {
  const speakers = await services.registry.speakersFor(clipping);
  const fields = editableFields(annotation);
  const field = await vscode.window.showQuickPick(
    fields.map(([key, label, current]) => ({ label, description: current, key })),
    { title: describeAnnotation(annotation, speakers) },
  );
  if (!field) {
    return undefined;
  }
  const value = await askField(services, clipping, field.key, field.description ?? '');
  return value === undefined ? undefined : { [field.key]: value };
}

function editableFields(annotation: Annotation): [keyof Changes, string, string][] {
  switch (annotation.type) {
    case 'speaker':
      return [
        ['speaker', vscode.l10n.t('Speaker'), annotation.speaker],
        ['kind', vscode.l10n.t('Kind of speech'), annotation.kind],
      ];
    case 'stance':
      return [
        ['holder', vscode.l10n.t('Holder'), annotation.holder],
        ['target', vscode.l10n.t('Target'), annotation.target],
        ['polarity', vscode.l10n.t('Polarity'), polarityLabel(annotation.polarity)],
        ['note', vscode.l10n.t('Note'), annotation.note ?? ''],
      ];
    case 'source':
      return [
        ['outlet', vscode.l10n.t('Outlet'), annotation.outlet ?? ''],
        ['kind', vscode.l10n.t('Kind of source'), sourceKindLabel(annotation.kind)],
        ['agencies', vscode.l10n.t('Agencies'), (annotation.agencies ?? []).join(', ')],
        ['writer', vscode.l10n.t('Author of the article'), annotation.writer ?? ''],
      ];
  }
}

async function askField(services: TagServices, clipping: vscode.Uri, key: keyof Changes, current: string): Promise<unknown> {
  switch (key) {
    case 'speaker':
    case 'holder':
      return (await pickSpeaker(services.registry, clipping, { title: vscode.l10n.t('Who?'), initialQuery: '' }))?.id;
    case 'polarity':
      return pickOne(POLARITIES, polarityLabel, vscode.l10n.t('Polarity'));
    case 'kind':
      return current === 'direct' || current === 'reported'
        ? pickOne(['direct', 'reported'] as const, (kind) => (kind === 'direct' ? vscode.l10n.t('direct speech') : vscode.l10n.t('reported speech')), vscode.l10n.t('Kind of speech'))
        : pickOne(SOURCE_KINDS, sourceKindLabel, vscode.l10n.t('Kind of source'));
    case 'target':
      return pickOrType(services.recentTargets.list(), vscode.l10n.t('Stance on what?'), current);
    case 'agencies': {
      const text = await promptText(vscode.l10n.t('Agencies, separated by commas'), current);
      return text?.split(/[,،]/).map((part) => part.trim()).filter(Boolean);
    }
    default:
      return promptText(key, current);
  }
}

async function undoAnnotation(services: TagServices, args: Record<string, unknown>): Promise<boolean> {
  const target = await resolveTarget(args, { rangeRequired: false });
  const annotations: ClippingAnnotations = await services.store.annotationsOf(target.document);
  const undone = await annotations.undo();
  if (!undone) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No annotation change to undo in this clipping.'));
  }
  return undone;
}

async function openSidecar(services: TagServices, args: Record<string, unknown>): Promise<vscode.Uri> {
  const target = await resolveTarget(args, { rangeRequired: false });
  const annotations = await services.store.annotationsOf(target.document);
  const exists = await vscode.workspace.fs.stat(annotations.sidecarUri).then(() => true, () => false);
  if (!exists) {
    throw new UserFacingError(vscode.l10n.t('This clipping has no annotations file yet: tag something first.'));
  }
  await vscode.window.showTextDocument(annotations.sidecarUri, { viewColumn: vscode.ViewColumn.Beside });
  return annotations.sidecarUri;
}
