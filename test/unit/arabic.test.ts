import * as assert from 'node:assert/strict';
import { matchKey, normalizeForMatching, stripCliticPrefixes } from '../../src/core/arabic';

describe('normalizeForMatching', () => {
  const cases: [string, string, string][] = [
    ['hamza forms of alef', 'أحمد إبراهيم آمال ٱلله', 'احمد ابراهيم امال الله'],
    ['alef maqsura', 'مصطفى على', 'مصطفي علي'],
    ['ta marbuta', 'مدينة القاهرة', 'مدينه القاهره'],
    ['hamza on waw and ya', 'مؤتمر رئيس', 'موتمر رييس'],
    ['tatweel', 'الـــوزير', 'الوزير'],
    ['diacritics and shadda', 'عُمّان مُحَمَّد', 'عمان محمد'],
    ['dagger alef', 'هٰذا', 'هذا'],
    ['Arabic-Indic digits', '٢٠١٣', '2013'],
    ['Persian digits and letters', '۲۰۱۳ کی', '2013 كي'],
    ['punctuation between words', 'كيري:زيارتي...لموسكو،مهمة؟!', 'كيري زيارتي لموسكو مهمه'],
    ['quotes and guillemets', '«الحياة» "النهار"', 'الحياه النهار'],
    ['runs of spaces, NBSP and tabs', ' a \u00a0\t b  ', 'a b'],
    ['directional and zero-width marks inside words', 'كي\u200fري \u200eلافروف\u200b', 'كيري لافروف'],
    ['BOM and ALM', '\ufeffنص\u061c', 'نص'],
    ['Latin case', 'Kerry MEETS Lavrov', 'kerry meets lavrov'],
    ['accented Latin kept, lowercased', 'ÉCOLE Ça', 'école ça'],
    ['presentation forms through NFKC', '\ufefb \ufe8d', 'لا ا'],
    ['full-width Latin through NFKC', 'ＡＢＣ', 'abc'],
    ['letters outside the BMP', '𝐊erry', 'kerry'],
    ['only punctuation', ' ... !!! ', ''],
    ['empty', '', ''],
  ];
  for (const [what, input, expected] of cases) {
    it(`folds ${what}`, () => assert.equal(normalizeForMatching(input), expected));
  }

  it('makes two spellings of one title equal', () => {
    assert.equal(
      normalizeForMatching('وزير الخارجية : روسيا تُناضل من أجل مكانٍ مستحق فى العالم'),
      normalizeForMatching('وزير  الخارجية: روسيا تناضل من اجل مكان مستحق في العالم'),
    );
  });

  it('copes with a megabyte without spaces', () => {
    const long = 'ب'.repeat(1_000_000);
    assert.equal(normalizeForMatching(long).length, 1_000_000);
  });
});

describe('stripCliticPrefixes', () => {
  const cases: [string, string][] = [
    ['وكيري', 'يري'],
    ['كيري', 'يري'],
    ['لافروف', 'افروف'],
    ['ولافروف', 'افروف'],
    ['للرئيس', 'رئيس'],
    ['الرئيس', 'رئيس'],
    ['والرئيس', 'رئيس'],
    ['بالرئيس', 'رئيس'],
    ['فالرئيس', 'رئيس'],
    ['وبالرئيس', 'رئيس'],
    ['كالرئيس', 'رئيس'],
    ['وعلي', 'علي'],
    ['علي', 'علي'],
    ['ولد', 'ولد'],
    ['بان', 'بان'],
    ['لبان', 'بان'],
    ['و', 'و'],
    ['', ''],
    ['Kerry', 'Kerry'],
  ];
  for (const [word, stem] of cases) {
    it(`strips ${word || '(empty)'} to ${stem || '(empty)'}`, () => assert.equal(stripCliticPrefixes(word), stem));
  }

  it('gives clitic + word the key of the word when the word has three letters or more', () => {
    for (const word of ['كيري', 'بوتين', 'الابراهيمي', 'عمر', 'لافروف']) {
      for (const clitic of ['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'بال', 'فال', 'ول', 'وب']) {
        assert.equal(stripCliticPrefixes(clitic + word), stripCliticPrefixes(word), clitic + word);
      }
    }
  });
});

describe('matchKey', () => {
  it('gives every spelling of Kerry one key', () => {
    const keys = new Set(['كيري', 'وكيري', 'لكيري', 'كيرى', 'لـ كيري'.replace(' ', ''), 'وكيرى', 'كِيري'].map(matchKey));
    assert.equal(keys.size, 1);
  });
  it('gives every spelling of Lavrov one key', () => {
    const keys = new Set(['لافروف', 'ولافروف', 'للافروف', 'لآفروف', 'لافروفْ'].map(matchKey));
    assert.equal(keys.size, 1);
  });
  it('keeps different names apart', () => {
    assert.notEqual(matchKey('كيري'), matchKey('لافروف'));
    assert.notEqual(matchKey('بوتين'), matchKey('أوباما'));
  });
  it('joins a name written in two words', () => {
    assert.equal(matchKey('عبد الله'), matchKey('عبدالله'));
  });
  it('folds Latin case', () => {
    assert.equal(matchKey('KERRY'), matchKey('kerry'));
  });
});
