import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findSpeakers, suggestSpeakerForLine } from '../../../src/core/annotations/speakers';
import type { SpeakerRegistry } from '../../../src/core/annotations/types';

const REGISTRY: SpeakerRegistry = {
  version: 1,
  speakers: [
    { id: 'kerry', name: 'جون كيري', aliases: ['كيري', 'كيرى', 'John Kerry'], role: 'وزير الخارجية الأميركي' },
    { id: 'lavrov', name: 'سيرغي لافروف', aliases: ['لافروف', 'Sergei Lavrov'] },
    { id: 'kerr', name: 'كيرن ستون', aliases: [] },
    { id: 'berry', name: 'بيري', aliases: [] },
  ],
};

const ids = (query: string) => findSpeakers(REGISTRY, query).map((match) => `${match.speaker.id}:${match.rank}`);

describe('annotations/speakers', () => {
  describe('findSpeakers', () => {
    it('finds a speaker by any alias, in any script, Latin case ignored', () => {
      assert.deepEqual(ids('كيري'), ['kerry:exact']);
      assert.deepEqual(ids('john kerry'), ['kerry:exact']);
      assert.deepEqual(ids('جون كيري'), ['kerry:exact']);
      assert.deepEqual(ids('LAVROV'), ['lavrov:word']);
    });

    it('folds spelling variants', () => {
      assert.deepEqual(ids('كيرى'), ['kerry:exact']);
      assert.deepEqual(ids('جون كيرى'), ['kerry:exact']);
    });

    it('sees through clitics: وكيري, لكيري, ولافروف', () => {
      assert.equal(ids('وكيري')[0], 'kerry:clitic');
      assert.equal(ids('لكيري')[0], 'kerry:clitic');
      assert.deepEqual(ids('ولافروف'), ['lavrov:clitic']);
      assert.deepEqual(ids('وجون كيري'), ['kerry:clitic']);
      assert.deepEqual(ids('لجون'), ['kerry:word']);
    });

    it('ranks exact before clitic before word before prefix', () => {
      // بيري and كيري share a stem once clitics are stripped, yet neither is the other with a clitic.
      assert.deepEqual(ids('بيري'), ['berry:exact']);
      assert.deepEqual(ids('وبيري'), ['berry:clitic']);
      assert.deepEqual(ids('كير'), ['kerry:prefix', 'kerr:prefix'], 'same rank: by name');
      assert.deepEqual(ids('سيرغي'), ['lavrov:word']);
    });

    it('finds nothing for an empty or unknown query, and needs two letters to guess', () => {
      assert.deepEqual(ids(''), []);
      assert.deepEqual(ids(' ، '), []);
      assert.deepEqual(ids('أوباما'), []);
      assert.deepEqual(ids('ك'), []);
    });
  });

  describe('suggestSpeakerForLine', () => {
    it('reads the name before the colon', () => {
      assert.deepEqual(suggestSpeakerForLine('كيري: المؤتمر الدولي فرصة حقيقية'), { name: 'كيري', cue: 'prefix', quoteStart: 6 });
      assert.equal(suggestSpeakerForLine('وزير الخارجية : روسيا لن تتراجع')?.name, 'وزير الخارجية');
      assert.equal(suggestSpeakerForLine('الزعاترة:لا جديد في المؤتمر')?.quoteStart, 'الزعاترة:'.length);
      assert.equal(suggestSpeakerForLine('Kerry: talks were useful')?.name, 'Kerry');
    });

    it('skips list numbering', () => {
      assert.deepEqual(suggestSpeakerForLine('12. لافروف: الحوار هو الحل'), { name: 'لافروف', cue: 'prefix', quoteStart: 12 });
      assert.equal(suggestSpeakerForLine('٣) كيري: لا بديل عن التسوية')?.name, 'كيري');
    });

    it('takes a speech verb as the cue and keeps the name', () => {
      assert.deepEqual(suggestSpeakerForLine('وقال كيري: "سنعمل معا"'), { name: 'كيري', cue: 'قال', quoteStart: 11 });
      assert.deepEqual(suggestSpeakerForLine('وتابع لافروف قائلا: "الحل سياسي"')?.cue, 'تابع');
      assert.equal(suggestSpeakerForLine('وتابع لافروف قائلا: "الحل سياسي"')?.name, 'لافروف');
      assert.deepEqual(suggestSpeakerForLine('وأضاف لافروف قوله: لا تغيير')?.name, 'لافروف');
      assert.equal(suggestSpeakerForLine('من جهته، أكد وزير الخارجية الروسي: نحن جاهزون')?.name, 'وزير الخارجية الروسي');
      assert.deepEqual(suggestSpeakerForLine('Kerry said: we agreed'), { name: 'Kerry', cue: 'said', quoteStart: 12 });
    });

    it('passes over lines that only look like it', () => {
      for (const line of [
        'لا نقطتين في هذا السطر',
        'آخر تحديث 22:41',
        'تاريخ النشر : 2013-05-08',
        'آخر تحديث: الثلاثاء 7 أيار',
        'عناوين الملف:',
        'http://example.com/page',
        'في المؤتمر الصحفي الذي عقده الوزيران في موسكو بعد لقاء استمر ساعات طويلة: اتفاق',
        'قال: نعم',
        'مضيفاً: لا تغيير في الموقف',
        'المصدر/الوكالة: رويترز',
      ]) {
        assert.equal(suggestSpeakerForLine(line), undefined, line);
      }
    });

    const samples = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'samples');
    const dossier = path.join(samples, 'dossier-kerry-lavrov-2013-05-08.txt');

    it('on the real dossier, names the two ministers on their quote lines', function () {
      if (!existsSync(dossier)) this.skip();
      const lines = readFileSync(dossier, 'utf8').split(/\r?\n/);
      const names = lines.map(suggestSpeakerForLine).flatMap((line) => (line ? [line.name] : []));
      const keys = names.map((name) => findSpeakers(REGISTRY, name)[0]?.speaker.id);
      assert.ok(keys.filter((id) => id === 'kerry').length >= 10, 'Kerry lines');
      assert.ok(keys.filter((id) => id === 'lavrov').length >= 8, 'Lavrov lines');
      for (const name of names) assert.ok(name.split(' ').length <= 6 && !/[0-9]/.test(name), name);
    });
  });
});
