import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Article, ClippingDocument, LineKind } from '../../src/core/model';
import { parseClipping } from '../../src/core/parser';
import { assertInvariants } from './parserInvariants';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const lines = (...content: string[]) => content.join('\n');

function parse(text: string): ClippingDocument {
  const document = parseClipping(text);
  assertInvariants(text, document);
  return document;
}

const titles = (document: ClippingDocument) => document.articles.map((article) => article.title.text);
const kinds = (article: Article): LineKind[] => article.lines.map((line) => line.kind);
const problemCodes = (document: ClippingDocument) => document.problems.map((problem) => problem.code);

describe('parseClipping', () => {
  describe('the Arabic fixture dossier', () => {
    const text = fixture('railway-dossier.clip');
    const document = parse(text);

    it('reads the header: breadcrumb, title, date, author', () => {
      const header = document.header;
      assert.ok(header);
      assert.deepEqual(header.breadcrumb?.segments.map((segment) => segment.text), ['الرئيسة', 'ملفات المركز', 'مشروع سكة حديد الساحل 12-3-2024']);
      assert.equal(header.title?.text, 'مشروع سكة حديد الساحل: ردود الفعل الأولى');
      assert.equal(header.date?.iso, '2024-03-12');
      assert.equal(header.author?.text, 'المحرر');
      assert.equal(header.startLine, 0);
      assert.equal(header.endLine, 5);
    });

    it('reads the table of contents', () => {
      const toc = document.toc;
      assert.ok(toc);
      assert.equal(toc.heading.text, 'عناوين الملف:');
      assert.deepEqual(toc.entries.map((entry) => entry.number), [1, 2, 3, 4, 5]);
      assert.equal(toc.entries[1].title.text, 'وزير النقل: القطار الأول ينطلق بعد أربع سنوات');
      assert.equal(text.slice(toc.entries[0].numberSpan.start, toc.entries[0].numberSpan.end), '1');
    });

    it('finds the five articles, the first right after the contents with no separator', () => {
      assert.deepEqual(titles(document), [
        'الحكومة تطلق مشروع سكة حديد الساحل بكلفة ثلاثة مليارات',
        'وزير النقل: القطار الأول ينطلق بعد أربع سنوات',
        'المزارعون يخشون على أراضيهم من مسار الخط الجديد',
        'محطة الميناء القديمة تتحول إلى متحف للقطارات',
        'خبراء : المشروع يخفف الازدحام على الطريق الساحلي',
      ]);
      assert.equal(document.separators.length, 5);
      assert.deepEqual(document.separators.map((separator) => separator.char), ['=', '=', '=', '*', '=']);
    });

    it('reads dates, outlets and quotes at the head of each article', () => {
      const [launch, minister, farmers, museum, experts] = document.articles;
      assert.deepEqual(launch.dates.map((date) => date.iso), ['2024-03-11T21:15:00']);
      assert.equal(launch.outlet?.text, 'الأنباء المحلية (وكالة الساحل)');
      assert.deepEqual(launch.quotes.map((quote) => quote.speaker.text), ['وزير النقل', 'رئيس الوزراء']);
      assert.deepEqual(minister.dates.map((date) => date.iso), ['2024-03-12']);
      assert.equal(minister.outlet?.text, 'صحيفة الميناء');
      assert.deepEqual(minister.quotes.map((quote) => quote.speaker.text), ['وزير النقل', 'الوزير']);
      assert.equal(farmers.subtitle?.text, 'والبلديات تطالب بالتعويض');
      assert.deepEqual(farmers.dates.map((date) => date.iso), ['2024-03-12T10:05:00']);
      assert.equal(farmers.outlet?.text, 'الريف اليوم');
      assert.deepEqual(museum.dates.map((date) => date.iso), ['2024-03-12']);
      assert.equal(museum.outlet, undefined);
      assert.deepEqual(experts.dates.map((date) => date.iso), ['2024-03-12T14:10:00Z']);
      assert.equal(experts.outlet?.text, 'المدينة - الساحل نيوز');
    });

    it('reads closing bylines and source lines', () => {
      const [, minister, , , experts] = document.articles;
      assert.deepEqual(minister.bylines.map((byline) => byline.text), ['المدينة ـ وكالات']);
      assert.equal(kinds(experts).at(-1), 'outlet');
      assert.deepEqual(experts.bylines, []);
    });

    it('reads reader comments with their authors and times', () => {
      const comments = document.articles[2].comments;
      assert.ok(comments);
      assert.equal(comments.heading.text, 'التعليقات (2)');
      assert.equal(comments.announcedCount, 2);
      assert.deepEqual(
        comments.comments.map((comment) => [comment.author?.text, comment.time?.iso]),
        [
          ['سامر الحلبي', '2024-03-12T11:20:00'],
          ['ليلى - الميناء', '2024-03-12T12:45:00'],
        ],
      );
      const body = comments.comments[1].body;
      assert.ok(body);
      assert.ok(text.slice(body.start, body.end).startsWith('أسكن قرب'));
    });

    it('matches contents entries by title, the subtitle helping, and reports what does not match', () => {
      assert.deepEqual(document.tocMatches, [0, 1, 2, 4, undefined]);
      assert.deepEqual(problemCodes(document), ['toc-entry-without-article', 'article-without-toc-entry']);
      const [entryProblem, articleProblem] = document.problems;
      assert.ok(text.slice(entryProblem.start, entryProblem.end).startsWith('5. نقابة'));
      assert.equal(text.slice(articleProblem.start, articleProblem.end), document.articles[3].title.text);
    });

    it('classifies every line of an article', () => {
      assert.deepEqual(kinds(document.articles[2]), [
        'title', 'subtitle', 'date', 'outlet', 'body', 'body',
        'commentsHeading', 'commentAuthor', 'commentTime', 'commentBody', 'commentAuthor', 'commentTime', 'commentBody',
      ]);
      assert.deepEqual(kinds(document.articles[1]), ['title', 'date', 'outlet', 'body', 'body', 'quote', 'body', 'byline']);
    });
  });

  describe('the English fixture dossier', () => {
    const document = parse(fixture('budget-dossier.clip'));

    it('reads header, contents with `1)` numbers and three articles', () => {
      assert.equal(document.header?.title?.text, 'City budget 2024: first reactions');
      assert.equal(document.header?.date?.iso, '2024-03-14');
      assert.equal(document.header?.author?.text, 'Editor');
      assert.equal(document.toc?.heading.text, 'Contents:');
      assert.deepEqual(document.toc?.entries.map((entry) => entry.title.text), [
        'Council approves a leaner budget for 2024',
        'Mayor: No new taxes this year',
        'Libraries fear cuts to opening hours',
      ]);
      assert.deepEqual(document.tocMatches, [0, 1, 2]);
      assert.deepEqual(document.problems, []);
    });

    it('reads English datelines, outlets, bylines and comments', () => {
      const [council, mayor, libraries] = document.articles;
      assert.deepEqual(council.dates.map((date) => date.iso), ['2024-03-14T18:30:00']);
      assert.equal(council.outlet?.text, 'The Harbour Gazette');
      assert.deepEqual(council.bylines.map((byline) => byline.text), ['Harbour City - Staff reporter']);
      assert.equal(mayor.outlet?.text, 'City Radio');
      assert.deepEqual(mayor.quotes.map((quote) => [quote.speaker.text, quote.quote.text]), [['Mayor', 'No new taxes this year']]);
      assert.deepEqual(
        mayor.comments?.comments.map((comment) => [comment.author?.text, comment.time?.iso]),
        [
          ['Jane Doe', '2024-03-14T19:02:00'],
          ['Sam K.', '2024-03-14T20:15:00'],
        ],
      );
      assert.deepEqual(libraries.dates.map((date) => date.iso), ['2024-03-05']);
      assert.equal(libraries.outlet, undefined);
    });
  });

  describe('line ends and invisible characters', () => {
    const dossier = lines('عنوان أول', 'نص الخبر الأول.', '=====', 'عنوان ثان', 'نص الخبر الثاني.', '');

    it('reads CRLF text like LF text, with offsets into the CRLF text', () => {
      const crlf = dossier.replace(/\n/g, '\r\n');
      const document = parse(crlf);
      assert.deepEqual(titles(document), ['عنوان أول', 'عنوان ثان']);
      assert.equal(document.lineCount, 6);
      assert.equal(document.separators[0].line, 2);
      assert.equal(crlf.slice(document.separators[0].start, document.separators[0].end), '=====');
      assert.equal(crlf.slice(document.articles[0].start, document.articles[0].end), 'عنوان أول\r\nنص الخبر الأول.');
    });

    it('ends lines at a lone carriage return too', () => {
      const document = parse(dossier.replace(/\n/g, '\r'));
      assert.deepEqual(titles(document), ['عنوان أول', 'عنوان ثان']);
      assert.equal(document.lineCount, 6);
    });

    it('keeps a BOM in the first block but out of the title', () => {
      const text = `\ufeff${dossier}`;
      const document = parse(text);
      assert.equal(document.blocks[0].start, 0);
      assert.equal(document.articles[0].start, 0);
      assert.equal(document.articles[0].title.text, 'عنوان أول');
      assert.equal(document.articles[0].title.start, 1);
    });

    it('treats NBSP, RLM, LRM, ALM and zero-width characters as blank', () => {
      const text = lines('\u00a0', 'عنوان', 'نص.', ' \u200f\u200e\u061c\u200b ', '=====', '\u00a0\u202f', '=====', '\u2066\u2069', 'ثان');
      const document = parse(text);
      assert.deepEqual(titles(document), ['عنوان', 'ثان']);
      assert.equal(document.articles[0].endLine, 2);
    });
  });

  describe('separators', () => {
    it('accepts any of = - * _ ~ # • repeated five times or more, with spaces or NBSP around', () => {
      const separatorLines = ['=====', ' ------ ', '\u00a0*****\u00a0', '__________', '~~~~~~~', '\t#####', '•••••'];
      const text = ['أ', ...separatorLines.flatMap((separator, i) => [separator, `مقال ${i}`])].join('\n');
      const document = parse(text);
      assert.equal(document.separators.length, separatorLines.length);
      assert.deepEqual(document.separators.map((separator) => separator.char), ['=', '-', '*', '_', '~', '#', '•']);
      assert.equal(document.articles.length, separatorLines.length + 1);
    });

    it('refuses short runs, mixed characters and runs with text', () => {
      for (const notSeparator of ['====', '= = = = =', '=====-----'.slice(0, 4) + '-', '===== x', 'x =====', '*-*-*-*-*']) {
        const document = parse(lines('عنوان', notSeparator, 'نص'));
        assert.equal(document.separators.length, 0, notSeparator);
        assert.equal(document.articles.length, 1, notSeparator);
      }
    });

    it('makes one article of a text without separators', () => {
      const document = parse(lines('Only title', 'Some text.', '', 'More text.'));
      assert.deepEqual(titles(document), ['Only title']);
      assert.equal(document.articles[0].endLine, 3);
    });

    it('makes no article of separators alone, nor of blank segments between them', () => {
      const document = parse(lines('=====', '', '  ', '-----', '\u00a0', '*****', ''));
      assert.equal(document.articles.length, 0);
      assert.equal(document.separators.length, 3);
      assert.deepEqual(document.blocks.map((block) => block.kind), ['separator', 'gap', 'separator', 'gap', 'separator', 'gap']);
    });

    it('reads a text that starts and ends with separators', () => {
      const document = parse(lines('=====', 'Title', 'Body.', '====='));
      assert.deepEqual(titles(document), ['Title']);
      assert.deepEqual(document.blocks.map((block) => block.kind), ['separator', 'gap', 'article', 'gap', 'separator']);
    });

    it('gives empty and blank texts one gap block and no article', () => {
      for (const text of ['', '\n\n', ' \u00a0 ']) {
        const document = parse(text);
        assert.equal(document.articles.length, 0);
        assert.deepEqual(document.blocks, [{ kind: 'gap', start: 0, end: text.length }]);
      }
      assert.equal(parseClipping('').lineCount, 1);
    });
  });

  describe('table of contents', () => {
    it('reads Arabic-Indic numbers and the `.` `)` `-` marks, and entries holding colons', () => {
      const text = lines('المحتويات', '١. الأول: عنوان', '٢) الثاني', '٣- الثالث', '', 'الأول: عنوان', 'نص.', '=====', 'الثاني', 'نص.', '=====', 'الثالث', 'نص.');
      const document = parse(text);
      assert.deepEqual(document.toc?.entries.map((entry) => [entry.number, entry.title.text]), [
        [1, 'الأول: عنوان'],
        [2, 'الثاني'],
        [3, 'الثالث'],
      ]);
      assert.equal(document.header, undefined);
      assert.deepEqual(document.tocMatches, [0, 1, 2]);
    });

    it('recognizes the heading however it is spelled', () => {
      for (const heading of ['Contents:', 'Table of contents', 'TABLE OF CONTENTS', 'فهرس', 'الفهرس:', 'عناوين الملف :', 'المحتويات']) {
        const document = parse(lines(heading, '1. Alpha', '', 'Alpha', 'Text.'));
        assert.equal(document.toc?.entries.length, 1, heading);
        assert.deepEqual(titles(document), ['Alpha'], heading);
      }
    });

    it('is no table of contents without a numbered entry under the heading', () => {
      const document = parse(lines('Contents', 'Not an entry', '=====', 'B'));
      assert.equal(document.toc, undefined);
      assert.deepEqual(titles(document), ['Contents', 'B']);
    });

    it('takes the lines before the contents heading as the header, even without a breadcrumb', () => {
      const document = parse(lines('Dossier title', '14.03.2024', 'Desk', '', 'Contents:', '1. Alpha', '=====', 'Alpha', 'Text.'));
      assert.equal(document.header?.title?.text, 'Dossier title');
      assert.equal(document.header?.date?.iso, '2024-03-14');
      assert.equal(document.header?.author?.text, 'Desk');
      assert.deepEqual(titles(document), ['Alpha']);
    });

    it('finds the contents in the segment after a header that stands alone', () => {
      const document = parse(lines('Home \\ Files', 'Dossier', '=====', 'Contents', '1) Alpha', '=====', 'Alpha', 'Text.'));
      assert.ok(document.header?.breadcrumb);
      assert.equal(document.toc?.entries.length, 1);
      assert.deepEqual(titles(document), ['Alpha']);
      assert.deepEqual(document.blocks.filter((block) => block.kind !== 'gap').map((block) => block.kind), ['header', 'separator', 'toc', 'separator', 'article']);
    });

    it('matches by title, not by position, and reports both sides of a mismatch', () => {
      const text = lines(
        'Contents:',
        '1. Ferries stop at noon',
        '2. Unions call a strike',
        '3. A story that never came',
        '=====',
        'Unions call a strike',
        'Text.',
        '=====',
        'Ferries  stop at noon!',
        'Text.',
        '=====',
        'An article nobody listed',
        'Text.',
      );
      const document = parse(text);
      assert.deepEqual(document.tocMatches, [1, 0, undefined]);
      assert.deepEqual(
        document.problems.map((problem) => [problem.code, text.slice(problem.start, problem.end)]),
        [
          ['toc-entry-without-article', '3. A story that never came'],
          ['article-without-toc-entry', 'An article nobody listed'],
        ],
      );
    });

    it('reports no matching problem when there is no table of contents', () => {
      const document = parse(lines('A', 'x', '=====', 'B', 'y'));
      assert.deepEqual(document.problems, []);
      assert.deepEqual(document.tocMatches, []);
    });
  });

  describe('header', () => {
    it('reads a breadcrumb header followed by a separator', () => {
      const text = lines('Home \\  Dossiers  \\ Port', '', 'Port strike', '', '03.06.2024', 'Admin', '=====', 'First', 'Text.');
      const document = parse(text);
      assert.deepEqual(document.header?.breadcrumb?.segments.map((segment) => segment.text), ['Home', 'Dossiers', 'Port']);
      assert.equal(document.header?.title?.text, 'Port strike');
      assert.equal(document.header?.date?.iso, '2024-06-03');
      assert.equal(document.header?.author?.text, 'Admin');
      assert.deepEqual(titles(document), ['First']);
    });

    it('stops the header at the first line that fits no field', () => {
      const document = parse(lines('Home \\ Dossiers', 'Port strike', 'First article title, long enough to be no author', 'Text.'));
      assert.equal(document.header?.title?.text, 'Port strike');
      assert.equal(document.header?.date, undefined);
      assert.deepEqual(titles(document), ['First article title, long enough to be no author']);
    });

    it('is absent when the text starts with an article', () => {
      assert.equal(parse(lines('Title', '03.06.2024', 'Text.')).header, undefined);
    });
  });

  describe('articles', () => {
    it('reads an article with no date and no outlet', () => {
      const [article] = parse(lines('عنوان وحيد', 'نص طويل بما يكفي ليكون متن الخبر، وينتهي بنقطة.', 'فقرة ثانية.')).articles;
      assert.equal(article.outlet, undefined);
      assert.deepEqual(article.dates, []);
      assert.equal(article.subtitle, undefined);
      assert.deepEqual(kinds(article), ['title', 'body', 'body']);
    });

    it('reads a one-line article', () => {
      const [article] = parse(lines('=====', 'كيري: لا تعليق', '=====')).articles;
      assert.deepEqual(kinds(article), ['title']);
      assert.deepEqual(article.quotes.map((quote) => quote.speaker.text), ['كيري']);
    });

    it('tells a subtitle from an outlet', () => {
      const withSubtitle = parse(lines('Ferries stop at noon', 'Unions say the stoppage will last until the weekend', 'Port Daily', 'Text.')).articles[0];
      assert.equal(withSubtitle.subtitle?.text, 'Unions say the stoppage will last until the weekend');
      assert.equal(withSubtitle.outlet?.text, 'Port Daily');
      const shortSubtitle = parse(lines('العنوان', 'والنقابات تتوعد', '03.06.2024', 'صحيفة الميناء', 'نص.')).articles[0];
      assert.equal(shortSubtitle.subtitle?.text, 'والنقابات تتوعد');
      assert.equal(shortSubtitle.outlet?.text, 'صحيفة الميناء');
      const outletOnly = parse(lines('العنوان', 'صحيفة الميناء', '03.06.2024', 'نص.')).articles[0];
      assert.equal(outletOnly.subtitle, undefined);
      assert.equal(outletOnly.outlet?.text, 'صحيفة الميناء');
    });

    it('reads quote lines and leaves reported speech to the body', () => {
      const article = parse(lines('العنوان', 'نص.', 'وزير النقل : لا زيادة في الأسعار', 'وقال الوزير: "لا زيادة"', 'وتابع الوزير قائلا: لا زيادة', 'http://example.com/page')).articles[0];
      assert.deepEqual(article.quotes.map((quote) => [quote.speaker.text, quote.quote.text]), [['وزير النقل', 'لا زيادة في الأسعار']]);
      assert.deepEqual(kinds(article), ['title', 'body', 'quote', 'body', 'body', 'body']);
    });

    it('reports a date line it cannot read', () => {
      const text = lines('العنوان', 'آخر تحديث: منذ ساعتين', 'نص.');
      const document = parse(text);
      const [date] = document.articles[0].dates;
      assert.equal(date.iso, undefined);
      assert.deepEqual(document.problems.map((problem) => [problem.code, text.slice(problem.start, problem.end)]), [['unreadable-date', 'آخر تحديث: منذ ساعتين']]);
    });

    it('falls back to paragraphs for comments without timestamps', () => {
      const comments = parse(lines('Title', 'Text.', 'Comments', 'First comment.', '', 'Second comment,', 'on two lines.')).articles[0].comments;
      assert.equal(comments?.announcedCount, undefined);
      assert.equal(comments?.comments.length, 2);
      assert.ok(comments?.comments.every((comment) => comment.author === undefined && comment.time === undefined && comment.body));
    });

    it('keeps the article span from its title line to its last non-blank line', () => {
      const text = lines('', '  Title  ', 'Text.', '', '', '=====');
      const [article] = parse(text).articles;
      assert.equal(article.startLine, 1);
      assert.equal(article.endLine, 2);
      assert.equal(text.slice(article.start, article.end), '  Title  \nText.');
      assert.equal(article.title.text, 'Title');
    });
  });

  describe('robustness', () => {
    it('never throws on odd characters', () => {
      for (const text of ['\ud800', 'a\udc00b\n=====\n\u0000', '\r\r\n\n\r', ':'.repeat(100), '١. \n=====', 'Comments (99999999999999999999)']) {
        parse(text);
      }
    });

    it('serializes with its lazy details through JSON', () => {
      const document = parseClipping(fixture('budget-dossier.clip'));
      const json = JSON.parse(JSON.stringify(document)) as ClippingDocument;
      assert.equal(json.articles[1].comments?.comments.length, 2);
      assert.equal(json.problems.length, 0);
      assert.equal(json.blocks.length, document.blocks.length);
    });

    it('returns the same details on every read', () => {
      const [article] = parseClipping(fixture('budget-dossier.clip')).articles;
      assert.equal(article.lines, article.lines);
      assert.equal(article.dates, article.dates);
    });
  });
});
