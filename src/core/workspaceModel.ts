/**
 * What the workspace index knows of one annotated clipping: plain data, the same whether it
 * was just read or restored from the index cache. Exports, the agreement report and the
 * summary report are pure functions over these.
 */
import type { Annotation, Speaker } from './annotations';

export interface IndexedArticle {
  /** 0-based position among the clipping's articles. */
  readonly index: number;
  readonly title: string;
  readonly outlet: string | undefined;
  /** The first date of the article: ISO 8601 when it could be read, otherwise as written. */
  readonly date: string | undefined;
  readonly start: number;
  readonly end: number;
}

export interface IndexedClipping {
  /** The clipping's URI, as a string (`file:///…`). */
  readonly uri: string;
  /** Path relative to its workspace folder, with `/`: how exports and views name the file. */
  readonly relativePath: string;
  readonly articles: readonly IndexedArticle[];
  readonly annotations: readonly Annotation[];
  /** Why the sidecar could not be read, when it could not: its annotations are then empty. */
  readonly sidecarProblem: string | undefined;
}

/** The speakers of the registry that applies to a clipping, by id. */
export type SpeakerLookup = (clippingUri: string, speakerId: string) => Speaker | undefined;
