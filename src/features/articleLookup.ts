import type { Article, ClippingDocument } from '../core/model';

/** The article containing `offset`, by binary search over the ordered articles. */
export function articleAt(model: ClippingDocument, offset: number): Article | undefined {
  const index = lastArticleStartingAtOrBefore(model, offset);
  const article = index >= 0 ? model.articles[index] : undefined;
  return article && offset <= article.end ? article : undefined;
}

/** Index of the last article whose start is at or before `offset`, or -1. */
export function lastArticleStartingAtOrBefore(model: ClippingDocument, offset: number): number {
  let low = 0;
  let high = model.articles.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (model.articles[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
