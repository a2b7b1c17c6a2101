import * as vscode from 'vscode';
import type { Article, ClippingDocument, CommentsSection, DossierHeader, Separator, TableOfContents, TextSpan } from '../core/model';
import { Carried, carriedSpans, packedBounds, type TextChange } from '../core/revision';
import type { ClippingParseCache, Revision } from './parseCache';
import { CLIPPING_SELECTOR, toPosition, toRange } from './ranges';
import { describeArticle } from './articleLabels';

/**
 * Outline, breadcrumbs and sticky scroll: the header, the table of contents, every article
 * (with its comments) and, unless hidden by a setting, the separators, in document order.
 */
export function registerOutline(parses: ClippingParseCache): vscode.Disposable {
  const provider = createOutlineProvider(parses);
  return vscode.Disposable.from(provider, vscode.languages.registerDocumentSymbolProvider(CLIPPING_SELECTOR, provider, { label: vscode.l10n.t('Clipping articles') }));
}

/** The provider itself, apart from its registration, so the host benchmark can time its own work. */
export function createOutlineProvider(parses: ClippingParseCache): vscode.DocumentSymbolProvider & vscode.Disposable {
  const outlines = new IncrementalOutlines(parses);
  return {
    provideDocumentSymbols: (document) => outlines.symbolsOf(document),
    dispose: () => outlines.dispose(),
  };
}

/** What one build of a document's outline made, kept to build the next version's from. */
interface OutlineBuild {
  readonly revision: Revision | undefined;
  readonly showSeparators: boolean;
  readonly lineCount: number;
  /** Bounds only (packedBounds), so that a build does not keep its parse, and so its text, alive. */
  readonly articles: Int32Array;
  readonly articleSymbols: readonly vscode.DocumentSymbol[];
  readonly separators: Int32Array;
  readonly separatorSymbols: readonly vscode.DocumentSymbol[];
  readonly symbols: vscode.DocumentSymbol[];
}

/**
 * Builds each version's outline from the last one built for the same document: the symbols
 * of the articles and separators an edit left alone are kept (moved by the lines the edit
 * added or removed), and only those the edit touched are made again. Typing in a dossier of
 * millions of characters so costs its parse and a walk over the articles, not every
 * article's dates, outlet and comments.
 */
class IncrementalOutlines implements vscode.Disposable {
  private readonly byModel = new WeakMap<ClippingDocument, OutlineBuild>();
  private readonly lastByDocument = new Map<string, OutlineBuild>();
  private readonly closeListener = vscode.workspace.onDidCloseTextDocument((document) => this.lastByDocument.delete(document.uri.toString()));

  constructor(private readonly parses: ClippingParseCache) {}

  symbolsOf(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const showSeparators = vscode.workspace.getConfiguration('clippings', document).get<boolean>('outline.showSeparators', true);
    const model = this.parses.get(document);
    const known = this.byModel.get(model);
    if (known && known.showSeparators === showSeparators) return known.symbols;
    const key = document.uri.toString();
    const last = this.lastByDocument.get(key);
    const build = buildOutline(model, this.parses.revisionOf(model), showSeparators, last && this.carryFrom(last, model, showSeparators));
    this.byModel.set(model, build);
    this.lastByDocument.set(key, build);
    return build.symbols;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.lastByDocument.clear();
  }

  private carryFrom(last: OutlineBuild, model: ClippingDocument, showSeparators: boolean): Carry | undefined {
    const change = last.revision && last.showSeparators === showSeparators ? this.parses.changeSince(last.revision, model) : undefined;
    return change && { last, change, lineDelta: model.lineCount - last.lineCount };
  }
}

/** The last build and how the text changed since. */
interface Carry {
  readonly last: OutlineBuild;
  readonly change: TextChange;
  readonly lineDelta: number;
}

function buildOutline(model: ClippingDocument, revision: Revision | undefined, showSeparators: boolean, carry: Carry | undefined): OutlineBuild {
  const separators = showSeparators ? model.separators : [];
  const articleSymbols = symbolsFor(model.articles, carry, (last) => [last.articles, last.articleSymbols], (article) => articleSymbol(article, model));
  const separatorSymbols = symbolsFor(separators, carry, (last) => [last.separators, last.separatorSymbols], separatorSymbol);
  const symbols: vscode.DocumentSymbol[] = [];
  if (model.header) symbols.push(headerSymbol(model.header, model));
  if (model.toc) symbols.push(tocSymbol(model.toc, model));
  let nextSeparator = 0;
  model.articles.forEach((article, index) => {
    while (nextSeparator < separators.length && separators[nextSeparator].start < article.start) symbols.push(separatorSymbols[nextSeparator++]);
    symbols.push(articleSymbols[index]);
  });
  while (nextSeparator < separators.length) symbols.push(separatorSymbols[nextSeparator++]);
  return {
    revision,
    showSeparators,
    lineCount: model.lineCount,
    articles: packedBounds(model.articles),
    articleSymbols,
    separators: packedBounds(separators),
    separatorSymbols,
    symbols,
  };
}

/** The symbol of each span: carried over from the last build where the change left the span alone, else made anew. */
function symbolsFor<T extends TextSpan>(
  spans: readonly T[],
  carry: Carry | undefined,
  lastOf: (last: OutlineBuild) => readonly [Int32Array, readonly vscode.DocumentSymbol[]],
  make: (span: T) => vscode.DocumentSymbol,
): vscode.DocumentSymbol[] {
  if (!carry) return spans.map(make);
  const [lastSpans, lastSymbols] = lastOf(carry.last);
  const { how, from } = carriedSpans(lastSpans, spans, carry.change);
  return spans.map((span, index) => {
    if (how[index] === Carried.No) return make(span);
    const symbol = lastSymbols[from[index]];
    if (how[index] === Carried.Moved && carry.lineDelta !== 0) moveSymbol(symbol, carry.lineDelta);
    return symbol;
  });
}

/**
 * Moves a symbol of the last build, and its children, down by `lines`. In place: the last
 * build is replaced by this one, and VS Code copied its symbols when they were returned, so
 * nothing reads the old ranges again; making new symbols instead would double the cost of
 * an edit that adds a line near the top of a large dossier. What the build shared stays
 * shared (a separator's one range, an article's start with its title's): tens of thousands
 * of symbols move at once, and each object less is less work for the garbage collector.
 */
function moveSymbol(symbol: vscode.DocumentSymbol, lines: number): void {
  const { range, selectionRange } = symbol;
  symbol.range = movedRange(range, lines);
  if (selectionRange === range) symbol.selectionRange = symbol.range;
  else symbol.selectionRange = movedRange(selectionRange, lines, selectionRange.start === range.start ? symbol.range.start : undefined);
  for (const child of symbol.children) moveSymbol(child, lines);
}

function movedRange(range: vscode.Range, lines: number, movedStart?: vscode.Position): vscode.Range {
  const start = movedStart ?? new vscode.Position(range.start.line + lines, range.start.character);
  return new vscode.Range(start, new vscode.Position(range.end.line + lines, range.end.character));
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
  // The article starts its first line, where its title is: only its end is looked up among
  // the lines. Its start serves both ranges when the title starts the line, since a large
  // outline keeps tens of thousands of positions alive.
  const { startLine, title } = article;
  const start = new vscode.Position(startLine, 0);
  const end = toPosition(model, article.end);
  const symbol = new vscode.DocumentSymbol(
    title.text,
    describeArticle(article),
    vscode.SymbolKind.String,
    new vscode.Range(start, end),
    rangeOnLine(start, article.start, title),
  );
  const { comments } = article;
  if (comments) {
    symbol.children = [commentsSymbol(comments, model, comments.end === article.end ? end : toPosition(model, comments.end))];
  }
  return symbol;
}

/** `end` is where the section ends, which is where its article ends: one position for both, and for its last comment's end. */
function commentsSymbol(section: CommentsSection, model: ClippingDocument, end: vscode.Position): vscode.DocumentSymbol {
  const start = toPosition(model, section.start);
  const symbol = new vscode.DocumentSymbol(
    section.heading.text,
    commentsDetail(section.comments.length),
    vscode.SymbolKind.Array,
    new vscode.Range(start, end),
    rangeOnLine(start, section.start, section.heading),
  );
  symbol.children = section.comments.map((comment, index) => {
    const name = comment.author?.text || commentName(index + 1);
    const commentStart = toPosition(model, comment.start);
    const range = new vscode.Range(commentStart, comment.end === section.end ? end : toPosition(model, comment.end));
    const selection = comment.author ? rangeOnLine(commentStart, comment.start, comment.author) : range;
    return new vscode.DocumentSymbol(name, comment.time?.text ?? '', vscode.SymbolKind.Event, range, selection);
  });
  return symbol;
}

/**
 * The range of `span`, on the line that starts at `lineStart`, at `start`: no lookup. A span
 * that starts the line starts at `start` itself: a large outline keeps tens of thousands of
 * positions alive, and each one less is less work for the garbage collector.
 */
function rangeOnLine(start: vscode.Position, lineStart: number, span: TextSpan): vscode.Range {
  const spanStart = span.start === lineStart ? start : new vscode.Position(start.line, span.start - lineStart);
  return new vscode.Range(spanStart, new vscode.Position(start.line, span.end - lineStart));
}

/** A separator is a whole line: its range needs no lookup. */
function separatorSymbol({ line, start, end, char }: Separator): vscode.DocumentSymbol {
  const range = new vscode.Range(line, 0, line, end - start);
  return new vscode.DocumentSymbol(separatorName(char), '', vscode.SymbolKind.Null, range, range);
}

/**
 * `make`, each value made once: a large dossier's thousands of separators and comments
 * sections share a few names and details, not worth localizing or repeating again for each.
 */
function madeOnce<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

/** One name per separator character, not one string per separator of the dossier. */
const separatorName = madeOnce((char: string) => char.repeat(12));
const commentsDetail = madeOnce((count: number) => vscode.l10n.t('{0} comments', count));
const commentName = madeOnce((number: number) => vscode.l10n.t('Comment {0}', number));
