import * as vscode from 'vscode';
import type { TextSpan } from '../core/model';

/** Converts a model span (UTF-16 offsets) to an editor range. */
export function toRange(document: vscode.TextDocument, span: TextSpan): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export const CLIPPING_SELECTOR: vscode.DocumentSelector = { language: 'clipping' };
