/**
 * Questions asked of the whole index: which annotations a filter keeps, what a speaker said,
 * which articles a title search finds. Text is compared after Arabic normalization
 * (normalizeForMatching), so كيرى finds كيري and a hamza-less query finds إيران.
 */
import { normalizeForMatching } from '../arabic';
import type { Annotation } from '../annotations';
import type { IndexedArticle, IndexedClipping } from '../workspaceModel';
import type { AnnotationRef } from './annotationGrouping';
import type { IndexEntry, TitlePosition } from './indexEntry';

/** The words of a query, normalized; none for a query of only spaces and punctuation. */
export function queryWords(query: string): string[] {
  return normalizeForMatching(query).split(' ').filter(Boolean);
}

/**
 * A test that keeps the annotations whose text holds every word of `query` (anywhere: quote,
 * speaker's names, target, note, source fields, file path, article title); undefined when the
 * query has no words, so that nothing is filtered.
 */
export function annotationMatcher(query: string, speakerNames: (clippingUri: string, speakerId: string) => readonly string[]): ((ref: AnnotationRef) => boolean) | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  const names = new Map<string, string>();
  const normalizedNames = (clippingUri: string, speakerId: string) => {
    const key = `${clippingUri}\n${speakerId}`;
    let text = names.get(key);
    if (text === undefined) {
      text = normalizeForMatching([speakerId, ...speakerNames(clippingUri, speakerId)].join('\n'));
      names.set(key, text);
    }
    return text;
  };
  return (ref) => {
    const { clipping, annotation } = ref;
    const speakerId = annotation.type === 'speaker' ? annotation.speaker : annotation.type === 'stance' ? annotation.holder : undefined;
    const text = normalizeForMatching([annotation.anchor.quote, ...ownFields(annotation), clipping.relativePath, annotation.anchor.article?.title ?? ''].join('\n'));
    const people = speakerId === undefined ? '' : normalizedNames(clipping.uri, speakerId);
    return words.every((word) => text.includes(word) || people.includes(word));
  };
}

function ownFields(annotation: Annotation): string[] {
  switch (annotation.type) {
    case 'speaker':
      return [annotation.cue ?? ''];
    case 'stance':
      return [annotation.target, annotation.note ?? ''];
    case 'source':
      return [annotation.outlet ?? '', ...(annotation.agencies ?? []), annotation.writer ?? ''];
  }
}

/** What a speaker said and the stances they hold, across `clippings`, in the order walked. */
export function quotesOf(clippings: readonly IndexedClipping[], speakerId: string): AnnotationRef[] {
  const quotes: AnnotationRef[] = [];
  for (const clipping of clippings) {
    for (const annotation of clipping.annotations) {
      if ((annotation.type === 'speaker' && annotation.speaker === speakerId) || (annotation.type === 'stance' && annotation.holder === speakerId)) {
        quotes.push({ clipping, annotation });
      }
    }
  }
  return quotes;
}

/** The article an annotation is in now: the one its anchor records when still there, else the one around its start. */
export function articleOf(clipping: IndexedClipping, annotation: Annotation): IndexedArticle | undefined {
  const recorded = annotation.anchor.article && clipping.articles[annotation.anchor.article.index];
  const { start } = annotation.anchor;
  if (recorded && recorded.start <= start && start < recorded.end) return recorded;
  return clipping.articles.find((article) => article.start <= start && start < article.end);
}

export interface ArticleMatch {
  readonly entry: IndexEntry;
  readonly article: IndexedArticle;
  readonly title: TitlePosition;
}

/** Normalized titles, computed once per indexed clipping. */
const normalizedTitles = new WeakMap<IndexEntry, readonly string[]>();

/**
 * Articles whose title holds every word of `query`, at most `limit` of them, in the order
 * walked; every article (up to the limit) for an empty query.
 */
export function findArticles(entries: Iterable<IndexEntry>, query: string, limit: number): ArticleMatch[] {
  const words = queryWords(query);
  const found: ArticleMatch[] = [];
  for (const entry of entries) {
    let titles = normalizedTitles.get(entry);
    if (!titles) {
      titles = entry.clipping.articles.map((article) => normalizeForMatching(article.title));
      normalizedTitles.set(entry, titles);
    }
    for (let index = 0; index < titles.length; index++) {
      const title = titles[index];
      if (words.every((word) => title.includes(word))) {
        found.push({ entry, article: entry.clipping.articles[index], title: entry.titles[index] });
        if (found.length >= limit) return found;
      }
    }
  }
  return found;
}
