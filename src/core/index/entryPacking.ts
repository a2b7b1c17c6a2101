/**
 * Index entries packed for the trip from the indexing worker and for the cache: annotations as
 * arrays instead of objects (no key names), and the strings that repeat (authors, times, types,
 * speaker ids, targets, outlets, article titles) once in a string table, referred to by number.
 * A million annotations take a third of the room of plain JSON, parse three times faster,
 * and unpack into objects that share those strings, which keeps the index's heap small.
 */
import type { Annotation, ArticleRef, AttributionKind, Polarity, SourceKind, SourceScope } from '../annotations';
import { anchorOf, sourceTagOf, speakerTagOf, stanceTagOf } from './annotationObjects';
import type { IndexedArticle } from '../workspaceModel';
import type { IndexEntry, TitlePosition } from './indexEntry';

/** An index into the string table; NONE for an absent optional string. */
type Ref = number;
const NONE = -1;

type PackedBase = [id: string, author: Ref, created: Ref, modified: Ref, quote: string, prefix: string, suffix: string, start: number, end: number, articleIndex: number, articleTitle: Ref, orphaned: 0 | 1];
type PackedAnnotation =
  | [...PackedBase, type: 0, speaker: Ref, kind: Ref, cue: Ref]
  | [...PackedBase, type: 1, holder: Ref, polarity: Ref, target: Ref, note: Ref]
  | [...PackedBase, type: 2, scope: Ref, kind: Ref, outlet: Ref, writer: Ref, agencies: Ref[] | typeof NONE];
type PackedArticle = [index: number, title: Ref, outlet: Ref, date: Ref, start: number, end: number];

export interface PackedEntry {
  readonly relativePath: string;
  readonly sidecarProblem: string | null;
  readonly articles: readonly PackedArticle[];
  /** line, character and end character of each title, one after the other. */
  readonly titles: readonly number[];
  readonly annotations: readonly PackedAnnotation[];
}

/** The string table a packer fills: each string once. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly refs = new Map<string, number>();

  ref(text: string): Ref {
    let ref = this.refs.get(text);
    if (ref === undefined) {
      ref = this.strings.push(text) - 1;
      this.refs.set(text, ref);
    }
    return ref;
  }

  optional(text: string | undefined): Ref {
    return text === undefined ? NONE : this.ref(text);
  }
}

/**
 * The strings entries share once unpacked, whichever table they came from: an author, a time
 * or an outlet is one string in memory however many annotations carry it.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The table with each string replaced by the pool's copy. */
  adopt(table: readonly string[]): string[] {
    return table.map((text) => {
      const known = this.strings.get(text);
      if (known !== undefined) return known;
      this.strings.set(text, text);
      return text;
    });
  }
}

export function packEntry(entry: IndexEntry, table: StringTable): PackedEntry {
  const { clipping } = entry;
  return {
    relativePath: clipping.relativePath,
    sidecarProblem: clipping.sidecarProblem ?? null,
    articles: clipping.articles.map((article) => [article.index, table.ref(article.title), table.optional(article.outlet), table.optional(article.date), article.start, article.end]),
    titles: entry.titles.flatMap((title) => [title.line, title.character, title.endCharacter]),
    annotations: clipping.annotations.map((annotation) => packAnnotation(annotation, table)),
  };
}

function packAnnotation(annotation: Annotation, table: StringTable): PackedAnnotation {
  const { anchor } = annotation;
  const base: PackedBase = [
    annotation.id,
    table.ref(annotation.author),
    table.ref(annotation.created),
    table.ref(annotation.modified),
    anchor.quote,
    anchor.prefix,
    anchor.suffix,
    anchor.start,
    anchor.end,
    anchor.article?.index ?? NONE,
    table.optional(anchor.article?.title),
    anchor.orphaned ? 1 : 0,
  ];
  switch (annotation.type) {
    case 'speaker':
      return [...base, 0, table.ref(annotation.speaker), table.ref(annotation.kind), table.optional(annotation.cue)];
    case 'stance':
      return [...base, 1, table.ref(annotation.holder), table.ref(annotation.polarity), table.ref(annotation.target), table.optional(annotation.note)];
    case 'source':
      return [
        ...base,
        2,
        table.ref(annotation.scope),
        table.ref(annotation.kind),
        table.optional(annotation.outlet),
        table.optional(annotation.writer),
        annotation.agencies ? annotation.agencies.map((agency) => table.ref(agency)) : NONE,
      ];
  }
}

/** The entry of clipping `uri` from its packed form and the (pooled) strings of its table. */
export function unpackEntry(uri: string, packed: PackedEntry, strings: readonly string[]): IndexEntry {
  const optional = (ref: Ref) => (ref === NONE ? undefined : strings[ref]);
  const articles: IndexedArticle[] = packed.articles.map(([index, title, outlet, date, start, end]) => ({ index, title: strings[title], outlet: optional(outlet), date: optional(date), start, end }));
  const titles: TitlePosition[] = [];
  for (let at = 0; at < packed.titles.length; at += 3) {
    titles.push({ line: packed.titles[at], character: packed.titles[at + 1], endCharacter: packed.titles[at + 2] });
  }
  // Anchors made in the same article share one article reference.
  const articleRefs = new Map<string, ArticleRef>();
  const articleRef = (index: number, title: Ref) => {
    const key = `${index}:${title}`;
    let ref = articleRefs.get(key);
    if (!ref) articleRefs.set(key, (ref = { index, title: strings[title] }));
    return ref;
  };
  const annotations = packed.annotations.map((fields) => unpackAnnotation(fields, strings, optional, articleRef));
  return { clipping: { uri, relativePath: packed.relativePath, articles, annotations, sidecarProblem: packed.sidecarProblem ?? undefined }, titles };
}

function unpackAnnotation(
  fields: PackedAnnotation,
  strings: readonly string[],
  optional: (ref: Ref) => string | undefined,
  articleRef: (index: number, title: Ref) => ArticleRef,
): Annotation {
  const [id, author, created, modified, quote, prefix, suffix, start, end, articleIndex, articleTitle, orphaned] = fields;
  const anchor = anchorOf(quote, prefix, suffix, start, end, articleIndex === NONE ? undefined : articleRef(articleIndex, articleTitle), orphaned === 1);
  const base = { id, anchor, author: strings[author], created: strings[created], modified: strings[modified] };
  switch (fields[12]) {
    case 0:
      return speakerTagOf(base, strings[fields[13]], strings[fields[14]] as AttributionKind, optional(fields[15]));
    case 1:
      return stanceTagOf(base, strings[fields[13]], strings[fields[14]] as Polarity, strings[fields[15]], optional(fields[16]));
    case 2: {
      const agencies = fields[17];
      return sourceTagOf(base, strings[fields[13]] as SourceScope, strings[fields[14]] as SourceKind, optional(fields[15]), agencies === NONE ? undefined : agencies.map((ref) => strings[ref]), optional(fields[16]));
    }
  }
}
