import * as assert from 'node:assert/strict';
import type { Article, ClippingDocument, Field, TextSpan } from '../../src/core/model';

/** Asserts what must hold for any text: exact coverage, spans in bounds and in order, fields equal to the text they point at. */
export function assertInvariants(text: string, document: ClippingDocument): void {
  assert.equal(document.length, text.length);
  assertBlocksPartition(text, document);
  assertArticlesInOrder(text, document);
  for (const article of document.articles) assertArticle(text, document, article);
  if (document.header) {
    for (const field of [document.header.title, document.header.date, document.header.author, document.header.breadcrumb?.span]) {
      if (field) assertField(text, field, document.header);
    }
    for (const segment of document.header.breadcrumb?.segments ?? []) assertField(text, segment, document.header);
  }
  if (document.toc) {
    assertField(text, document.toc.heading, document.toc);
    for (const entry of document.toc.entries) {
      assertWithin(entry, document.toc);
      assertField(text, entry.title, entry);
    }
    assert.equal(document.tocMatches.length, document.toc.entries.length);
  } else {
    assert.deepEqual(document.tocMatches, []);
  }
  const matched = document.tocMatches.filter((match) => match !== undefined);
  assert.equal(new Set(matched).size, matched.length, 'an article is matched at most once');
  for (const match of matched) assert.ok(match < document.articles.length);
  for (const separator of document.separators) {
    assertInBounds(separator, text.length);
    assert.deepEqual(document.positionAt(separator.start), { line: separator.line, character: 0 }, 'a separator starts its line');
    assert.deepEqual(document.positionAt(separator.end).line, separator.line, 'a separator ends on its line');
    assert.ok(separator.end === text.length || /[\r\n]/.test(text[separator.end]), 'a separator ends where its line ends');
  }
  for (const problem of document.problems) assertInBounds(problem, text.length);
}

/** Blank by an independent definition: JavaScript's white space plus directional and zero-width marks. */
const BLANK = /^[\s\u0085\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]*$/;

function assertBlocksPartition(text: string, document: ClippingDocument): void {
  const { blocks } = document;
  assert.ok(blocks.length > 0, 'at least one block');
  assert.equal(blocks[0].start, 0, 'the first block starts at 0');
  assert.equal(blocks[blocks.length - 1].end, text.length, 'the last block ends at the end');
  for (let i = 0; i < blocks.length; i++) {
    assert.ok(blocks[i].start <= blocks[i].end, 'a block does not end before it starts');
    if (i > 0) assert.equal(blocks[i].start, blocks[i - 1].end, `block ${i} starts where block ${i - 1} ends`);
    if (blocks[i].kind === 'gap') assert.match(text.slice(blocks[i].start, blocks[i].end), BLANK, 'no text is left in a gap');
  }
  const articleBlocks = blocks.filter((block) => block.kind === 'article');
  assert.deepEqual(
    articleBlocks.map(({ start, end }) => [start, end]),
    document.articles.map(({ start, end }) => [start, end]),
  );
  assert.equal(blocks.filter((block) => block.kind === 'separator').length, document.separators.length);
}

function assertArticlesInOrder(text: string, document: ClippingDocument): void {
  let previousEnd = -1;
  document.articles.forEach((article, index) => {
    assert.equal(article.index, index);
    assertInBounds(article, text.length);
    assert.ok(article.start > previousEnd || (index === 0 && article.start >= 0), 'articles are ordered and do not overlap');
    previousEnd = article.end;
  });
}

function assertArticle(text: string, document: ClippingDocument, article: Article): void {
  assert.ok(article.title.text.length > 0, 'an article has a title');
  assertField(text, article.title, article);
  for (const field of [article.subtitle, article.outlet, ...article.dates, ...article.bylines]) {
    if (field) assertField(text, field, article);
  }
  for (const quote of article.quotes) {
    assertWithin(quote, article);
    assertField(text, quote.speaker, quote);
    assertField(text, quote.quote, quote);
  }
  assert.equal(article.lines.length, article.endLine - article.startLine + 1, 'every line of the article is classified');
  article.lines.forEach((line, i) => {
    assert.equal(line.line, article.startLine + i);
    assertWithin(line, article);
  });
  assert.equal(article.lines[0].kind, 'title');
  assert.ok(article.startLine <= article.endLine && article.endLine < document.lineCount);
  assert.deepEqual(document.positionAt(article.start), { line: article.startLine, character: 0 }, 'an article starts where its first line starts');
  assert.equal(document.positionAt(article.title.end).line, article.startLine, 'the title is on the first line');
  if (article.comments) {
    assertWithin(article.comments, article);
    assertField(text, article.comments.heading, article.comments);
    assertOnLineFrom(document, article.comments.start, article.comments.heading);
    for (const comment of article.comments.comments) {
      assertWithin(comment, article.comments);
      if (comment.author) assertField(text, comment.author, comment);
      if (comment.author) assertOnLineFrom(document, comment.start, comment.author);
      if (comment.time) assertField(text, comment.time, comment);
      if (comment.body) assertWithin(comment.body, comment);
    }
  }
}

/** `lineStart` starts a line, and `span` is on that line. */
function assertOnLineFrom(document: ClippingDocument, lineStart: number, span: TextSpan): void {
  const { line, character } = document.positionAt(lineStart);
  assert.equal(character, 0, `${lineStart} starts a line`);
  assert.equal(document.positionAt(span.start).line, line, `[${span.start}, ${span.end}) starts on the line from ${lineStart}`);
  assert.equal(document.positionAt(span.end).line, line, `[${span.start}, ${span.end}) ends on the line from ${lineStart}`);
}

function assertInBounds(span: TextSpan, length: number): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `span [${span.start}, ${span.end}) within [0, ${length}]`);
}

function assertWithin(inner: TextSpan, outer: TextSpan): void {
  assert.ok(inner.start >= outer.start && inner.end <= outer.end, `[${inner.start}, ${inner.end}) within [${outer.start}, ${outer.end})`);
}

/** A field's text is exactly the text at its span, and the span lies within its container. */
function assertField(text: string, field: Field, container: TextSpan): void {
  assert.equal(field.text, text.slice(field.start, field.end));
  assertWithin(field, container);
}
