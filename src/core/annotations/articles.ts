/**
 * Finding the article an offset falls in. Takes the parser's articles (src/core/model.ts)
 * or anything shaped like them.
 */

import type { ArticleRef } from './types';

export interface ArticleSpan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly title: { readonly text: string };
}

/** The article containing `offset`, by binary search over articles in document order. */
export function articleAt(articles: readonly ArticleSpan[], offset: number): ArticleSpan | undefined {
  let low = 0;
  let high = articles.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const article = articles[middle];
    if (offset < article.start) high = middle - 1;
    else if (offset >= article.end) low = middle + 1;
    else return article;
  }
  return undefined;
}

export function articleRefAt(articles: readonly ArticleSpan[], offset: number): ArticleRef | undefined {
  const article = articleAt(articles, offset);
  return article && { index: article.index, title: article.title.text };
}
