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
  return new vscode.Range(toPosition(positions, span.start), toPosition(positions, span.end));
}

export function toPosition(positions: PositionSource, offset: number): vscode.Position {
  const { line, character } = positions.positionAt(offset);
  return new vscode.Position(line, character);
}

export const CLIPPING_SELECTOR: vscode.DocumentSelector = { language: 'clipping' };
