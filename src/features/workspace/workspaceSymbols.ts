import * as vscode from 'vscode';
import { normalizeForMatching } from '../../core/arabic';
import { findArticles, type ArticleMatch } from '../../core/index/workspaceQueries';
import type { ClippingWorkspaceIndex } from './clippingWorkspaceIndex';

/** Go to Symbol in Workspace lists no more than this many articles for one query. */
const MAX_SYMBOLS = 500;

/**
 * Go to Symbol in Workspace (Ctrl+T) finds articles by title across every indexed clipping, in
 * any spelling. Title positions come from the index, so no file is opened to answer.
 */
export function registerWorkspaceSymbols(index: ClippingWorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols: (query) => findArticles(index.entries(), query, MAX_SYMBOLS).map((match) => articleSymbol(match, query)),
  });
}

function articleSymbol({ entry, article, title }: ArticleMatch, query: string): vscode.SymbolInformation {
  const location = new vscode.Location(vscode.Uri.parse(entry.clipping.uri), new vscode.Range(title.line, title.character, title.line, title.endCharacter));
  const shown = quickOpenShows(article.title, query) ? article.title : normalizeForMatching(article.title);
  const container = [shown === article.title ? undefined : article.title, article.outlet, article.date, entry.clipping.relativePath].filter(Boolean).join(' · ');
  return new vscode.SymbolInformation(shown, vscode.SymbolKind.String, container, location);
}

/**
 * Whether the quick open list keeps a symbol named `name` for `query`. It filters our answers
 * again with its own fuzzy matching, which knows nothing of Arabic spellings: a title found
 * through a variant spelling (ايران for إيران) would be dropped, so such a title is named in
 * its normalized spelling, and the title as written goes in the container.
 */
function quickOpenShows(name: string, query: string): boolean {
  const target = name.toLowerCase();
  let position = 0;
  for (const char of query.toLowerCase().replace(/\s+/g, '')) {
    position = target.indexOf(char, position);
    if (position < 0) return false;
    position += char.length;
  }
  return true;
}
