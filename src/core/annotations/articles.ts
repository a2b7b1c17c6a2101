/** The article an annotation is in, as anchors record it. Takes the parser's articles (src/core/model.ts) or anything shaped like them. */

import { articleAt } from '../articleLookup';
import type { ArticleRef } from './types';

export interface ArticleSpan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly title: { readonly text: string };
}

export function articleRefAt(articles: readonly ArticleSpan[], offset: number): ArticleRef | undefined {
  const article = articleAt(articles, offset);
  return article && { index: article.index, title: article.title.text };
}
