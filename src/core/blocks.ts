import type { Block, BlockKind, TextSpan } from './model';

interface Placed {
  readonly kind: BlockKind;
  readonly spans: readonly TextSpan[];
}

/**
 * Top-level blocks in document order: the given spans (each list already in order), with
 * what lies between them (line breaks, blank lines) as gaps, so that the blocks partition
 * [0, length). An empty text is one empty gap.
 */
export function partition(length: number, placed: readonly Placed[]): Block[] {
  const blocks: Block[] = [];
  const next = placed.map(() => 0);
  let covered = 0;
  for (;;) {
    let chosen = -1;
    for (let list = 0; list < placed.length; list++) {
      const span = placed[list].spans[next[list]];
      if (span && (chosen < 0 || span.start < placed[chosen].spans[next[chosen]].start)) chosen = list;
    }
    if (chosen < 0) break;
    const span = placed[chosen].spans[next[chosen]++];
    if (span.start > covered) blocks.push({ kind: 'gap', start: covered, end: span.start });
    blocks.push({ kind: placed[chosen].kind, start: span.start, end: span.end });
    covered = span.end;
  }
  if (length > covered || blocks.length === 0) blocks.push({ kind: 'gap', start: covered, end: length });
  return blocks;
}
