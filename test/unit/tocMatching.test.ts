import * as assert from 'node:assert/strict';
import { matchTocEntries, normalizeTitles } from '../../src/core/tocMatching';

const articles = (...titles: string[]) => titles.map((title) => normalizeTitles(title));

describe('matchTocEntries', () => {
  it('matches equal titles whatever their order', () => {
    assert.deepEqual(matchTocEntries(['Alpha beta gamma', 'Delta epsilon zeta'], articles('Delta epsilon zeta', 'Alpha beta gamma')), [1, 0]);
  });

  it('sees through spelling, spacing, punctuation and clitics', () => {
    const entries = ['وزير الخارجية : روسيا تناضل من أجل مكان مستحق فى العالم', 'لافروف و كيري يتفقان على عقد مؤتمر دولي'];
    const titles = articles('لافروف وكيري يتفقان على عقد مؤتمر دولي', 'وزير الخارجية: روسيا تُناضل من اجل مكان مستحق في العالم');
    assert.deepEqual(matchTocEntries(entries, titles), [1, 0]);
  });

  it('matches an entry that joins title and subtitle with an ellipsis', () => {
    const entry = 'المزارعون يخشون على أراضيهم من مسار الخط الجديد...والبلديات تطالب بالتعويض';
    assert.deepEqual(matchTocEntries([entry], [normalizeTitles('المزارعون يخشون على أراضيهم من مسار الخط الجديد', 'والبلديات تطالب بالتعويض')]), [0]);
    assert.deepEqual(matchTocEntries([entry], articles('المزارعون يخشون على أراضيهم من مسار الخط الجديد')), [0], 'prefix containment alone');
  });

  it('leaves unmatched what is merely on the same subject', () => {
    const entries = ['مؤتمر دولي يجمع النظام والمعارضة بهدف تشكيل حكومة انتقالية'];
    assert.deepEqual(matchTocEntries(entries, articles('لقاء الكبار : اتفاق على مؤتمر يضم النظام و المعارضة و لا حديث عن رحيل')), [undefined]);
  });

  it('gives each article to one entry at most, the best one', () => {
    const matches = matchTocEntries(['Ferries stop at noon', 'Ferries stop at noon today'], articles('Ferries stop at noon today'));
    assert.deepEqual(matches, [undefined, 0]);
  });

  it('pairs duplicates in document order', () => {
    assert.deepEqual(matchTocEntries(['Same title here', 'Same title here'], articles('Same title here', 'Other', 'Same title here')), [0, 2]);
  });

  it('copes with empty inputs and titles without words', () => {
    assert.deepEqual(matchTocEntries([], articles('A b c')), []);
    assert.deepEqual(matchTocEntries(['A b c'], []), [undefined]);
    assert.deepEqual(matchTocEntries(['...', '!!'], articles('...', '؟')), [undefined, undefined]);
  });

  it('matches thousands of entries to thousands of articles, each to its own', () => {
    const titles = Array.from({ length: 3000 }, (_, i) => `Article number ${i} about topic ${i % 7} in city ${(i * 13) % 101} year ${2000 + (i % 25)}`);
    const shuffled = titles.map((title, i) => ({ title, i })).sort((a, b) => ((a.i * 7919) % 3000) - ((b.i * 7919) % 3000));
    const matches = matchTocEntries(titles, shuffled.map(({ title }) => normalizeTitles(title)));
    matches.forEach((match, entry) => assert.equal(match === undefined ? undefined : shuffled[match].i, entry));
  });
});
