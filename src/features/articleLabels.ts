import type { Article } from '../core/model';

/** "outlet · date" as shown beside an article in the outline and the article picker. */
export function describeArticle(article: Article): string {
  const date = article.dates[0];
  const when = date ? (date.iso ? readableIso(date.iso) : date.text) : undefined;
  return [article.outlet?.text, when].filter(Boolean).join(' · ');
}

/** `2013-05-07T23:13:00` → `2013-05-07 23:13`: compact, sortable and the same in every locale. */
function readableIso(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}
