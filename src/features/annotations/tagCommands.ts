import * as vscode from 'vscode';
import {
  createAnnotation,
  POLARITIES,
  SOURCE_KINDS,
  suggestSpeakerForLine,
  type AttributionKind,
  type Polarity,
  type SourceKind,
  type Speaker,
} from '../../core/annotations';
import type { ClippingParseCache } from '../parseCache';
import { articleAtCaret } from '../../core/articleLookup';
import type { AnnotationStore } from './annotationStore';
import { anchorFor, authoringContext, isRecord, resolveTarget, stringArgument, trimmedOffsets, UserFacingError, type CommandTarget } from './commandTargets';
import { pickSpeaker, speakerFromArgument } from './speakerPicker';
import type { SpeakerRegistryStore } from './speakerRegistry';
import { pickOne, pickOrType, polarityLabel, promptText, sourceKindLabel } from './pickers';
import { runAnnotationCommand } from './commandErrors';
import { RecentTargets } from './recentTargets';

export interface TagServices {
  readonly parses: ClippingParseCache;
  readonly store: AnnotationStore;
  readonly registry: SpeakerRegistryStore;
  readonly recentTargets: RecentTargets;
  readonly log: vscode.LogOutputChannel;
}

/**
 * The three tagging commands. Without arguments they work from the selection through quick
 * picks; with an argument object they run without any UI. Each resolves to the new
 * annotation's id, or undefined when cancelled or refused (the reason is shown).
 */
export function registerTagCommands(services: TagServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('clippings.tagSpeaker', (args?: unknown) => runAnnotationCommand(services.log, () => tagSpeaker(services, argsOf(args)))),
    vscode.commands.registerCommand('clippings.tagStance', (args?: unknown) => runAnnotationCommand(services.log, () => tagStance(services, argsOf(args)))),
    vscode.commands.registerCommand('clippings.tagSource', (args?: unknown) => runAnnotationCommand(services.log, () => tagSource(services, argsOf(args)))),
  );
}

/** Commands run from a menu receive the document's URI; from a script, an argument object. */
function argsOf(args: unknown): Record<string, unknown> {
  if (args instanceof vscode.Uri) {
    return { uri: args };
  }
  return isRecord(args) ? args : {};
}

async function tagSpeaker(services: TagServices, args: Record<string, unknown>): Promise<string | undefined> {
  const target = await resolveTarget(args, { rangeRequired: true });
  const offsets = trimmedOffsets(target.document, target.range);
  const line = suggestSpeakerForLine(target.document.lineAt(target.range.start.line).text);
  const named = stringArgument(args, 'speaker');
  const speaker = named
    ? await speakerFromArgument(services.registry, target.document.uri, named)
    : await pickSpeaker(services.registry, target.document.uri, {
        title: vscode.l10n.t('Who said this?'),
        initialQuery: line?.name ?? shortSelection(target),
      });
  if (!speaker) {
    return undefined;
  }
  const kind = attributionKind(args.kind, target, line !== undefined);
  const cue = stringArgument(args, 'cue') ?? line?.cue;
  const annotation = createAnnotation(
    { type: 'speaker', speaker: speaker.id, kind, ...(cue && { cue }) },
    anchorFor(services.parses, target.document, offsets),
    authoringContext(target.document),
  );
  await (await services.store.annotationsOf(target.document)).add(annotation);
  return annotation.id;
}

async function tagStance(services: TagServices, args: Record<string, unknown>): Promise<string | undefined> {
  const target = await resolveTarget(args, { rangeRequired: true });
  const offsets = trimmedOffsets(target.document, target.range);
  const holder = await holderOf(services, target, args);
  const stance = holder && (polarityArgument(args.polarity) ? stanceFromArguments(args) : await askStance(services, holder));
  if (!holder || !stance) {
    return undefined;
  }
  const annotation = createAnnotation(
    { type: 'stance', holder: holder.id, ...stance },
    anchorFor(services.parses, target.document, offsets),
    authoringContext(target.document),
  );
  await (await services.store.annotationsOf(target.document)).add(annotation);
  await services.recentTargets.remember(stance.target);
  return annotation.id;
}

interface StanceFields {
  readonly target: string;
  readonly polarity: Polarity;
  readonly note?: string;
}

function stanceFromArguments(args: Record<string, unknown>): StanceFields | undefined {
  const target = stringArgument(args, 'target');
  const polarity = polarityArgument(args.polarity);
  const note = stringArgument(args, 'note');
  if (!target || !polarity) {
    throw new UserFacingError(vscode.l10n.t('A stance needs a target and a polarity (favor, against, neutral or mixed).'));
  }
  return { target, polarity, ...(note && { note }) };
}

async function askStance(services: TagServices, holder: Speaker): Promise<StanceFields | undefined> {
  const target = await pickOrType(services.recentTargets.list(), vscode.l10n.t('Stance on what?'), vscode.l10n.t('Type a target or pick one used before'));
  if (!target) return undefined;
  const polarity = await pickOne(POLARITIES, polarityLabel, vscode.l10n.t('{0} on {1}', holder.name, target));
  if (!polarity) return undefined;
  const note = await promptText(vscode.l10n.t('Note (optional)'), '');
  if (note === undefined) return undefined;
  return { target, polarity, ...(note && { note }) };
}

async function tagSource(services: TagServices, args: Record<string, unknown>): Promise<string | undefined> {
  const target = await resolveTarget(args, { rangeRequired: false });
  const article = articleAtCaret(services.parses.get(target.document).articles, target.document.offsetAt(target.range.start));
  const onSpan = !target.range.isEmpty;
  // Without a selection the source describes the whole article and is anchored on its title.
  const offsets = onSpan ? trimmedOffsets(target.document, target.range) : article?.title;
  if (!offsets) {
    throw new UserFacingError(vscode.l10n.t('Put the cursor in an article, or select the words that name a source.'));
  }
  const scripted = typeof args.kind === 'string' || stringArgument(args, 'outlet') !== undefined;
  const fields = scripted ? sourceFromArguments(args) : await askSource(article?.outlet?.text ?? '');
  if (!fields) {
    return undefined;
  }
  const annotation = createAnnotation(
    { type: 'source', scope: onSpan ? 'span' : 'article', ...fields },
    anchorFor(services.parses, target.document, { start: offsets.start, end: offsets.end }),
    authoringContext(target.document),
  );
  await (await services.store.annotationsOf(target.document)).add(annotation);
  return annotation.id;
}

interface SourceFields {
  readonly kind: SourceKind;
  readonly outlet?: string;
  readonly agencies?: readonly string[];
  readonly writer?: string;
}

function sourceFromArguments(args: Record<string, unknown>): SourceFields {
  const kind = SOURCE_KINDS.find((candidate) => candidate === args.kind) ?? 'newspaper';
  const agencies = Array.isArray(args.agency) ? args.agency.filter((value): value is string => typeof value === 'string') : splitList(stringArgument(args, 'agency'));
  return withoutEmpty({ kind, outlet: stringArgument(args, 'outlet'), agencies, writer: stringArgument(args, 'author') });
}

async function askSource(suggestedOutlet: string): Promise<SourceFields | undefined> {
  const outlet = await promptText(vscode.l10n.t('Outlet (newspaper, site, broadcaster)'), suggestedOutlet);
  if (outlet === undefined) return undefined;
  const kind = await pickOne(SOURCE_KINDS, sourceKindLabel, vscode.l10n.t('Kind of source'));
  if (!kind) return undefined;
  const agencies = await promptText(vscode.l10n.t('Agencies, separated by commas (optional)'), '');
  if (agencies === undefined) return undefined;
  const writer = await promptText(vscode.l10n.t('Author of the article (optional)'), '');
  if (writer === undefined) return undefined;
  return withoutEmpty({ kind, outlet, agencies: splitList(agencies), writer });
}

function withoutEmpty(fields: { kind: SourceKind; outlet?: string; agencies?: readonly string[]; writer?: string }): SourceFields {
  return {
    kind: fields.kind,
    ...(fields.outlet && { outlet: fields.outlet }),
    ...(fields.agencies && fields.agencies.length > 0 && { agencies: fields.agencies }),
    ...(fields.writer && { writer: fields.writer }),
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[,،]/).map((part) => part.trim()).filter(Boolean);
}

async function holderOf(services: TagServices, target: CommandTarget, args: Record<string, unknown>): Promise<Speaker | undefined> {
  const named = stringArgument(args, 'holder');
  if (named) {
    return speakerFromArgument(services.registry, target.document.uri, named);
  }
  const line = suggestSpeakerForLine(target.document.lineAt(target.range.start.line).text);
  return pickSpeaker(services.registry, target.document.uri, { title: vscode.l10n.t('Whose stance is this?'), initialQuery: line?.name ?? '' });
}

function attributionKind(value: unknown, target: CommandTarget, onSpeakerLine: boolean): AttributionKind {
  if (value === 'direct' || value === 'reported') {
    return value;
  }
  // Words after `Name:` or inside quotation marks are the speaker's own.
  const text = target.document.getText(target.range).trim();
  const line = target.document.lineAt(target.range.start.line).text;
  const before = line.slice(0, target.range.start.character).trimEnd();
  const quoted = /^[«"“]/.test(text) || /[«"“]$/.test(before);
  return onSpeakerLine || quoted ? 'direct' : 'reported';
}

function polarityArgument(value: unknown): Polarity | undefined {
  return POLARITIES.find((polarity) => polarity === value);
}

/** A selection of a few words is probably a name: it starts the speaker search. */
function shortSelection(target: CommandTarget): string {
  const text = target.document.getText(target.range).trim();
  return text.split(/\s+/).length <= 4 && text.length <= 40 ? text : '';
}
