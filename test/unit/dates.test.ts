import * as assert from 'node:assert/strict';
import { readDate } from '../../src/core/dates';

/** Reads `text` and returns the ISO reading with the matched text, for compact assertions. */
function read(text: string): [string, string] | undefined {
  const reading = readDate(text);
  return reading && [reading.iso, text.slice(reading.matchStart, reading.matchEnd)];
}

describe('readDate', () => {
  describe('numeric dates', () => {
    const cases: [string, string, string][] = [
      ['09.05.2013', '2013-05-09', '09.05.2013'],
      ['8-5-2013', '2013-05-08', '8-5-2013'],
      ['15/4/2014', '2014-04-15', '15/4/2014'],
      ['4/15/2014', '2014-04-15', '4/15/2014'],
      ['تاريخ النشر : 2013-05-08', '2013-05-08', '2013-05-08'],
      ['2013-05-08 08:45:00', '2013-05-08T08:45:00', '2013-05-08 08:45:00'],
      ['2013-05-08T08:45', '2013-05-08T08:45:00', '2013-05-08T08:45'],
      ['2013:05:08.08:41    حجم الخط    اطبع', '2013-05-08T08:41:00', '2013:05:08.08:41'],
      ['2013/11/30', '2013-11-30', '2013/11/30'],
    ];
    for (const [text, iso, matched] of cases) {
      it(`reads ${text}`, () => assert.deepEqual(read(text), [iso, matched]));
    }
  });

  describe('slash dates and 12-hour clocks', () => {
    it('reads a slash date followed by AM/PM month first', () => {
      assert.deepEqual(read('5/7/2013 11:13:00 PM'), ['2013-05-07T23:13:00', '5/7/2013 11:13:00 PM']);
    });
    it('reads a bracketed slash date with seconds', () => {
      assert.deepEqual(read('[5/7/2013 10:26:23 PM]'), ['2013-05-07T22:26:23', '5/7/2013 10:26:23 PM']);
    });
    it('reads a slash date with a 24-hour clock day first', () => {
      assert.deepEqual(read('5/7/2013 23:13'), ['2013-07-05T23:13:00', '5/7/2013 23:13']);
    });
    it('reads 12 AM as midnight and 12 PM as noon', () => {
      assert.equal(readDate('1/2/2013 12:05 AM')?.iso, '2013-01-02T00:05:00');
      assert.equal(readDate('1/2/2013 12:05 PM')?.iso, '2013-01-02T12:05:00');
    });
    it('keeps day-first order when the day cannot be a month, even with PM', () => {
      assert.equal(readDate('13/5/2013 1:00 PM')?.iso, '2013-05-13T13:00:00');
    });
    it('reads Arabic ص and م as AM and PM', () => {
      assert.equal(readDate('3 تشرين الأول 2012 10:30 م')?.iso, '2012-10-03T22:30:00');
      assert.equal(readDate('3 تشرين الأول 2012 10:30 ص')?.iso, '2012-10-03T10:30:00');
    });
    it('leaves out a time that is not a valid time', () => {
      assert.deepEqual(read('2013-05-08 25:70'), ['2013-05-08', '2013-05-08']);
      assert.deepEqual(read('1/2/2013 13:05 PM'), ['2013-02-01', '1/2/2013']);
    });
  });

  describe('month names', () => {
    const cases: [string, string, string][] = [
      ['08 أيار , 2013 01:33:36', '2013-05-08T01:33:36', '08 أيار , 2013 01:33:36'],
      ['الثلاثاء ٧ مايو ٢٠١٣', '2013-05-07', 'الثلاثاء ٧ مايو ٢٠١٣'],
      ['الأربعاء، 8 مايو 2013 - 00:08', '2013-05-08T00:08:00', 'الأربعاء، 8 مايو 2013 - 00:08'],
      ['الثلاثاء 07 أيار 2013،   آخر تحديث 22:41', '2013-05-07T22:41:00', 'الثلاثاء 07 أيار 2013،   آخر تحديث 22:41'],
      ['8 ايار 2013 الساعة 00:42', '2013-05-08T00:42:00', '8 ايار 2013 الساعة 00:42'],
      ['آخر تحديث:  الثلاثاء، 7 مايو/ أيار، 2013، 20:39 GMT', '2013-05-07T20:39:00Z', 'الثلاثاء، 7 مايو/ أيار، 2013، 20:39 GMT'],
      ['07 مايو 2013 - آخر تحديث - 9:05', '2013-05-07T09:05:00', '07 مايو 2013 - آخر تحديث - 9:05'],
      ['May 7, 2013', '2013-05-07', 'May 7, 2013'],
      ['7 May 2013', '2013-05-07', '7 May 2013'],
      ['Tuesday, 7 May 2013 22:41', '2013-05-07T22:41:00', 'Tuesday, 7 May 2013 22:41'],
      ['Published Sept. 3rd, 2012 at 9:30 am', '2012-09-03T09:30:00', 'Sept. 3rd, 2012 at 9:30 am'],
      ['الجمعة 12 أيار (مايو) 2017', '2017-05-12', 'الجمعة 12 أيار (مايو) 2017'],
      ['۱۴ آذار ۱۳۹۹', undefined as unknown as string, ''],
    ];
    for (const [text, iso, matched] of cases.filter(([, iso]) => iso !== undefined)) {
      it(`reads ${text}`, () => assert.deepEqual(read(text), [iso, matched]));
    }
    it('refuses years outside 1900–2199 (a Persian solar year is not read as Gregorian)', () => {
      assert.equal(readDate('۱۴ آذار ۱۳۹۹'), undefined);
    });
  });

  describe('month name spellings', () => {
    const months: [string, number][] = [
      ['كانون الثاني', 1], ['شباط', 2], ['آذار', 3], ['نيسان', 4], ['أيار', 5], ['حزيران', 6],
      ['تموز', 7], ['آب', 8], ['أيلول', 9], ['تشرين الأول', 10], ['تشرين الثاني', 11], ['كانون الأول', 12],
      ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['ابريل', 4], ['إبريل', 4], ['مايو', 5],
      ['يونيو', 6], ['يونيه', 6], ['يوليو', 7], ['يوليه', 7], ['أغسطس', 8], ['سبتمبر', 9],
      ['أكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
      ['ماي', 5], ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
      ['جانفي', 1], ['فيفري', 2], ['أفريل', 4], ['جوان', 6], ['جويلية', 7], ['أوت', 8],
      ['January', 1], ['feb', 2], ['MARCH', 3], ['Dec', 12],
    ];
    for (const [name, month] of months) {
      it(`reads ${name} as month ${month}`, () => {
        assert.equal(readDate(`3 ${name} 2015`)?.iso, `2015-${String(month).padStart(2, '0')}-03`);
      });
    }
    it('accepts several spaces inside two-word month names', () => {
      assert.equal(readDate('1 كانون   الثاني 2015')?.iso, '2015-01-01');
    });
  });

  describe('digits', () => {
    it('reads Arabic-Indic digits in every part', () => {
      assert.equal(readDate('٢٠١٣-٠٥-٠٨ ٠٨:٤٥')?.iso, '2013-05-08T08:45:00');
    });
    it('reads Persian digits', () => {
      assert.equal(readDate('۸ مايو ۲۰۱۳')?.iso, '2013-05-08');
    });
  });

  describe('what is not a date', () => {
    const notDates = ['', 'no date here', 'الجولة 2 - 1', '31.02.2013', '2013-13-01', '00.05.2013', '7 مايو', '2013', '12345-05-08', '5/7/20133'];
    for (const text of notDates) {
      it(`finds nothing in ${JSON.stringify(text)}`, () => assert.equal(readDate(text), undefined));
    }
    it('reads 29 February only in leap years', () => {
      assert.equal(readDate('29.02.2012')?.iso, '2012-02-29');
      assert.equal(readDate('29.02.2013'), undefined);
    });
  });

  describe('position', () => {
    it('finds a date inside prose and reports where it is', () => {
      const text = 'موسكو 7 مايو 2013 /صرح وزير';
      const reading = readDate(text);
      assert.deepEqual(reading && text.slice(reading.matchStart, reading.matchEnd), '7 مايو 2013');
    });
    it('reads only between from and to, with offsets into the whole text', () => {
      const text = 'first 01.02.2010\nsecond 03.04.2011';
      const from = text.indexOf('second');
      const reading = readDate(text, from, text.length);
      assert.equal(reading?.iso, '2011-04-03');
      assert.equal(text.slice(reading.matchStart, reading.matchEnd), '03.04.2011');
      assert.equal(readDate(text, 0, from - 1)?.iso, '2010-02-01');
    });
    it('takes the first of two dates', () => {
      assert.equal(readDate('7 May 2013, updated 2013-05-09')?.iso, '2013-05-07');
    });
  });
});
