import * as assert from 'node:assert/strict';
import { articleAt, articleAtCaret, lastArticleStartingAtOrBefore } from '../../src/core/articleLookup';

const ARTICLES = [
  { start: 10, end: 20 },
  { start: 30, end: 40 },
];

describe('article lookup', () => {
  it('finds the article holding a character; spans are half-open', () => {
    assert.equal(articleAt(ARTICLES, 9), undefined);
    assert.equal(articleAt(ARTICLES, 10), ARTICLES[0]);
    assert.equal(articleAt(ARTICLES, 19), ARTICLES[0]);
    assert.equal(articleAt(ARTICLES, 20), undefined, 'the end is the first offset after the article');
    assert.equal(articleAt(ARTICLES, 35), ARTICLES[1]);
    assert.equal(articleAt([], 0), undefined);
  });

  it('counts a caret right after an article\'s last character as in it', () => {
    assert.equal(articleAtCaret(ARTICLES, 20), ARTICLES[0]);
    assert.equal(articleAtCaret(ARTICLES, 21), undefined);
    assert.equal(articleAtCaret(ARTICLES, 40), ARTICLES[1]);
  });

  it('gives the last article starting at or before an offset, between articles too', () => {
    assert.equal(lastArticleStartingAtOrBefore(ARTICLES, 5), -1);
    assert.equal(lastArticleStartingAtOrBefore(ARTICLES, 25), 0);
    assert.equal(lastArticleStartingAtOrBefore(ARTICLES, 30), 1);
    assert.equal(lastArticleStartingAtOrBefore(ARTICLES, 1000), 1);
  });
});
