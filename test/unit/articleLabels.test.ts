import * as assert from 'node:assert/strict';
import { describeArticle } from '../../src/features/articleLabels';
import { parseClipping } from '../../src/core/parser';

/** The label beside the only article of `lines`, as the outline and the article picker show it. */
function labelOf(...lines: string[]): string {
  const [article] = parseClipping(`${lines.join('\n')}\n`).articles;
  return describeArticle(article);
}

describe('describeArticle', () => {
  it('joins the outlet and the date read with its time, to the minute', () => {
    assert.equal(labelOf('Harbour reopens', '5/7/2013 11:13:00 PM', 'The Coastal Times', 'Body text follows here.'), 'The Coastal Times · 2013-05-07 23:13');
  });

  it('shows a date without a time as it reads it, and a GMT time to the minute', () => {
    assert.equal(labelOf('Harbour reopens', '09.05.2013', 'The Coastal Times', 'Body.'), 'The Coastal Times · 2013-05-09');
    assert.equal(labelOf('Harbour reopens', 'Tuesday, 7 May 2013 20:39 GMT', 'The Coastal Times', 'Body.'), 'The Coastal Times · 2013-05-07 20:39');
  });

  it('shows either alone when the other is unknown, and nothing when both are', () => {
    assert.equal(labelOf('Harbour reopens', 'The Coastal Times', 'Body text that ends like a sentence.'), 'The Coastal Times');
    assert.equal(labelOf('Harbour reopens', '09.05.2013', 'Body text that ends like a sentence.'), '2013-05-09');
    assert.equal(labelOf('Harbour reopens', 'Body text that ends like a sentence.'), '');
  });

  it('shows a labeled date it cannot read as written', () => {
    assert.equal(labelOf('Harbour reopens', 'Published on: someday soon', 'The Coastal Times', 'Body.'), 'The Coastal Times · Published on: someday soon');
  });

  it('takes the outlet from a source line closing the article when none is under the title', () => {
    assert.equal(labelOf('Harbour reopens', '09.05.2013', 'Body text that ends like a sentence.', '/Source: Reuters/'), 'Reuters · 2013-05-09');
  });
});
