import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  insertAnnotationEdit,
  insertAnnotationText,
  parseSidecar,
  removeAnnotationEdit,
  removeAnnotationText,
  replaceAnnotationEdit,
  replaceAnnotationText,
  serializeSidecar,
  sidecarLayoutInSteps,
  type SidecarLayout,
} from '../../../src/core/annotations/sidecar';
import { runToEnd } from '../../../src/core/annotations/steps';
import { compareAnnotations, type Annotation, type Sidecar } from '../../../src/core/annotations/types';
import { annotationArbitrary, annotationsArbitrary } from './arbitraries';

const TIMES = { created: '2024-05-01T10:00:00.000Z', modified: '2024-05-01T10:00:00.000Z' };
const KERRY: Annotation = {
  id: 'a-00000000k1',
  type: 'speaker',
  speaker: 'kerry',
  kind: 'direct',
  cue: 'prefix',
  author: 'سمير',
  ...TIMES,
  anchor: { quote: 'بيان جنيف مهم', prefix: '\nكيري: ', suffix: ' جدا', start: 100, end: 113, article: { index: 4, title: 'كيري: بيان جنيف' } },
};
const LAVROV: Annotation = {
  id: 'a-00000000l1',
  type: 'stance',
  holder: 'lavrov',
  polarity: 'against',
  target: 'التدخل العسكري',
  author: 'سمير',
  ...TIMES,
  anchor: { quote: 'لا حل عسكريا', prefix: 'قال لافروف: ', suffix: '.', start: 300, end: 312 },
};
const SOURCE: Annotation = {
  id: 'a-00000000s1',
  type: 'source',
  scope: 'article',
  kind: 'agency',
  agencies: ['رويترز', 'أ ف ب'],
  author: 'سمير',
  ...TIMES,
  anchor: { quote: 'كيري: بيان جنيف', prefix: '', suffix: '\n', start: 20, end: 35 },
};

function sidecarOf(annotations: readonly Annotation[]): Sidecar {
  return { version: 1, clipping: 'dossier.clip', annotations };
}

function parsed(text: string): Annotation[] {
  const result = parseSidecar(text);
  assert.ok(result.ok, result.ok ? '' : `${result.error.message} at ${result.error.line}:${result.error.column}\n${text}`);
  return [...result.sidecar.annotations];
}

const byId = (a: Annotation, b: Annotation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The lines of `after` are those of `before` with one contiguous run added or removed at the `- id:` line of `id`. */
function assertOnlyBlockChanged(before: string, after: string, id: string): void {
  // The first insertion into `annotations: []` also turns the list into a block list.
  [before, after] = [before, after].map((text) => text.replace(/^annotations: \[\]$/m, 'annotations:'));
  const [longer, shorter] = before.length > after.length ? [before, after] : [after, before];
  const longLines = longer.split('\n');
  const shortLines = shorter.split('\n');
  const at = longLines.findIndex((line) => line.trimStart() === `- id: ${id}`);
  assert.ok(at >= 0, `no block for ${id}`);
  const run = longLines.length - shortLines.length;
  assert.deepEqual([...longLines.slice(0, at), ...longLines.slice(at + run)], shortLines);
}

/** The text before the block of `id` and the text after it (from the next item, comment or key). */
function outsideBlock(text: string, id: string): [string, string] {
  const start = text.indexOf(`  - id: ${id}\n`);
  const next = /^( {0,2}(- |#)|\S)/m.exec(text.slice(text.indexOf('\n', start) + 1));
  return [text.slice(0, start), next ? text.slice(text.indexOf('\n', start) + 1 + next.index) : ''];
}

describe('annotations/sidecar', () => {
  describe('serializeSidecar and parseSidecar', () => {
    it('writes one readable block per annotation, in document order', () => {
      const text = serializeSidecar(sidecarOf([LAVROV, KERRY, SOURCE]));
      const ids = [...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => match[1]);
      assert.deepEqual(ids, [SOURCE.id, KERRY.id, LAVROV.id]);
      assert.match(text, /^version: 1$/m);
      assert.match(text, /^clipping: dossier.clip$/m);
      assert.match(text, /^ {4}agencies: \[رويترز, أ ف ب\]$/m);
      assert.match(text, /^ {6}prefix: "\\nكيري: "$/m);
      assert.deepEqual(parsed(text), [SOURCE, KERRY, LAVROV]);
    });

    it('writes an empty list for a clipping without annotations', () => {
      const text = serializeSidecar(sidecarOf([]));
      assert.match(text, /^annotations: \[\]$/m);
      assert.deepEqual(parsed(text), []);
    });

    it('reads back exactly what it wrote, whatever the strings hold, one line per value', () => {
      fc.assert(
        fc.property(annotationsArbitrary, (annotations) => {
          const text = serializeSidecar(sidecarOf(annotations));
          assert.deepEqual(parsed(text), [...annotations].sort(compareAnnotations));
          const values = text.split('\n').filter((line) => !line.startsWith('#') && line !== '');
          for (const line of values) assert.match(line, /^ *(- )?[a-z]+:( .*)?$/);
        }),
        { numRuns: 200 },
      );
    });

    it('gives the block of every annotation', () => {
      const text = serializeSidecar(sidecarOf([KERRY, LAVROV]));
      const result = parseSidecar(text);
      assert.ok(result.ok);
      const lines = text.split('\n');
      for (const block of result.blocks) {
        assert.equal(lines[block.line], `  - id: ${block.id}`);
        assert.ok(text.slice(block.start, block.end).startsWith(`id: ${block.id}`));
      }
    });
  });

  describe('parseSidecar errors', () => {
    const valid = serializeSidecar(sidecarOf([KERRY]));
    function errorOf(text: string) {
      const result = parseSidecar(text);
      assert.equal(result.ok, false);
      return result.ok ? assert.fail() : result.error;
    }
    function lineOf(text: string, needle: string): number {
      return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    }

    it('reports YAML syntax errors with their 0-based line and column', () => {
      const text = valid.replace('    kind: direct', '    kind: "direct');
      const error = errorOf(text);
      assert.ok(error.line >= lineOf(text, 'kind:'));
      assert.ok(error.message.length > 0);
    });

    it('reports a wrong value where it is', () => {
      const text = valid.replace('kind: direct', 'kind: quoted');
      const error = errorOf(text);
      assert.match(error.message, /'kind' must be one of: direct, reported/);
      assert.equal(error.line, lineOf(text, 'kind: quoted'));
      assert.equal(error.column, '    kind: '.length);
    });

    it('reports a misspelt key, a missing key and a duplicate id', () => {
      assert.match(errorOf(valid.replace('    cue:', '    cu:')).message, /Unknown key 'cu'/);
      assert.match(errorOf(valid.replace(/^ {4}speaker: kerry\n/m, '')).message, /Missing 'speaker'/);
      const twice = insertAnnotationText(valid, { ...LAVROV, id: KERRY.id });
      assert.match(errorOf(twice).message, /Duplicate id/);
    });

    it('checks the anchor and the times', () => {
      assert.match(errorOf(valid.replace('end: 113', 'end: 90')).message, /'end' must be after 'start'/);
      assert.match(errorOf(valid.replace('start: 100', 'start: -1')).message, /'start' must be a whole number/);
      assert.match(errorOf(valid.replace('created: 2024-05-01T10:00:00.000Z', 'created: yesterday')).message, /'created'/);
    });

    it('refuses a newer version and a file that is not a mapping', () => {
      assert.match(errorOf(valid.replace('version: 1', 'version: 2')).message, /Version 2 is newer/);
      assert.match(errorOf('- a\n- b\n').message, /must be a mapping/);
    });

    it('lists every problem, not only the first', () => {
      const result = parseSidecar(valid.replace('kind: direct', 'kind: x').replace('cue:', 'clue:'));
      assert.ok(!result.ok && result.errors.length === 2);
    });
  });

  describe('block edits', () => {
    const commented = [
      '# my notes on this dossier',
      'version: 1',
      'clipping: dossier.clip # renamed once',
      'annotations:',
      '  # the Kerry quotes',
      ...serializeSidecar(sidecarOf([SOURCE, KERRY])).split('\n').slice(5, -1),
      '',
      '  # end of list',
      '# bottom',
      '',
    ].join('\n');

    it('inserts a block at its place and changes nothing else', () => {
      const text = serializeSidecar(sidecarOf([SOURCE, LAVROV]));
      const after = insertAnnotationText(text, KERRY);
      assert.deepEqual(parsed(after), [SOURCE, KERRY, LAVROV]);
      assertOnlyBlockChanged(text, after, KERRY.id);
      assert.equal(removeAnnotationText(after, KERRY.id), text);
    });

    it('keeps every comment through inserts, replacements and removals', () => {
      let text = insertAnnotationText(commented, LAVROV);
      text = replaceAnnotationText(text, KERRY.id, { ...KERRY, kind: 'reported', modified: '2024-06-01T08:00:00.000Z' });
      text = removeAnnotationText(text, SOURCE.id);
      for (const comment of ['# my notes on this dossier', '# renamed once', '# the Kerry quotes', '# end of list', '# bottom']) {
        assert.ok(text.includes(comment), comment);
      }
      assert.deepEqual(
        parsed(text).map((annotation) => [annotation.id, annotation.modified]),
        [
          [KERRY.id, '2024-06-01T08:00:00.000Z'],
          [LAVROV.id, TIMES.modified],
        ],
      );
    });

    it('keeps the comments inside a replaced block', () => {
      const text = commented
        .replace('    cue: prefix', '    # checked against the video\n    cue: prefix # the colon form')
        .replace('      quote: بيان جنيف مهم', '      quote: بيان جنيف مهم # verified');
      const after = replaceAnnotationText(text, KERRY.id, { ...KERRY, cue: 'قال', anchor: { ...KERRY.anchor, start: 101, end: 114 } });
      assert.ok(after.includes('    # checked against the video\n    cue: قال # the colon form\n'));
      assert.match(after, /^ {6}start: 101$/m);
      assert.match(after, /^ {6}quote: بيان جنيف مهم # verified$/m);
      assert.deepEqual(outsideBlock(after, KERRY.id), outsideBlock(text, KERRY.id));
    });

    it('adds and drops optional fields inside a block in their usual order', () => {
      const text = serializeSidecar(sidecarOf([LAVROV]));
      const noted = replaceAnnotationText(text, LAVROV.id, { ...LAVROV, note: 'يرفض التسليح' });
      assert.match(noted, /target: التدخل العسكري\n {4}note: يرفض التسليح\n {4}anchor:/);
      assert.equal(replaceAnnotationText(noted, LAVROV.id, LAVROV), text);
    });

    it('replacing a block with what it holds changes nothing', () => {
      const text = serializeSidecar(sidecarOf([SOURCE, KERRY, LAVROV]));
      assert.equal(replaceAnnotationText(text, KERRY.id, KERRY), text);
    });

    it('turns an empty list into a block list on the first insert', () => {
      const text = serializeSidecar(sidecarOf([]));
      const after = insertAnnotationText(text, KERRY);
      assert.equal(after, serializeSidecar(sidecarOf([KERRY])));
      const emptied = removeAnnotationText(after, KERRY.id);
      assert.deepEqual(parsed(emptied), []);
      assert.deepEqual(parsed(insertAnnotationText(emptied, LAVROV)), [LAVROV]);
    });

    it('keeps Windows line breaks and a list written at column 0', () => {
      const crlf = serializeSidecar(sidecarOf([KERRY])).replace(/\n/g, '\r\n');
      const after = insertAnnotationText(crlf, LAVROV);
      assert.equal(after.replace(/\r\n/g, '').includes('\n'), false);
      assert.deepEqual(parsed(after), [KERRY, LAVROV]);

      const flush = serializeSidecar(sidecarOf([KERRY, LAVROV])).replace(/^ {2}/gm, '');
      const inserted = insertAnnotationText(flush, SOURCE);
      assert.match(inserted, /^- id: a-00000000s1$/m);
      assert.deepEqual(parsed(inserted), [SOURCE, KERRY, LAVROV]);
    });

    it('still edits layouts the line scan does not know, through the whole document', () => {
      const flow = [
        'version: 1',
        'clipping: dossier.clip',
        `annotations: [${JSON.stringify(KERRY)}] # kept`,
        '',
      ].join('\n');
      const after = insertAnnotationText(flow, LAVROV);
      assert.deepEqual(parsed(after), [KERRY, LAVROV]);
      assert.ok(after.includes('# kept'));
      const idLast = serializeSidecar(sidecarOf([KERRY])).replace(`  - id: ${KERRY.id}\n    type: speaker\n`, `  - type: speaker\n    id: ${KERRY.id}\n`);
      assert.deepEqual(parsed(removeAnnotationText(idLast, KERRY.id)), []);
      assert.deepEqual(parsed(replaceAnnotationText(idLast, KERRY.id, { ...KERRY, cue: 'قال' })), [{ ...KERRY, cue: 'قال' }]);
    });

    it('refuses to edit an annotation that is not there', () => {
      const text = serializeSidecar(sidecarOf([KERRY]));
      assert.throws(() => removeAnnotationText(text, 'a-missing000'));
      assert.throws(() => replaceAnnotationText(text, 'a-missing000', KERRY));
    });

    it('block edits given a kept layout make the same text, and the layout a scan of it finds', () => {
      const layoutOf = (text: string): SidecarLayout | undefined => runToEnd(sidecarLayoutInSteps(text));
      const operation = fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), annotation: annotationArbitrary(fc.integer({ min: 2 ** 40, max: 2 ** 45 })) }),
        fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), annotation: annotationArbitrary() }),
        fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      );
      const layouts = fc.constantFrom(
        (text: string) => text,
        (text: string) => text.replace(/\n/g, '\r\n'),
        (text: string) => text.replace(/^ {2}/gm, ''),
        (text: string) => text.replace(/^ {2}- id:/gm, '  # a note\n  - id:').replace(/^ {6}quote:/gm, '      # checked\n      quote:'),
      );
      let kept = 0;
      fc.assert(
        fc.property(annotationsArbitrary, layouts, fc.array(operation, { maxLength: 10 }), (initial, relayout, operations) => {
          let text = relayout(serializeSidecar(sidecarOf(initial)));
          let layout = layoutOf(text);
          let ids = initial.map((annotation) => annotation.id);
          for (const op of operations) {
            const id = ids.length ? ids[('pick' in op ? op.pick : 0) % ids.length] : undefined;
            if (op.kind === 'insert' && ids.includes(op.annotation.id)) continue;
            if (op.kind !== 'insert' && id === undefined) continue;
            const [edit, expected] =
              op.kind === 'insert'
                ? [insertAnnotationEdit(text, layout, op.annotation), insertAnnotationText(text, op.annotation)]
                : op.kind === 'remove'
                  ? [removeAnnotationEdit(text, layout, id!), removeAnnotationText(text, id!)]
                  : [replaceAnnotationEdit(text, layout, id!, { ...op.annotation, id: id! }), replaceAnnotationText(text, id!, { ...op.annotation, id: id! })];
            assert.equal(edit.text, expected);
            assert.equal(text.slice(0, edit.change.start) + edit.change.text + text.slice(edit.change.end), edit.text, 'the change makes the text');
            if (edit.layout) {
              kept++;
              assert.deepEqual(edit.layout, layoutOf(edit.text), 'the kept layout is the one a scan finds');
            }
            text = edit.text;
            layout = edit.layout ?? layoutOf(text);
            if (op.kind === 'insert') ids = [...ids, op.annotation.id];
            if (op.kind === 'remove') ids = ids.filter((other) => other !== id);
          }
        }),
        { numRuns: 200 },
      );
      assert.ok(kept > 200, `${kept} edits kept their layout`);
    });

    it('keeps the layout through the edits of a tag, a correction and a removal', () => {
      const text = serializeSidecar(sidecarOf([SOURCE, LAVROV]));
      const inserted = insertAnnotationEdit(text, runToEnd(sidecarLayoutInSteps(text)), KERRY);
      const replaced = replaceAnnotationEdit(inserted.text, inserted.layout, KERRY.id, { ...KERRY, kind: 'reported' });
      const removed = removeAnnotationEdit(replaced.text, replaced.layout, SOURCE.id);
      assert.deepEqual(
        [inserted, replaced, removed].map((edit) => edit.layout?.items.map((item) => item.id)),
        [
          [SOURCE.id, KERRY.id, LAVROV.id],
          [SOURCE.id, KERRY.id, LAVROV.id],
          [KERRY.id, LAVROV.id],
        ],
      );
      assert.deepEqual(parsed(removed.text), [{ ...KERRY, kind: 'reported' }, LAVROV]);
    });

    it('any sequence of edits leaves a file that reads as the expected annotations, comments intact', () => {
      const operation = fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), annotation: annotationArbitrary(fc.integer({ min: 2 ** 40, max: 2 ** 45 })) }),
        fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), annotation: annotationArbitrary() }),
        fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      );
      fc.assert(
        fc.property(annotationsArbitrary, fc.array(operation, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 4 }), (initial, operations, commentSpots) => {
          const lines = serializeSidecar(sidecarOf(initial)).split('\n');
          const comments = commentSpots.map((_, n) => `# note ${n}`);
          commentSpots.forEach((spot, n) => {
            const starts = lines.flatMap((line, index) => (line.startsWith('  - id:') || index === lines.length - 1 ? [index] : []));
            lines.splice(starts[spot % starts.length], 0, `  ${comments[n]}`);
          });
          let text = lines.join('\n');
          comments.sort((a, b) => text.indexOf(a) - text.indexOf(b));
          let expected = [...initial];
          for (const op of operations) {
            if (op.kind === 'insert') {
              if (expected.some((annotation) => annotation.id === op.annotation.id)) continue;
              const before = text;
              text = insertAnnotationText(text, op.annotation);
              assertOnlyBlockChanged(before, text, op.annotation.id);
              expected.push(op.annotation);
            } else if (expected.length > 0) {
              const id = expected[op.pick % expected.length].id;
              if (op.kind === 'remove') {
                const before = text;
                text = removeAnnotationText(text, id);
                assertOnlyBlockChanged(before, text, id);
                expected = expected.filter((annotation) => annotation.id !== id);
              } else {
                const replacement = { ...op.annotation, id };
                text = replaceAnnotationText(text, id, replacement);
                expected = expected.map((annotation) => (annotation.id === id ? replacement : annotation));
              }
            }
            assert.deepEqual(parsed(text).sort(byId), [...expected].sort(byId));
          }
          let from = 0;
          for (const comment of comments) {
            from = text.indexOf(comment, from);
            assert.ok(from >= 0, `lost '${comment}'`);
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});
