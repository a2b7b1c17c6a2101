/**
 * The cheap looks that spare most lines the full readers (mayHoldDate before readDate, a
 * label's initials before its pattern) must never refuse a line the full reader accepts.
 * Checked on generated lines made of the pieces dates and labels are written with, and on
 * every line of the repository's dossiers; each check is shown to catch a broken prefilter.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { mayHoldDate, readDate } from '../../src/core/dates';
import { LINE_LABELS, type LineLabel } from '../../src/core/lineShapes';

const repoRoot = path.resolve(__dirname, '..', '..');
const dossierFolders = ['samples', 'test/fixtures', 'test/unit/fixtures', 'test/grammar'];
const realLines = dossierFolders.flatMap((folder) =>
  readdirSync(path.join(repoRoot, folder))
    .filter((name) => /\.(clip|clipping|txt)$/.test(name))
    .flatMap((name) => readFileSync(path.join(repoRoot, folder, name), 'utf8').split(/\r\n|\r|\n/)),
);

/** Pieces of dates in every digit set and language, with years in and out of range. */
const datePiece = fc.constantFrom(
  '2013', '1900', '2199', '1899', '2200', '20130', '٢٠١٣', '۲۰۱۳', '٢0١3', '1٩٩٩', '8', '08', '١٢', '۱۲', '31', '7',
  '-', '/', '.', ':', ' ', ', ', '، ', 'T', '(', ')', 'at', 'الساعة', 'PM', 'م', 'GMT',
  'مايو', 'أيار', 'آذار', 'كانون الثاني', 'تشرين الأول', 'May', 'SEPT', 'sept.', 'december', '3rd', 'of', 'الثلاثاء، ', 'Tuesday, ',
);
const dateLine = fc.array(datePiece, { maxLength: 14 }).map((pieces) => pieces.join(''));

/** Whole labels, and the words they are made of, in any case, framed by what lines put around them. */
const labelPhrase = fc.constantFrom(
  'تاريخ النشر', 'تاريخ:', 'آخر تحديث', 'اخر تحديث', 'نشر في', 'نشر بتاريخ', 'نشر:', 'published on', 'last updated', 'updated', 'date:', 'posted：',
  'مصدر الخبر:', 'مصدر:', 'المصدر :', 'المصادر:', 'مصادر ', 'source:', 'sources：',
  'عدد التعليقات', 'التعليقات', 'تعليقات القراء', 'عدد تعليقات', "readers' comments", 'reader’s comments', 'reader comments', 'comments',
);
const labelWord = fc.constantFrom('تاريخ', 'النشر', 'آخر', 'تحديث', 'نشر', 'published', 'last', 'date', 'مصدر', 'الخبر', 'المصدر', 'source', 'عدد', 'تعليقات', 'القراء', 'readers', 'comments');
const cased = (word: fc.Arbitrary<string>) =>
  fc.tuple(word, fc.constantFrom('lower', 'upper', 'title')).map(([text, casing]) =>
    casing === 'lower' ? text : casing === 'upper' ? text.toUpperCase() : text.charAt(0).toUpperCase() + text.slice(1),
  );
const framing = fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00a0', '/', '//', '/ ', ':', '(', 'x');
const labelPiece = fc.oneof(cased(labelPhrase), cased(labelWord), framing, fc.constantFrom(' 7', ' (3)', ' ', ':'));
const labelLine = fc.oneof(
  fc.tuple(framing, cased(labelPhrase), fc.array(labelPiece, { maxLength: 3 })).map(([before, phrase, after]) => before + phrase + after.join('')),
  fc.array(labelPiece, { maxLength: 6 }).map((pieces) => pieces.join('')),
);

/** Whether `label`'s pattern matches at the start of `line`, run in full. */
function patternMatches(label: LineLabel, line: string): boolean {
  const pattern = new RegExp(label.pattern.source, label.pattern.flags);
  pattern.lastIndex = 0;
  return pattern.test(line);
}

const admitsDates = (prefilter: (line: string) => boolean) =>
  fc.property(dateLine, (line) => readDate(line) === undefined || prefilter(line));
const admitsLabel = (label: LineLabel, initials: ReadonlySet<number>) =>
  fc.property(labelLine, (line) => !patternMatches(label, line) || initials.has(line.charCodeAt(0)));

describe('prefilters', () => {
  describe('mayHoldDate', () => {
    it('admits every generated line readDate reads a date from', () => {
      fc.assert(admitsDates(mayHoldDate), { numRuns: 3000 });
    });

    it('admits every line of the repository’s dossiers that readDate reads a date from', () => {
      const refused = realLines.filter((line) => readDate(line) !== undefined && !mayHoldDate(line));
      assert.deepEqual(refused, []);
      assert.ok(realLines.some((line) => readDate(line) !== undefined));
    });

    it('refuses lines without a four-digit year', () => {
      for (const line of ['12:30', 'التعليقات (2)', '5/7/13 10:26 PM', '20130 نسخة', 'عام 1850', 'سنة 2200', '']) assert.equal(mayHoldDate(line), false, line);
      for (const line of ['2013', '٢٠١٣', 'x1900y', '12 أيار 2199']) assert.equal(mayHoldDate(line), true, line);
    });

    it('catches a prefilter that reads only ASCII digits, or stops at 2099', () => {
      const asciiOnly = (line: string) => /(?<![0-9])(19|2[01])[0-9]{2}(?![0-9])/.test(line);
      const upTo2099 = (line: string) => mayHoldDate(line) && !/(?<![0-9])21[0-9]{2}(?![0-9])/.test(line);
      assert.equal(fc.check(admitsDates(asciiOnly), { numRuns: 3000 }).failed, true);
      assert.equal(fc.check(admitsDates(upTo2099), { numRuns: 3000 }).failed, true);
    });
  });

  for (const [name, label] of Object.entries(LINE_LABELS)) {
    describe(`the ${name} label's initials`, () => {
      it('admit every generated line the pattern matches', () => {
        fc.assert(admitsLabel(label, label.initials), { numRuns: 3000 });
      });

      it('admit every line of the repository’s dossiers the pattern matches', () => {
        const refused = realLines.map((line) => line.trim()).filter((line) => patternMatches(label, line) && !label.initials.has(line.charCodeAt(0)));
        assert.deepEqual(refused, []);
      });

      it('are each needed: without any one of them, a generated line is refused wrongly', () => {
        for (const initial of label.initials) {
          const fewer = new Set([...label.initials].filter((code) => code !== initial));
          assert.equal(fc.check(admitsLabel(label, fewer), { numRuns: 3000 }).failed, true, `without ${JSON.stringify(String.fromCharCode(initial))}`);
        }
      });
    });
  }
});
