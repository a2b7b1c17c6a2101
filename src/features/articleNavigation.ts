import * as vscode from 'vscode';
import type { Article } from '../core/model';
import { ClippingParseCache } from './parseCache';
import { toRange } from './ranges';
import { articleAtCaret, lastArticleStartingAtOrBefore } from '../core/articleLookup';
import { describeArticle } from './articleLabels';

/**
 * Commands that move between articles: next, previous, and a quick pick of all of them.
 * Each returns the index of the article it moved to (or undefined), so they can be scripted.
 */
export function registerArticleNavigation(parses: ClippingParseCache): vscode.Disposable {
  return vscode.Disposable.from(
    registerClippingEditorCommand('clippings.nextArticle', (editor) => {
      const model = parses.get(editor.document);
      const offset = editor.document.offsetAt(editor.selection.active);
      const target = model.articles[lastArticleStartingAtOrBefore(model.articles, offset) + 1];
      return target ? revealArticle(editor, target) : undefined;
    }),
    registerClippingEditorCommand('clippings.previousArticle', (editor) => {
      const model = parses.get(editor.document);
      const offset = editor.document.offsetAt(editor.selection.active);
      const current = lastArticleStartingAtOrBefore(model.articles, offset);
      // From inside an article's body, "previous" first goes back to that article's title.
      const onTitle = current >= 0 && offset <= model.articles[current].title.end;
      const target = model.articles[onTitle ? current - 1 : current];
      return target ? revealArticle(editor, target) : undefined;
    }),
    registerClippingEditorCommand('clippings.goToArticle', async (editor, index?: unknown) => {
      const articles = parses.get(editor.document).articles;
      const target = typeof index === 'number' ? articles[index] : await pickArticle(editor, articles, parses);
      return target ? revealArticle(editor, target) : undefined;
    }),
  );
}

/**
 * Like registerTextEditorCommand, but the command's result reaches the caller (text editor
 * commands always return undefined) and it does nothing outside a clipping editor.
 */
function registerClippingEditorCommand<T>(
  id: string,
  run: (editor: vscode.TextEditor, ...args: unknown[]) => T,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, (...args: unknown[]) => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'clipping' ? run(editor, ...args) : undefined;
  });
}

interface ArticleItem extends vscode.QuickPickItem {
  readonly article: Article;
}

async function pickArticle(editor: vscode.TextEditor, articles: readonly Article[], parses: ClippingParseCache): Promise<Article | undefined> {
  if (articles.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This clipping has no articles.'));
    return undefined;
  }
  const items: ArticleItem[] = articles.map((article) => ({
    label: `${article.index + 1}. ${article.title.text}`,
    description: describeArticle(article),
    article,
  }));
  const current = articleAtCaret(parses.get(editor.document).articles, editor.document.offsetAt(editor.selection.active));
  const picker = vscode.window.createQuickPick<ArticleItem>();
  picker.items = items;
  picker.placeholder = vscode.l10n.t('Go to article: type to filter by title, outlet or date');
  picker.matchOnDescription = true;
  if (current) {
    picker.activeItems = [items[current.index]];
  }
  const chosen = await new Promise<Article | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0]?.article));
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  return chosen;
}

function revealArticle(editor: vscode.TextEditor, article: Article): number {
  const title = toRange(editor.document, article.title);
  editor.selection = new vscode.Selection(title.start, title.start);
  editor.revealRange(title, vscode.TextEditorRevealType.AtTop);
  return article.index;
}
