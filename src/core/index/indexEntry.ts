/**
 * What the workspace index keeps of one clipping, computed from its text and its sidecar's:
 * plain data, so that it crosses from the indexing worker and into the cache as it is.
 */
import type { TextProblem } from '../annotations';
import type { ClippingDocument } from '../model';
import { parseClipping } from '../parser';
import type { IndexedArticle, IndexedClipping } from '../workspaceModel';
import { readSidecar } from './fastSidecar';

/** Where an article's title is, for symbol locations without reading the file again. 0-based. */
export interface TitlePosition {
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
}

export interface IndexEntry {
  readonly clipping: IndexedClipping;
  /** One per article, in article order. */
  readonly titles: readonly TitlePosition[];
}

export interface ClippingSource {
  readonly uri: string;
  readonly relativePath: string;
  readonly text: string;
  /** The sidecar's text; undefined when the clipping has none. */
  readonly sidecarText: string | undefined;
}

export function indexClipping(source: ClippingSource): IndexEntry {
  const { articles, titles } = describeArticles(parseClipping(source.text));
  const sidecar = source.sidecarText === undefined ? undefined : readSidecar(source.sidecarText);
  const problem = sidecar && !sidecar.ok ? sidecar.error : undefined;
  return {
    clipping: {
      uri: source.uri,
      relativePath: source.relativePath,
      articles,
      annotations: sidecar?.ok ? sidecar.sidecar.annotations : [],
      sidecarProblem: problem && describeProblem(problem),
    },
    titles,
  };
}

/** A sidecar's problem in one line, as IndexedClipping.sidecarProblem holds it. */
export function describeProblem(problem: TextProblem): string {
  return `${problem.message} (line ${problem.line + 1}, column ${problem.column + 1})`;
}

/** The articles of a parse as the index keeps them, and where their titles are. */
export function describeArticles(model: ClippingDocument): { articles: IndexedArticle[]; titles: TitlePosition[] } {
  const articles: IndexedArticle[] = [];
  const titles: TitlePosition[] = [];
  for (const article of model.articles) {
    const date = article.dates[0];
    articles.push({
      index: article.index,
      title: article.title.text,
      outlet: article.outlet?.text,
      date: date && (date.iso ?? date.text),
      start: article.start,
      end: article.end,
    });
    const start = model.positionAt(article.title.start);
    titles.push({ line: start.line, character: start.character, endCharacter: start.character + article.title.end - article.title.start });
  }
  return { articles, titles };
}
