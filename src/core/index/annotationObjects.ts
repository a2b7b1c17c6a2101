/**
 * Annotations built for speed and a small heap, by the fast sidecar reader and when index
 * entries are unpacked: one object literal per combination of optional fields, never a spread.
 * Objects built here by spreading each got a hidden class of their own, which costs hundreds of
 * bytes per annotation and makes every property access slow; fields added after the literal go
 * to a separate backing store. Built by these literals, annotations of one shape share a hidden
 * class and hold their fields inline (bench/workspace.bench.ts: 840 → 490 bytes per annotation).
 */
import type { Anchor, AnnotationBase, ArticleRef, AttributionKind, Polarity, SourceKind, SourceScope, SourceTag, SpeakerTag, StanceTag } from '../annotations';

export function anchorOf(quote: string, prefix: string, suffix: string, start: number, end: number, article: ArticleRef | undefined, orphaned: boolean): Anchor {
  if (article) return orphaned ? { quote, prefix, suffix, start, end, article, orphaned } : { quote, prefix, suffix, start, end, article };
  return orphaned ? { quote, prefix, suffix, start, end, orphaned } : { quote, prefix, suffix, start, end };
}

export function speakerTagOf({ id, anchor, author, created, modified }: AnnotationBase, speaker: string, kind: AttributionKind, cue: string | undefined): SpeakerTag {
  return cue === undefined
    ? { id, type: 'speaker', speaker, kind, anchor, author, created, modified }
    : { id, type: 'speaker', speaker, kind, cue, anchor, author, created, modified };
}

export function stanceTagOf({ id, anchor, author, created, modified }: AnnotationBase, holder: string, polarity: Polarity, target: string, note: string | undefined): StanceTag {
  return note === undefined
    ? { id, type: 'stance', holder, polarity, target, anchor, author, created, modified }
    : { id, type: 'stance', holder, polarity, target, note, anchor, author, created, modified };
}

/** Sources are one per article or fewer: combinations beyond an outlet take a backing store. */
export function sourceTagOf(
  { id, anchor, author, created, modified }: AnnotationBase,
  scope: SourceScope,
  kind: SourceKind,
  outlet: string | undefined,
  agencies: readonly string[] | undefined,
  writer: string | undefined,
): SourceTag {
  const source: { -readonly [K in keyof SourceTag]: SourceTag[K] } =
    outlet === undefined ? { id, type: 'source', scope, kind, anchor, author, created, modified } : { id, type: 'source', scope, kind, outlet, anchor, author, created, modified };
  if (agencies !== undefined) source.agencies = agencies;
  if (writer !== undefined) source.writer = writer;
  return source;
}
