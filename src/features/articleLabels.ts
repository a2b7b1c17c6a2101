import type { Article } from '../core/model';

/** "outlet · date" as shown beside an article in the outline and the article picker: either alone when the other is unknown. */
export function describeArticle(article: Article): string {
  const outlet = article.outlet?.text;
  const date = article.dates[0];
  const when = date ? (date.iso ? readableIso(date.iso) : date.text) : undefined;
  if (!when) return outlet || '';
  return outlet ? `${outlet} · ${when}` : when;
}

/** `2013-05-07T23:13:00` → `2013-05-07 23:13`: compact, sortable and the same in every locale. */
function readableIso(iso: string): string {
  const time = iso.indexOf('T');
  return time < 0 ? iso.slice(0, 16) : `${iso.slice(0, time)} ${iso.slice(time + 1, 16)}`;
}
