import * as assert from 'node:assert/strict';
import {
  isSubtitleShaped,
  readByline,
  readCommentsHeading,
  readDateLine,
  readLabeledSource,
  readOutlet,
  readQuote,
} from '../../src/core/lineShapes';

/** Runs a recognizer on a whole line, as the parser does on a trimmed line. */
const on = <T>(read: (text: string, start: number, end: number) => T, line: string): T => read(line, 0, line.length);

describe('line shapes', () => {
  describe('readDateLine', () => {
    it('takes short lines holding a date, the field covering the date as written', () => {
      assert.equal(on(readDateLine, '2013:05:08.08:41    حجم الخط    اطبع')?.text, '2013:05:08.08:41');
      assert.equal(on(readDateLine, 'تاريخ النشر : 2013-05-08')?.iso, '2013-05-08');
      assert.equal(on(readDateLine, '[5/7/2013 10:26:23 PM]')?.text, '5/7/2013 10:26:23 PM');
    });
    it('refuses prose that mentions a date', () => {
      assert.equal(on(readDateLine, 'موسكو 7 مايو 2013 /صرح وزير الخارجية بأن المحادثات كانت مثمرة وأن الجانبين اتفقا'), undefined);
      assert.equal(on(readDateLine, 'اجتماع المجلس البلدي الأول للسنة الجديدة 8-5-2013'), undefined);
    });
    it('keeps an unreadable date announced by a label, without an ISO reading', () => {
      const field = on(readDateLine, 'آخر تحديث: منذ ساعتين');
      assert.equal(field?.text, 'آخر تحديث: منذ ساعتين');
      assert.equal(field?.iso, undefined);
      assert.equal(on(readDateLine, 'Updated: yesterday')?.iso, undefined);
      assert.equal(on(readDateLine, 'تاريخ'), undefined);
    });
  });

  describe('readOutlet', () => {
    const outlets: [string, string][] = [
      ['النهار', 'النهار'],
      ['روسيا اليوم', 'روسيا اليوم'],
      ['مصادر الأنباء المحلية (الساحل)', 'الأنباء المحلية (الساحل)'],
      ['مصدر الخبر: عمون', 'عمون'],
      ['المصدر : وكالة الساحل', 'وكالة الساحل'],
      ['Source: City Radio', 'City Radio'],
      ['/مصدر: شينخوا/', 'شينخوا'],
      ['رام الله - دنيا الوطن', 'رام الله - دنيا الوطن'],
      ['موسكو (رويترز) –', 'موسكو (رويترز)'],
      ['موسكو - أ ف ب، يو بي آي، رويترز', 'موسكو - أ ف ب، يو بي آي، رويترز'],
      ['أمد/ موسكو', 'أمد/ موسكو'],
      ['ابنا:', 'ابنا'],
    ];
    for (const [line, name] of outlets) {
      it(`reads ${line}`, () => assert.equal(on(readOutlet, line)?.text, name));
    }
    it('refuses sentences, long lines and many words without separators', () => {
      assert.equal(on(readOutlet, 'انتهى الاجتماع.'), undefined);
      assert.equal(on(readOutlet, 'المزارعون يخشون على أراضيهم من مسار الخط الجديد'), undefined);
      assert.equal(on(readOutlet, 'one two three four five six'), undefined);
      assert.equal(on(readOutlet, 'a, b, c, d, e, f'), undefined);
    });
  });

  describe('readLabeledSource', () => {
    it('takes only labeled sources', () => {
      assert.equal(on(readLabeledSource, '/مصدر: شينخوا/')?.text, 'شينخوا');
      assert.equal(on(readLabeledSource, 'النهار'), undefined);
    });
  });

  describe('readQuote', () => {
    it('splits a short speaker from the quote', () => {
      const line = 'وزير الخارجية : روسيا تناضل';
      const quote = on(readQuote, line);
      assert.equal(quote?.speaker.text, 'وزير الخارجية');
      assert.equal(quote?.quote.text, 'روسيا تناضل');
      assert.equal(on(readQuote, 'الزعاترة:لا جديد')?.speaker.text, 'الزعاترة');
      assert.equal(on(readQuote, 'Jean-Marc Ayrault: yes')?.speaker.text, 'Jean-Marc Ayrault');
      assert.equal(on(readQuote, 'عُمَر: نعم')?.speaker.text, 'عُمَر');
    });
    it('refuses speakers of more than four words, with digits or punctuation, and empty quotes', () => {
      for (const line of [
        'وزير الخارجية الروسي سيرغي لافروف: نعم',
        'الساعة 10:30 صباحا',
        'واشنطن ـ موسكو: مؤتمر دولي',
        'قال، ثم: لا',
        'كيري:',
        ': بلا متكلم',
        'http://example.com',
        'a'.repeat(45) + ': too far',
      ]) {
        assert.equal(on(readQuote, line), undefined, line);
      }
    });
    it('leaves reported speech to the body', () => {
      assert.equal(on(readQuote, 'وقال كيري: "نعم"'), undefined);
      assert.equal(on(readQuote, 'فأضاف الوزير: لا'), undefined);
      assert.equal(on(readQuote, 'وتابع لافروف قائلا: نعم'), undefined);
      assert.equal(on(readQuote, 'Kerry said: yes'), undefined);
    });
  });

  describe('readByline', () => {
    const bylines: [string, string][] = [
      ['موسكو ـ وكالات', 'موسكو ـ وكالات'],
      ['بغداد ـ علي البغدادي', 'بغداد ـ علي البغدادي'],
      ['»  فاطمة شقير / وكالات', 'فاطمة شقير / وكالات'],
      ['Moscow - Reuters', 'Moscow - Reuters'],
      ['— Staff reporter', 'Staff reporter'],
    ];
    for (const [line, text] of bylines) {
      it(`reads ${line}`, () => assert.equal(on(readByline, line)?.text, text));
    }
    it('refuses lines without a joining mark, sentences and links', () => {
      assert.equal(on(readByline, 'حل سياسي'), undefined);
      assert.equal(on(readByline, 'انتهى - الخبر.'), undefined);
      assert.equal(on(readByline, 'https://example.com/a'), undefined);
      assert.equal(on(readByline, 'one - two three four five six seven eight'), undefined);
    });
  });

  describe('isSubtitleShaped', () => {
    it('takes short lines that do not end like a sentence', () => {
      assert.ok(on(isSubtitleShaped, 'والبلديات تطالب بالتعويض'));
      assert.ok(!on(isSubtitleShaped, 'انتهى الاجتماع.'));
      assert.ok(!on(isSubtitleShaped, 'هل انتهى؟'));
      assert.ok(!on(isSubtitleShaped, 'x'.repeat(151)));
    });
  });

  describe('readCommentsHeading', () => {
    const headings: [string, number | undefined][] = [
      ['التعليقات 7', 7],
      ['التعليقات (3)', 3],
      ['تعليقات القراء', undefined],
      ['عدد التعليقات: ١٢', 12],
      ['Comments', undefined],
      ['Comments (2)', 2],
      ['Reader comments', undefined],
      ["Readers' comments [4]", 4],
    ];
    for (const [line, count] of headings) {
      it(`reads ${line}`, () => {
        const heading = on(readCommentsHeading, line);
        assert.equal(heading?.heading.text, line);
        assert.equal(heading?.announcedCount, count);
      });
    }
    it('refuses lines that only start like a heading', () => {
      assert.equal(on(readCommentsHeading, 'التعليقات على القرار كانت كثيرة'), undefined);
      assert.equal(on(readCommentsHeading, 'Comments are closed'), undefined);
    });
    it('does not read past the end of its line', () => {
      const text = 'Comments (2)\nnext line';
      assert.equal(readCommentsHeading(text, 0, text.indexOf('\n'))?.announcedCount, 2);
    });
  });
});
