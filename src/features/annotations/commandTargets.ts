import * as os from 'node:os';
import * as vscode from 'vscode';
import { createAnchor, cryptoRandomBytes, type Anchor, type AuthoringContext } from '../../core/annotations';
import type { ClippingParseCache } from '../parseCache';
import { AnnotationStore } from './annotationStore';

/** Where a command acts: a clipping document and a range in it. */
export interface CommandTarget {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
}

/** A range as callers may pass it: a vscode.Range or `[startLine, startCharacter, endLine, endCharacter]`. */
export type RangeArgument = vscode.Range | readonly [number, number, number, number];

/** A failure to show the person as it is (a missing selection, an unsaved file), not as a crash. */
export class UserFacingError extends Error {}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}

export function stringArgument(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The document and range a command works on: `uri` and `range` from the arguments when given,
 * otherwise the active editor and its selection.
 */
export async function resolveTarget(args: Record<string, unknown>, options: { readonly rangeRequired: boolean }): Promise<CommandTarget> {
  const document = await documentFrom(args.uri);
  if (!AnnotationStore.canAnnotate(document)) {
    throw new UserFacingError(
      document.isUntitled
        ? vscode.l10n.t('Save this clipping first: its annotations are stored in a file beside it.')
        : vscode.l10n.t('Annotations can be made in clipping files only.'),
    );
  }
  const range = rangeFrom(args.range, document) ?? selectionIn(document);
  if (options.rangeRequired && (!range || range.isEmpty)) {
    throw new UserFacingError(vscode.l10n.t('Select the words to tag first.'));
  }
  return { document, range: range ?? new vscode.Range(0, 0, 0, 0) };
}

async function documentFrom(uri: unknown): Promise<vscode.TextDocument> {
  if (uri instanceof vscode.Uri || typeof uri === 'string') {
    return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    throw new UserFacingError(vscode.l10n.t('Open a clipping first.'));
  }
  return editor.document;
}

function rangeFrom(value: unknown, document: vscode.TextDocument): vscode.Range | undefined {
  if (value instanceof vscode.Range) {
    return document.validateRange(value);
  }
  if (Array.isArray(value) && value.length === 4 && value.every((part) => Number.isInteger(part))) {
    const [startLine, startCharacter, endLine, endCharacter] = value as number[];
    return document.validateRange(new vscode.Range(startLine, startCharacter, endLine, endCharacter));
  }
  return undefined;
}

function selectionIn(document: vscode.TextDocument): vscode.Range | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document ? editor.selection : undefined;
}

/** The offsets of `range` with surrounding white space left out: a sloppy selection tags the same words. */
export function trimmedOffsets(document: vscode.TextDocument, range: vscode.Range): { start: number; end: number } {
  const selected = document.getText(range);
  const leading = selected.length - selected.trimStart().length;
  const kept = selected.trim().length;
  if (kept === 0) {
    throw new UserFacingError(vscode.l10n.t('Select the words to tag first.'));
  }
  const start = document.offsetAt(range.start) + leading;
  return { start, end: start + kept };
}

export function anchorFor(parses: ClippingParseCache, document: vscode.TextDocument, offsets: { start: number; end: number }): Anchor {
  return createAnchor(document.getText(), offsets.start, offsets.end, parses.get(document).articles);
}

export function authoringContext(document: vscode.TextDocument): AuthoringContext {
  const configured = vscode.workspace.getConfiguration('clippings', document).get<string>('annotations.author', '').trim();
  return { author: configured || osUserName(), now: () => new Date(), randomBytes: cryptoRandomBytes };
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
