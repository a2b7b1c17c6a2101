import assert from 'node:assert/strict';
import { COLUMNS, concatChunks, csvField, csvLines, exportRows, utf8Chunks } from '../../src/core/export';
import { readCsv, speakerOf, WATER, WATER_ANNOTATIONS } from './exportFixtures';

describe('export/csv', () => {
  const text = [...csvLines(exportRows([WATER], speakerOf))].join('');

  it('starts with a byte order mark, so spreadsheet programs read the file as UTF-8', () => {
    const bytes = concatChunks(utf8Chunks(csvLines(exportRows([WATER], speakerOf))));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), text);
  });

  it('reads back as a header and one record per annotation, every field as it was', () => {
    const [header, ...records] = readCsv(text.slice(1));
    assert.deepEqual(header, [...COLUMNS]);
    assert.equal(records.length, WATER_ANNOTATIONS.length);
    const field = (record: string[], column: (typeof COLUMNS)[number]) => record[COLUMNS.indexOf(column)];
    records.forEach((record, index) => {
      const annotation = WATER_ANNOTATIONS[index];
      assert.equal(field(record, 'id'), annotation.id);
      assert.equal(field(record, 'quote'), annotation.anchor.quote, 'commas, quotes, CRLF and Arabic survive');
      assert.equal(field(record, 'start'), String(annotation.anchor.start));
      assert.equal(field(record, 'file'), 'dossiers/water.clip');
    });
    const [minister, stance, orphan, source, union] = records;
    assert.equal(field(minister, 'speaker'), 'وزير النقل');
    assert.equal(field(minister, 'article'), 'وزراء يتفقون على إعادة فتح الميناء');
    assert.equal(field(minister, 'outlet'), 'الأهرام');
    assert.equal(field(minister, 'date'), '2024-03-12');
    assert.equal(field(stance, 'note'), 'with, a "comma"\nand a line');
    assert.equal(field(stance, 'holder'), 'وزير النقل');
    assert.equal(field(stance, 'speaker'), '', 'a stance has no speaker');
    assert.equal(field(source, 'source_agencies'), 'AFP; رويترز');
    assert.equal(field(source, 'source_kind'), 'broadcaster');
    assert.equal(field(source, 'date'), '', 'the second article has no date');
    assert.equal(field(union, 'speaker'), 'Dockers, "United"');
    assert.equal(field(union, 'speech'), 'reported');
    assert.equal(field(orphan, 'orphaned'), 'true');
    assert.equal(field(orphan, 'holder'), 'ghost', 'a speaker the registry lacks is named by its id');
    assert.equal(field(orphan, 'quote'), 'كلمات حذفت', 'an orphan keeps the words it lost');
  });

  it('quotes a field only when it holds a comma, a quote or a line break', () => {
    assert.equal(csvField('قال الوزير'), 'قال الوزير');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "yes"'), '"say ""yes"""');
    assert.equal(csvField('one\ntwo'), '"one\ntwo"');
    assert.equal(csvField('one\rtwo'), '"one\rtwo"');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(12), '12');
    assert.equal(csvField(false), 'false');
    assert.equal(csvField(['a', 'b,c']), '"a; b,c"');
  });

  it('writes text a spreadsheet would run as a formula after an apostrophe, and numbers as they are', () => {
    assert.equal(csvField('=HYPERLINK("http://example.com","x")'), `"'=HYPERLINK(""http://example.com"",""x"")"`);
    assert.equal(csvField('+1 for the plan'), "'+1 for the plan");
    assert.equal(csvField('-- انتهى'), "'-- انتهى");
    assert.equal(csvField('@reuters'), "'@reuters");
    assert.equal(csvField('\tcmd'), "'\tcmd");
    assert.equal(csvField('\rcmd'), `"'\rcmd"`);
    assert.equal(csvField('a = b'), 'a = b', 'only the first character counts');
    assert.equal(csvField(-3), '-3', 'a number is not a formula');
    assert.equal(csvField(['-a', 'b']), "'-a; b", 'a list cell is text');
  });

  it('ends every record with CRLF, also when no annotation is exported', () => {
    assert.ok(text.endsWith('\r\n'));
    assert.equal([...csvLines([])].join(''), `\uFEFF${COLUMNS.join(',')}\r\n`);
  });
});
