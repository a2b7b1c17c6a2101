import * as vscode from 'vscode';
import type { TextPosition, TextSpan } from '../core/model';

/** What can turn an offset into a position: the editor's document, or a parse result of its current version. */
export interface PositionSource {
  positionAt(offset: number): TextPosition;
}

/**
 * Converts a model span (UTF-16 offsets) to an editor range. Pass the parse result rather
 * than the document when converting many spans: it answers without crossing into the editor's
 * document model, which matters for the tens of thousands of ranges of a large outline.
 */
export function toRange(positions: PositionSource, span: TextSpan): vscode.Range {
  const start = positions.positionAt(span.start);
  const end = positions.positionAt(span.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export const CLIPPING_SELECTOR: vscode.DocumentSelector = { language: 'clipping' };
