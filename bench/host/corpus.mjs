// Builds the benchmark's large files from the repository's own sample dossier: a clipping of
// at least `size` characters (the dossier once, then its articles repeated) and a Markdown
// file of about the same size with the same text, each article title a `##` heading.
import { readFileSync } from 'node:fs';

const SEPARATOR_LINE = /^[ \t\u00a0]*([=\-*_~#•])\1{4,}[ \t\u00a0]*$/m;

export function buildClipping(sourceFile, size) {
  const dossier = readFileSync(sourceFile, 'utf8').replace(/\r\n?/g, '\n');
  const firstSeparator = dossier.search(SEPARATOR_LINE);
  const articles = dossier.slice(firstSeparator).replace(/\n*$/, '\n');
  const parts = [dossier.replace(/\n*$/, '\n')];
  let length = parts[0].length;
  while (length < size) {
    parts.push(articles);
    length += articles.length;
  }
  return parts.join('');
}

export function clippingToMarkdown(clipping) {
  return clipping.replace(/^[ \t\u00a0]*([=\-*_~#•])\1{4,}[ \t\u00a0]*\n(.*)$/gm, '\n## $2');
}
