/** Finding the article an offset falls in, by binary search over articles in document order. */

/** Index of the last article whose start is at or before `offset`, or -1. */
export function lastArticleStartingAtOrBefore(articles: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = articles.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (articles[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The article whose text holds the character at `offset`: spans are half-open. */
export function articleAt<T extends { readonly start: number; readonly end: number }>(articles: readonly T[], offset: number): T | undefined {
  const article = articles[lastArticleStartingAtOrBefore(articles, offset)];
  return article && offset < article.end ? article : undefined;
}

/** The article a caret at `offset` is in: also the one it ends, where the caret stands after typing its last character. */
export function articleAtCaret<T extends { readonly start: number; readonly end: number }>(articles: readonly T[], offset: number): T | undefined {
  const article = articles[lastArticleStartingAtOrBefore(articles, offset)];
  return article && offset <= article.end ? article : undefined;
}
