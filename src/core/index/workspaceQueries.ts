/**
 * Questions asked of the whole index: which annotations a filter keeps, what a speaker said,
 * which articles a title search finds. Text is compared after Arabic normalization
 * (normalizeForMatching), so كيرى finds كيري and a hamza-less query finds إيران.
 */
import { normalizeForMatching } from '../arabic';
import type { Annotation } from '../annotations';
import { forEachAnnotation, type IndexedArticle, type IndexedClipping } from '../workspaceModel';
import type { AnnotationRef, AnnotationTest } from './annotationGrouping';
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
export function annotationMatcher(query: string, speakerNames: (clippingUri: string, speakerId: string) => readonly string[]): AnnotationTest | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  // Paths, titles, names, targets and outlets repeat across annotations: each is normalized once.
  // Only the quote, different every time, is normalized for each annotation.
  const normalized = new Map<string, string>();
  const normalize = (text: string) => {
    let folded = normalized.get(text);
    if (folded === undefined) {
      folded = normalizeForMatching(text);
      normalized.set(text, folded);
    }
    return folded;
  };
  const names = new Map<string, Map<string, string>>();
  const namesOf = (clippingUri: string, speakerId: string) => {
    let ofClipping = names.get(clippingUri);
    if (!ofClipping) names.set(clippingUri, (ofClipping = new Map()));
    let text = ofClipping.get(speakerId);
    if (text === undefined) {
      text = normalizeForMatching([speakerId, ...speakerNames(clippingUri, speakerId)].join('\n'));
      ofClipping.set(speakerId, text);
    }
    return text;
  };
  const holds = (text: string | undefined, word: string) => text !== undefined && normalize(text).includes(word);
  const fieldsHold = (word: string, clipping: IndexedClipping, annotation: Annotation) => {
    if (holds(clipping.relativePath, word) || holds(annotation.anchor.article?.title, word)) return true;
    switch (annotation.type) {
      case 'speaker':
        return holds(annotation.cue, word) || namesOf(clipping.uri, annotation.speaker).includes(word);
      case 'stance':
        return holds(annotation.target, word) || holds(annotation.note, word) || namesOf(clipping.uri, annotation.holder).includes(word);
      case 'source':
        return holds(annotation.outlet, word) || holds(annotation.writer, word) || (annotation.agencies ?? []).some((agency) => holds(agency, word));
    }
  };
  return (clipping, annotation) => {
    let quote: string | undefined;
    for (const word of words) {
      if (fieldsHold(word, clipping, annotation)) continue;
      quote ??= normalizeForMatching(annotation.anchor.quote);
      if (!quote.includes(word)) return false;
    }
    return true;
  };
}

/**
 * The annotations `matches` keeps, tested a slice at a time with `pause()` between slices: a
 * filter over a million annotations takes a second or two, which must not hold up the
 * extension host in one piece. The answer is a test that keeps them: by clipping and id, since
 * a packed clipping makes its annotations anew each time they are read.
 */
export async function selectAnnotations(
  clippings: readonly IndexedClipping[],
  matches: AnnotationTest,
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<AnnotationTest> {
  const selected = new Map<IndexedClipping, Set<string>>();
  let sliceStart = performance.now();
  for (const clipping of clippings) {
    const ids = new Set<string>();
    for (const annotation of clipping.annotations) {
      if (matches(clipping, annotation)) ids.add(annotation.id);
    }
    if (ids.size > 0) selected.set(clipping, ids);
    if (performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  return (clipping, annotation) => selected.get(clipping)?.has(annotation.id) === true;
}

/** What a speaker said and the stances they hold, across `clippings`, in the order walked. */
export function quotesOf(clippings: readonly IndexedClipping[], speakerId: string): AnnotationRef[] {
  const quotes: AnnotationRef[] = [];
  for (const clipping of clippings) {
    forEachAnnotation(clipping, (facts, annotation) => {
      if (facts.type !== 'source' && facts.person === speakerId) quotes.push({ clipping, annotation: annotation() });
    });
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
