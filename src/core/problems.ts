import type { Article, DateField, DossierHeader, ParseProblem, TableOfContents } from './model';

/**
 * What the parser found wrong, in document order: contents entries no article matches,
 * articles no entry matches (only when there is a table of contents), dates that could not
 * be read.
 */
export function collectProblems(
  header: DossierHeader | undefined,
  toc: TableOfContents | undefined,
  articles: readonly Article[],
  tocMatches: readonly (number | undefined)[],
): ParseProblem[] {
  const problems: ParseProblem[] = [];
  if (toc) {
    const matched = new Uint8Array(articles.length);
    toc.entries.forEach((entry, i) => {
      const article = tocMatches[i];
      if (article !== undefined) matched[article] = 1;
      else problems.push({ code: 'toc-entry-without-article', start: entry.start, end: entry.end, message: `No article matches the contents entry ${entry.number}.` });
    });
    articles.forEach((article, i) => {
      if (!matched[i]) {
        problems.push({ code: 'article-without-toc-entry', start: article.title.start, end: article.title.end, message: 'This article has no entry in the table of contents.' });
      }
    });
  }
  for (const date of allDates(header, articles)) {
    if (date.iso === undefined) problems.push({ code: 'unreadable-date', start: date.start, end: date.end, message: `The date "${date.text}" could not be read.` });
  }
  return problems.sort((a, b) => a.start - b.start);
}

function allDates(header: DossierHeader | undefined, articles: readonly Article[]): DateField[] {
  const dates: DateField[] = header?.date ? [header.date] : [];
  for (const article of articles) {
    dates.push(...article.dates);
    for (const comment of article.comments?.comments ?? []) if (comment.time) dates.push(comment.time);
  }
  return dates;
}
