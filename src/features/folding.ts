import * as vscode from 'vscode';
import type { ClippingDocument } from '../core/model';
import { ClippingParseCache, derivedFrom } from './parseCache';
import { CLIPPING_SELECTOR } from './ranges';

/** Folds the header, the table of contents, each article and each comments section. */
export function registerFolding(parses: ClippingParseCache): vscode.Disposable {
  const foldingRanges = derivedFrom((model) => computeFoldingRanges(model));
  return vscode.languages.registerFoldingRangeProvider(CLIPPING_SELECTOR, {
    provideFoldingRanges(document) {
      return foldingRanges(parses.get(document), document);
    },
  });
}

function computeFoldingRanges(model: ClippingDocument): vscode.FoldingRange[] {
  const ranges: vscode.FoldingRange[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) {
      ranges.push(new vscode.FoldingRange(startLine, endLine, vscode.FoldingRangeKind.Region));
    }
  };
  if (model.header) {
    add(model.header.startLine, model.header.endLine);
  }
  if (model.toc) {
    add(model.toc.startLine, model.toc.endLine);
  }
  for (const article of model.articles) {
    add(article.startLine, article.endLine);
    if (article.comments) {
      add(model.positionAt(article.comments.start).line, model.positionAt(article.comments.end).line);
    }
  }
  return ranges;
}
