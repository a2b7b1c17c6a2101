import * as vscode from 'vscode';
import type { ClippingDocument } from '../core/model';
import { ClippingParseCache, derivedFrom } from './parseCache';
import { CLIPPING_SELECTOR, toRange } from './ranges';
import { articleAtCaret } from '../core/articleLookup';

/**
 * Table of contents ↔ articles: each matched entry is a link to its article, and Go to
 * Definition jumps from an entry to its article and from an article's title back to its entry.
 */
export function registerTocLinks(parses: ClippingParseCache): vscode.Disposable {
  const links = derivedFrom((model, document) => computeLinks(model, document));
  return vscode.Disposable.from(
    vscode.languages.registerDocumentLinkProvider(CLIPPING_SELECTOR, {
      provideDocumentLinks(document) {
        return links(parses.get(document), document);
      },
    }),
    vscode.languages.registerDefinitionProvider(CLIPPING_SELECTOR, {
      provideDefinition(document, position) {
        return definitionAt(parses.get(document), document, document.offsetAt(position));
      },
    }),
  );
}

function computeLinks(model: ClippingDocument, document: vscode.TextDocument): vscode.DocumentLink[] {
  const links: vscode.DocumentLink[] = [];
  model.toc?.entries.forEach((entry, entryIndex) => {
    const articleIndex = model.tocMatches[entryIndex];
    if (articleIndex === undefined) {
      return;
    }
    const titleLine = model.positionAt(model.articles[articleIndex].title.start).line;
    // A `#L<line>` fragment makes VS Code open the document at that line.
    const link = new vscode.DocumentLink(toRange(model, entry.title), document.uri.with({ fragment: `L${titleLine + 1}` }));
    link.tooltip = vscode.l10n.t('Go to article {0}', articleIndex + 1);
    links.push(link);
  });
  return links;
}

function definitionAt(model: ClippingDocument, document: vscode.TextDocument, offset: number): vscode.Location | undefined {
  const entryIndex = model.toc?.entries.findIndex((entry) => entry.start <= offset && offset <= entry.end) ?? -1;
  if (entryIndex >= 0) {
    const articleIndex = model.tocMatches[entryIndex];
    return articleIndex === undefined ? undefined : new vscode.Location(document.uri, toRange(document, model.articles[articleIndex].title));
  }
  const article = articleAtCaret(model.articles, offset);
  if (article && offset <= article.title.end && model.toc) {
    const matchedEntry = model.tocMatches.indexOf(article.index);
    return matchedEntry < 0 ? undefined : new vscode.Location(document.uri, toRange(document, model.toc.entries[matchedEntry]));
  }
  return undefined;
}
