import * as vscode from 'vscode';
import type { Article, ClippingDocument, CommentsSection, DossierHeader, Separator, TableOfContents } from '../core/model';
import { ClippingParseCache, derivedFrom } from './parseCache';
import { CLIPPING_SELECTOR, toRange } from './ranges';
import { describeArticle } from './articleLabels';

/**
 * Outline, breadcrumbs and sticky scroll: the header, the table of contents, every article
 * (with its comments) and, unless hidden by a setting, the separators, in document order.
 */
export function registerOutline(parses: ClippingParseCache): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(CLIPPING_SELECTOR, createOutlineProvider(parses), {
    label: vscode.l10n.t('Clipping articles'),
  });
}

/** The provider itself, apart from its registration, so the host benchmark can time its own work. */
export function createOutlineProvider(parses: ClippingParseCache): vscode.DocumentSymbolProvider {
  const withSeparators = derivedFrom((model) => buildSymbols(model, true));
  const withoutSeparators = derivedFrom((model) => buildSymbols(model, false));
  return {
    provideDocumentSymbols(document) {
      const showSeparators = vscode.workspace
        .getConfiguration('clippings', document)
        .get<boolean>('outline.showSeparators', true);
      return (showSeparators ? withSeparators : withoutSeparators)(parses.get(document), document);
    },
  };
}

function buildSymbols(model: ClippingDocument, showSeparators: boolean): vscode.DocumentSymbol[] {
  const symbols: vscode.DocumentSymbol[] = [];
  if (model.header) {
    symbols.push(headerSymbol(model.header, model));
  }
  if (model.toc) {
    symbols.push(tocSymbol(model.toc, model));
  }
  const separators = showSeparators ? model.separators : [];
  let nextSeparator = 0;
  for (const article of model.articles) {
    while (nextSeparator < separators.length && separators[nextSeparator].start < article.start) {
      symbols.push(separatorSymbol(separators[nextSeparator++], model));
    }
    symbols.push(articleSymbol(article, model));
  }
  while (nextSeparator < separators.length) {
    symbols.push(separatorSymbol(separators[nextSeparator++], model));
  }
  return symbols;
}

function headerSymbol(header: DossierHeader, model: ClippingDocument): vscode.DocumentSymbol {
  const range = toRange(model, header);
  const name = header.title?.text || header.breadcrumb?.segments.at(-1)?.text || vscode.l10n.t('Dossier header');
  const detail = [header.date?.text, header.author?.text].filter(Boolean).join(' · ');
  const selection = header.title ? toRange(model, header.title) : range;
  return new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.File, range, selection);
}

function tocSymbol(toc: TableOfContents, model: ClippingDocument): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    toc.heading.text || vscode.l10n.t('Table of contents'),
    vscode.l10n.t('{0} entries', toc.entries.length),
    vscode.SymbolKind.Enum,
    toRange(model, toc),
    toRange(model, toc.heading),
  );
  symbol.children = toc.entries.map((entry) => {
    const range = toRange(model, entry);
    return new vscode.DocumentSymbol(`${entry.number}. ${entry.title.text}`, '', vscode.SymbolKind.EnumMember, range, toRange(model, entry.title));
  });
  return symbol;
}

function articleSymbol(article: Article, model: ClippingDocument): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    article.title.text,
    describeArticle(article),
    vscode.SymbolKind.String,
    toRange(model, article),
    toRange(model, article.title),
  );
  if (article.comments) {
    symbol.children = [commentsSymbol(article.comments, model)];
  }
  return symbol;
}

function commentsSymbol(section: CommentsSection, model: ClippingDocument): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    section.heading.text,
    vscode.l10n.t('{0} comments', section.comments.length),
    vscode.SymbolKind.Array,
    toRange(model, section),
    toRange(model, section.heading),
  );
  symbol.children = section.comments.map((comment, index) => {
    const name = comment.author?.text || vscode.l10n.t('Comment {0}', index + 1);
    const range = toRange(model, comment);
    const selection = comment.author ? toRange(model, comment.author) : range;
    return new vscode.DocumentSymbol(name, comment.time?.text ?? '', vscode.SymbolKind.Event, range, selection);
  });
  return symbol;
}

function separatorSymbol(separator: Separator, model: ClippingDocument): vscode.DocumentSymbol {
  const range = toRange(model, separator);
  return new vscode.DocumentSymbol(separator.char.repeat(12), '', vscode.SymbolKind.Null, range, range);
}
