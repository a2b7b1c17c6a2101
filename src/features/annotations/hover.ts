import * as vscode from 'vscode';
import type { Annotation, Speaker } from '../../core/annotations';
import { CLIPPING_SELECTOR, toRange } from '../ranges';
import { annotationsAt, quotePreview, sharedSpan } from './annotationGroups';
import { describeAnnotation, iconOf } from './annotationLabels';
import { AnnotationStore } from './annotationStore';
import type { SpeakerRegistryStore } from './speakerRegistry';

const EDIT_COMMAND = 'clippings.editAnnotation';
const REMOVE_COMMAND = 'clippings.removeAnnotation';
/** Long quotes are cut in the hover: the words are right there under the mouse. */
const QUOTE_PREVIEW_LENGTH = 160;

/** Over annotated words: what each annotation records, who made it and when, with Edit and Remove links. */
export function registerAnnotationHover(store: AnnotationStore, registry: SpeakerRegistryStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(CLIPPING_SELECTOR, {
    provideHover: (document, position) => hoverAt(store, registry, document, position),
  });
}

async function hoverAt(store: AnnotationStore, registry: SpeakerRegistryStore, document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
  if (!AnnotationStore.canAnnotate(document)) {
    return undefined;
  }
  const here = annotationsAt((await store.annotationsOf(document)).annotations, document.offsetAt(position));
  if (here.length === 0) {
    return undefined;
  }
  const speakers = await registry.speakersFor(document.uri);
  const markdown = new vscode.MarkdownString(here.map((annotation) => annotationMarkdown(document, annotation, speakers)).join('\n\n---\n\n'), true);
  // Links may run our two commands and nothing else.
  markdown.isTrusted = { enabledCommands: [EDIT_COMMAND, REMOVE_COMMAND] };
  return new vscode.Hover(markdown, toRange(document, sharedSpan(here)));
}

function annotationMarkdown(document: vscode.TextDocument, annotation: Annotation, speakers: readonly Speaker[]): string {
  const target = { uri: document.uri.toString(), id: annotation.id };
  return [
    `${iconOf(annotation)} **${escapeMarkdown(describeAnnotation(annotation, speakers))}**`,
    `*${escapeMarkdown(vscode.l10n.t('{0}, {1}', annotation.author, readableTime(annotation.modified)))}*`,
    `> ${escapeMarkdown(`«${quotePreview(annotation.anchor.quote, QUOTE_PREVIEW_LENGTH)}»`)}`,
    [
      commandLink(`$(edit) ${vscode.l10n.t('Edit')}`, EDIT_COMMAND, target, vscode.l10n.t('Edit this annotation')),
      commandLink(`$(trash) ${vscode.l10n.t('Remove')}`, REMOVE_COMMAND, target, vscode.l10n.t('Remove this annotation')),
    ].join(' · '),
  ].join('\n\n');
}

function commandLink(label: string, command: string, argument: object, tooltip: string): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([argument]))} "${tooltip.replace(/"/g, '\\"')}")`;
}

/** Local date and time in the display language; the stored text when it is not a date. */
function readableTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Names, targets and quotes are shown as written: markdown syntax and `$(icon)` in them stay text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~$]/g, '\\$&');
}
