import * as assert from 'node:assert';
import { INITIAL, IGrammar, StackElement } from 'vscode-textmate';
import { loadClippingGrammar } from '../grammar/load-grammar';
import { longLines, ONE_MEGABYTE } from '../grammar/long-lines';

/**
 * No timing assertions (they flake on slow machines): a catastrophic regex would not finish
 * within the generous timeout at all, while the grammar takes a few seconds at most per
 * megabyte (see `npx tsx bench/grammar.bench.ts` for the numbers).
 */
describe('grammar on 1 MB single lines', function () {
  this.timeout(60_000);
  const lines = longLines();

  let grammar: IGrammar;
  let afterSeparator: StackElement;
  before(async () => {
    grammar = await loadClippingGrammar();
    afterSeparator = grammar.tokenizeLine('====================', INITIAL).ruleStack;
  });

  for (const [name, line] of Object.entries(lines)) {
    it(`tokenizes "${name}" to the end`, () => {
      assert.strictEqual(line.length, ONE_MEGABYTE);
      const result = grammar.tokenizeLine(line, INITIAL);
      assert.strictEqual(result.stoppedEarly, false);
      assert.ok(result.tokens[result.tokens.length - 1].endIndex >= line.length, 'tokens cover the whole line');
    });
  }

  it('still finds quotes, dates and speakers in the mixed line', () => {
    const line = lines['mixed Arabic news'];
    const scopes = new Set(grammar.tokenizeLine(line, INITIAL).tokens.flatMap((token) => token.scopes));
    for (const scope of [
      'entity.name.function.speaker.clipping',
      'string.quoted.other.guillemets.clipping',
      'string.quoted.double.clipping',
      'constant.numeric.date.clipping',
      'constant.numeric.time.clipping',
    ]) {
      assert.ok(scopes.has(scope), `${scope} is found`);
    }
  });

  it('reads a 1 MB line after a separator as one title', () => {
    const line = lines['mixed Arabic news'];
    const words = grammar
      .tokenizeLine(line, afterSeparator)
      .tokens.filter((token) => line.slice(token.startIndex, token.endIndex).trim() !== '');
    assert.ok(words.length > 0 && words.every((token) => token.scopes.includes('markup.heading.title.clipping')));
  });
});
