import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { looksLikeClipping, SEPARATOR_CHARACTERS } from '../../src/core/detect';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', name), 'utf8');
const sharedSample = path.resolve(repoRoot, '..', 'shared', 'samples', 'dossier-kerry-lavrov-2013-05-08.txt');

const NBSP = '\u00a0';
const lines = (...content: string[]) => content.join('\n');

describe('looksLikeClipping', () => {
  describe('fixtures', () => {
    it('recognises the Arabic dossier', () => {
      assert.strictEqual(looksLikeClipping(fixture('arabic-dossier.clip')), true);
    });

    it('recognises the English dossier despite its BOM and CRLF line endings', () => {
      const text = fixture('english-crlf.clipping');
      assert.ok(text.startsWith('\uFEFF') && text.includes('\r\n'), 'the fixture keeps its BOM and CRLF');
      assert.strictEqual(looksLikeClipping(text), true);
    });

    it('recognises a .txt clipping whose ***** separators are wrapped in NBSP', () => {
      const text = fixture('detected.txt');
      assert.ok(text.includes(`${NBSP}*****${NBSP}`), 'the fixture keeps its NBSP');
      assert.strictEqual(looksLikeClipping(text), true);
    });

    it('leaves plain notes alone', () => {
      assert.strictEqual(looksLikeClipping(fixture('plain.txt')), false);
    });

    it('recognises the shared real dossier', function () {
      if (!existsSync(sharedSample)) {
        this.skip();
      }
      assert.strictEqual(looksLikeClipping(readFileSync(sharedSample, 'utf8')), true);
    });
  });

  describe('separators', () => {
    it('needs two separator lines without a table of contents', () => {
      assert.strictEqual(looksLikeClipping(lines('First', '=====', 'Second', '=====', 'Third')), true);
      assert.strictEqual(looksLikeClipping(lines('Shopping list', '-----', 'bread', 'milk')), false);
    });

    for (const character of SEPARATOR_CHARACTERS) {
      it(`accepts a run of five ${character}`, () => {
        const separator = character.repeat(5);
        assert.strictEqual(looksLikeClipping(lines('One', separator, 'Two', separator, 'Three')), true);
      });
    }

    it('does not count runs of four, mixed characters or runs with text', () => {
      assert.strictEqual(looksLikeClipping(lines('One', '====', 'Two', '====', 'Three')), false);
      assert.strictEqual(looksLikeClipping(lines('One', '=-=-=-=', 'Two', '=-=-=-=', 'Three')), false);
      assert.strictEqual(looksLikeClipping(lines('===== One =====', 'text', '===== Two =====', 'text')), false);
    });

    it('tolerates spaces, NBSP, CR-only line breaks and a BOM', () => {
      const separator = `${NBSP} ==========${NBSP}\t`;
      assert.strictEqual(looksLikeClipping(`\uFEFFOne\r${separator}\rTwo\r${separator}\rThree`), true);
    });

    it('counts a separator that ends the file', () => {
      assert.strictEqual(looksLikeClipping(lines('One', '=====', 'Two', '=====', '')), true);
    });
  });

  describe('table of contents', () => {
    it('accepts a heading, a numbered entry and one separator', () => {
      const text = lines('عناوين الملف:', '١. عنوان المقال الأول', '٢. عنوان المقال الثاني', '', 'عنوان المقال الأول', 'نص', '====================', 'عنوان المقال الثاني');
      assert.strictEqual(looksLikeClipping(text), true);
    });

    it('accepts an English heading in any case, with blank lines before the first entry', () => {
      assert.strictEqual(looksLikeClipping(lines('CONTENTS', '', '1) Harbour reopens', 'Harbour reopens', '-----', 'Next')), true);
    });

    it('needs the separator', () => {
      assert.strictEqual(looksLikeClipping(lines('Contents:', '1. Harbour reopens', '2. Unions warn', '', 'Harbour reopens')), false);
    });

    it('needs a numbered entry right after the heading', () => {
      assert.strictEqual(looksLikeClipping(lines('Contents:', 'Harbour reopens', '1. later', '=====', 'Next')), false);
      assert.strictEqual(looksLikeClipping(lines('Contents:', '', '', '', '1. too far', '=====', 'Next')), false);
    });
  });

  describe('markdown', () => {
    it('does not mistake setext headings for separators', () => {
      const text = lines('My notes', '========', '', 'Some text.', '', 'Section', '-------', '', 'More text.', '', 'Another', '-------', '', 'The end.');
      assert.strictEqual(looksLikeClipping(text), false);
    });

    it('leaves a file with ATX headings, fences or links alone even with separators', () => {
      const rules = ['Intro', '', '-----', '', 'Middle', '', '-----', '', 'End'];
      assert.strictEqual(looksLikeClipping(lines(...rules)), true, 'the rules alone would count');
      assert.strictEqual(looksLikeClipping(lines('# Title', ...rules)), false);
      assert.strictEqual(looksLikeClipping(lines('```', 'code', '```', ...rules)), false);
      assert.strictEqual(looksLikeClipping(lines('See [the docs](https://example.invalid).', ...rules)), false);
      assert.strictEqual(looksLikeClipping(lines('---', 'title: Notes', '---', ...rules)), false);
    });

    it('keeps five tildes and five hashes as separators, not fences or headings', () => {
      assert.strictEqual(looksLikeClipping(lines('One', '~~~~~', 'Two', '#####', 'Three')), true);
    });
  });

  describe('detection window', () => {
    const filler = `${'x'.repeat(99)}\n`.repeat(700); // 70 000 characters, past the 64 KB window

    it('ignores separators after the first 64 KB', () => {
      assert.strictEqual(looksLikeClipping(lines('One', '=====', 'Two', '=====', 'Three', filler)), true);
      assert.strictEqual(looksLikeClipping(lines(filler, 'One', '=====', 'Two', '=====', 'Three')), false);
    });

    it('drops the line the window cuts through', () => {
      // The window ends after `========== ` (ten `=` and a space), which alone would pass for a separator.
      const head = lines('One', '=====', 'Two', '');
      const padding = 'y'.repeat(64 * 1024 - head.length - 12);
      assert.strictEqual(looksLikeClipping(`${head}${padding}\n${'='.repeat(10)} not a separator`), false);
    });

    it('handles a single huge line', () => {
      assert.strictEqual(looksLikeClipping('='.repeat(200_000)), false);
    });
  });

  it('never fires on text without any separator line', () => {
    const separatorRun = new RegExp(`(?:${SEPARATOR_CHARACTERS.map((c) => `\\${c}`).join('|')}){5}`);
    const line = fc.string({ maxLength: 40 }).filter((text) => !separatorRun.test(text));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (textLines) => {
        assert.strictEqual(looksLikeClipping(textLines.join('\n')), false);
      }),
    );
  });

  it('is false for empty text', () => {
    assert.strictEqual(looksLikeClipping(''), false);
  });
});
