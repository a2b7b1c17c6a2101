import * as vscode from 'vscode';
import type { ClippingDocument } from '../core/model';
import { ClippingParseCache } from './parseCache';
import { CLIPPING_SELECTOR, toRange } from './ranges';
import { articleAtCaret } from '../core/articleLookup';

/** Expand selection: the line's text, then its paragraph, then its article, then everything. */
export function registerSelectionRanges(parses: ClippingParseCache): vscode.Disposable {
  return vscode.languages.registerSelectionRangeProvider(CLIPPING_SELECTOR, {
    provideSelectionRanges(document, positions) {
      const model = parses.get(document);
      return positions.map((position) => selectionChain(model, document, position));
    },
  });
}

function selectionChain(model: ClippingDocument, document: vscode.TextDocument, position: vscode.Position): vscode.SelectionRange {
  const whole = new vscode.SelectionRange(document.validateRange(new vscode.Range(0, 0, document.lineCount, 0)));
  let outer = whole;
  const article = articleAtCaret(model.articles, document.offsetAt(position));
  const bounds = article ? { first: article.startLine, last: article.endLine } : { first: 0, last: document.lineCount - 1 };
  if (article) {
    outer = nest(toRange(document, article), outer);
  }
  const paragraph = paragraphAround(document, position.line, bounds);
  if (paragraph) {
    outer = nest(paragraph, outer);
  }
  const line = document.lineAt(position.line);
  if (!line.isEmptyOrWhitespace) {
    const start = line.firstNonWhitespaceCharacterIndex;
    const end = line.text.trimEnd().length;
    outer = nest(new vscode.Range(position.line, start, position.line, end), outer);
  }
  return outer;
}

/** Adds `range` inside `parent` unless it would not be strictly smaller (VS Code rejects equal ranges). */
function nest(range: vscode.Range, parent: vscode.SelectionRange): vscode.SelectionRange {
  if (!parent.range.contains(range) || parent.range.isEqual(range)) {
    return parent;
  }
  return new vscode.SelectionRange(range, parent);
}

/**
 * The run of non-blank lines around `line` within `bounds` (its article: articles are often
 * written with no blank line before the separator), or undefined on a blank line.
 */
function paragraphAround(document: vscode.TextDocument, line: number, bounds: { first: number; last: number }): vscode.Range | undefined {
  if (document.lineAt(line).isEmptyOrWhitespace) {
    return undefined;
  }
  let first = line;
  while (first > bounds.first && !document.lineAt(first - 1).isEmptyOrWhitespace) {
    first--;
  }
  let last = line;
  while (last < bounds.last && !document.lineAt(last + 1).isEmptyOrWhitespace) {
    last++;
  }
  return new vscode.Range(first, 0, last, document.lineAt(last).text.length);
}
