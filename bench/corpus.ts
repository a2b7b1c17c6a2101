/**
 * Large dossiers for the benchmarks, built by repeating real-shaped ones: the first dossier
 * whole (header and table of contents included), then the articles of every source in turn,
 * separated by `=` lines, until the text reaches the size asked for.
 */
import { parseClipping } from '../src/core/parser';

/**
 * The plain regular-expression scan the parser is compared with: every separator line (one
 * character repeated five times or more, spaces around it allowed). Global and multiline.
 */
export const SEPARATOR_LINE = /^[ \t\u00a0]*([=\-*_~#•])\1{4,}[ \t\u00a0]*$/gm;

export function buildDossier(sources: readonly string[], chars: number): string {
  const articleParts = sources.map((source) => {
    const firstArticle = parseClipping(source).articles[0];
    return source.slice(firstArticle ? firstArticle.start : 0).trimEnd();
  });
  const parts = [sources[0].trimEnd()];
  let length = parts[0].length;
  for (let i = 0; length < chars; i++) {
    const part = `\n====================\n${articleParts[i % articleParts.length]}`;
    parts.push(part);
    length += part.length;
  }
  return `${parts.join('')}\n`;
}

/** The same text as Markdown: each article title after a separator becomes a `##` heading. */
export function dossierToMarkdown(dossier: string): string {
  return dossier.replace(new RegExp(`${SEPARATOR_LINE.source.slice(0, -1)}\\r?\\n(.*)$`, 'gm'), '\n## $2');
}

/** mulberry32: a tiny seeded generator, so every run benchmarks the same generated data. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
