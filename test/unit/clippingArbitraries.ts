/** Arbitraries for property tests of the parser: dossiers made of lines of the shapes it reads, and characters it treats specially. */
import * as fc from 'fast-check';

/** Any UTF-16 code unit, lone surrogates and line breaks included. */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** Characters the parser treats specially, mixed with plain ones. */
export const trickyChar = fc.constantFrom(
  '\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u200f', '\u200e', '\u061c', '\u200b', '\ufeff',
  '=', '-', '*', '_', '~', '#', '•', ':', '\\', '/', 'ـ', '.', '(', ')', '«', '»', '1', '٣', 'a', 'ك', 'ة',
);

const word = fc.constantFrom(
  'كيري', 'لافروف', 'مؤتمر', 'الميناء', 'وزير', 'النقل', 'مايو', 'أيار', 'Ferries', 'strike', 'Mayor', 'Reuters',
  '2013', '٧', '12', ':', '-', 'ـ', '/', '(رويترز)', '«الحياة»', '...', 'التعليقات', 'Comments', 'Contents', '\\', '1.',
);
const textLine = fc.array(word, { minLength: 1, maxLength: 14 }).map((words) => words.join(' '));
const dateLine = fc.constantFrom(
  '09.05.2013', '5/7/2013 11:13:00 PM', 'الثلاثاء ٧ مايو ٢٠١٣', 'May 7, 2013', '8 ايار 2013 الساعة 00:42', 'آخر تحديث: منذ ساعة',
);
const outletLine = fc.constantFrom('النهار', 'روسيا اليوم', 'رام الله - دنيا الوطن', 'مصدر الخبر: عمون', 'Source: City Radio', 'موسكو (رويترز) –');
const separatorLine = fc
  .tuple(fc.constantFrom('=', '-', '*', '_', '~', '#', '•'), fc.integer({ min: 3, max: 30 }), fc.constantFrom('', ' ', '\u00a0', '\t'))
  .map(([char, count, padding]) => `${padding}${char.repeat(count)}${padding}`);

const comment = fc.tuple(textLine, dateLine, textLine).map((parts) => parts.join('\n'));
const article = fc
  .record({
    title: textLine,
    head: fc.array(fc.oneof(dateLine, outletLine, textLine), { maxLength: 3 }),
    body: fc.array(fc.oneof(textLine, fc.constant('')), { maxLength: 6 }),
    comments: fc.option(fc.array(comment, { maxLength: 3 }), { nil: undefined }),
  })
  .map(({ title, head, body, comments }) =>
    [title, ...head, ...body, ...(comments ? [`التعليقات ${comments.length}`, ...comments] : [])].join('\n'),
  );

const header = fc
  .tuple(textLine, textLine, dateLine, fc.constantFrom('Admin', 'المحرر'))
  .map(([crumb, title, date, author]) => [`الرئيسة \\ ${crumb}`, '', title, '', date, author, ''].join('\n'));
const toc = fc
  .tuple(fc.constantFrom('عناوين الملف:', 'Contents:', 'المحتويات'), fc.array(textLine, { minLength: 1, maxLength: 6 }))
  .map(([heading, entries]) => [heading, ...entries.map((entry, i) => `${i + 1}. ${entry}`), '\u00a0'].join('\n'));

/** A dossier as a list of lines: header and contents (optional), then articles between separators. */
export const dossier = fc
  .record({
    header: fc.option(header, { nil: undefined }),
    toc: fc.option(toc, { nil: undefined }),
    articles: fc.array(fc.tuple(article, separatorLine, fc.constantFrom('', '\n', '\n\u00a0\n')), { maxLength: 8 }),
  })
  .map(({ header: head, toc: contents, articles }) =>
    [head, contents, ...articles.map(([text, separator, gap]) => `${text}${gap}\n${separator}`)].filter((part) => part !== undefined).join('\n'),
  );

