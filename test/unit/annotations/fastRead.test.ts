import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import { loadPlainly } from '../../../src/core/annotations/fastRead';
import { serializeSpeakerRegistry, SPEAKER_REGISTRY_FILE } from '../../../src/core/annotations/registry';
import { parseSidecar, serializeSidecar, SIDECAR_FILE } from '../../../src/core/annotations/sidecar';
import { readListFile, readListFileByLines, readListFileExactly, readListFileFast, type ListFileShape } from '../../../src/core/annotations/yamlShape';
import { annotationsArbitrary, speakersArbitrary } from './arbitraries';
import { KERRY_SIDECAR } from './sidecarFixtures';

type Edit = (text: string) => string;

const VALUE_LINE = /^( *(?:- )?[a-z]+: )(.+)$/gm;
const KEYS_OF_STRINGS = /^ *(?:- )?(?:id|type|speaker|kind|cue|holder|polarity|target|note|scope|outlet|writer|quote|prefix|suffix|title|author|created|modified|clipping|name|role|affiliation): /;

/** Rewrite each plain string value with `quote`; other values (numbers, quoted, lists) stay. */
function requoteStrings(quote: (value: string) => string): Edit {
  return (text) =>
    text.replace(VALUE_LINE, (line, key: string, value: string) =>
      KEYS_OF_STRINGS.test(key) && !/^["'[]/.test(value) ? key + quote(value) : line,
    );
}

/** Hand edits that keep what the file means, in the layout the line scan knows; applied in this order. */
const MEANING_KEPT: Readonly<Record<string, Edit>> = {
  singleQuoted: requoteStrings((value) => `'${value.replace(/'/g, "''")}'`),
  doubleQuoted: requoteStrings((value) => JSON.stringify(value)),
  blockLists: (text) =>
    text.replace(/^( *)(agencies|aliases): (\[.*\])$/gm, (_line, indent: string, key: string, flow: string) => {
      const items = parse(flow) as unknown[];
      return items.length ? `${indent}${key}:${items.map((item) => `\n${indent}  - ${JSON.stringify(item)}`).join('')}` : `${indent}${key}: []`;
    }),
  deeperLists: (text) => text.replace(/^ +/gm, '$&  '),
  commentLines: (text) => text.replace(/^( *)- id:/gm, '$1# a note\n$1- id:') + '# the end\n',
  trailingComments: (text) => text.replace(/^( *(?:- )?[a-z]+:.*)$/gm, '$1 # note: why'),
  byteOrderMark: (text) => '\ufeff' + text,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
};
const meaningKeptEdits = fc.subarray(Object.keys(MEANING_KEPT)).map((names) => names.map((name) => MEANING_KEPT[name]));

/** Texts where the two libraries could part: scalar spellings, YAML constructs, stray characters. */
const TRICKY_TEXT = fc.constantFrom(
  ...['~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y'],
  ...['0', '-0', '+5', '007', '0o17', '0x1F', '0X1F', '-0x1F', '0b101', '1_000', '1.', '.5', '-.5', '1e3', '1E+3', '1.5e-3'],
  ...['.inf', '-.Inf', '+.INF', '.nan', '.NaN', '123456789012345678901234567890', '9'.repeat(400), '1:20', '2024-05-01', '2024-05-01T10:00:00Z'],
  ...['"a\\nb"', '"\\x41\\u0042\\U0001F600"', '"\\ud800"', '"\\q"', "'it''s'", '"a\n  b"', 'a\n  b', '|\n  a\n', '>-\n  a\n  b\n'],
  ...['&x a', '*x', '!!str 5', '!!int "5"', '! 5', '!x y', '%YAML 1.1\n---\n', '? a\n: b', '[a]: b', '{a: b}', '[a, b]', '<<: {a: b}'],
  ...[': ', '- ', '"', "'", '#', ' #', '\t', '[', ']', '{', '}', ',', '|', '>', '\\', '\r', '\n', '\n  ', '---\n', '...\n'],
  ...['\ufeff', '\u0085', '\u2028', '\u00a0', '\x7f', '\x01', '\0', '\ud800', '😀', 'ك'],
);

/** Damage at a random place: text inserted or put over a stretch, or a value respelt. */
const damage: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 12 }), TRICKY_TEXT).map(([at, length, inserted]): Edit => (text) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + inserted + text.slice(start + length);
  }),
  fc.tuple(fc.nat(), TRICKY_TEXT).map(([index, spelling]): Edit => (text) => {
    let seen = 0;
    const count = text.match(VALUE_LINE)?.length ?? 1;
    return text.replace(VALUE_LINE, (line, key: string) => (seen++ === index % count ? key + spelling : line));
  }),
);

function applied(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, edit) => edit(current), text);
}

/** The fast reading takes the text, and reads it as the exact one does. */
function assertReadFast<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>): R {
  const fast = readListFileFast(text, shape);
  assert.ok(fast !== undefined, `the fast reading left this text to the exact one:\n${text}`);
  assert.deepEqual(fast, readListFileExactly(text, shape));
  return fast;
}

/** Whatever the text, reading it gives what the exact reading gives: the same contents or the same errors. */
function assertReadsAsExactly<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>): void {
  assert.deepEqual(readListFile(text, shape), readListFileExactly(text, shape), JSON.stringify(text));
}

/** A document as the shape rules see it: keys as their text (a missing key as `null`, which no rule allows). */
function plainOf(node: unknown): unknown {
  if (isMap(node)) return Object.fromEntries(node.items.map((pair) => [isScalar(pair.key) ? String(pair.key.value) : String(pair.key), plainOf(pair.value)]));
  if (isSeq(node)) return node.items.map(plainOf);
  return isScalar(node) ? node.value : node;
}

function hasKeyNull(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Array.isArray(value) ? value.some(hasKeyNull) : Object.entries(value).some(([key, item]) => key === 'null' || hasKeyNull(item));
}

const YAML_PIECE = fc.constantFrom(
  ...['a: ', '\nb: ', '\n  c: ', '\n- ', '\n  - ', 'id: x', '[a, b]', '{a: 1}', 'a', 'ك', '😀', ' ', '  ', '\n', '\n ', '\n  ', '\t', '\r\n', '\r'],
  ...[': ', ':', '- ', '-', '? ', '#', ' #', '"', "'", '\\', '\\n', '\\u0041', '\\x', '[', ']', '{', '}', ', ', ',', '|', '>', '|-', '>+', '|2'],
  ...['&a ', '*a', '!', '!!str ', '%', '---', '...', '~', 'null', '1', '0x1', '1.5', '.inf', 'true', 'yes', '2024-05-01', '<<', '@', '`'],
  ...['\ufeff', '\u0085', '\u2028', '\u00a0'],
);

const sidecarText = annotationsArbitrary.map((annotations) => serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations }));
const registryText = speakersArbitrary.map((speakers) => serializeSpeakerRegistry({ version: 1, speakers }));

describe('annotations/fastRead: the fast reading agrees with the exact one', () => {
  it('reads scalars as the yaml library does', () => {
    const spellings = [
      '2024-05-01T10:00:00.000Z', '2024-05-01', '10:00', 'on', 'yes', 'No', 'y', '~', 'null', 'NULL', '', 'true', 'False',
      '0', '-0', '+12', '007', '0o17', '0x1F', '-0x1F', '0b101', '1_000', '1.', '.5', '1e3', '-1.5E-3', '.inf', '-.Inf', '.NaN',
      '123456789012345678901234567890', '9'.repeat(400), '"5"', "'true'", '"line\\nbreak\\ttab \\u00e9 \\U0001F600"', "'it''s'",
      '"folded\n  line"', 'plain\n  continued', '[a, "b", 3]', '{x: 1}',
    ];
    for (const spelling of spellings) {
      const text = `on: ${spelling}\n`;
      assert.deepEqual(loadPlainly(text), { value: parse(text) }, text);
    }
  });

  it('leaves to the exact reading what js-yaml could read otherwise, and what does not parse', () => {
    const leftAlone = [
      'a: &x 1\nb: *x\n', 'a: &x 1\n', 'a: !!str 5\n', 'a: ! 5\n', 'a: !<tag:yaml.org,2002:int> "5"\n', '%YAML 1.1\n---\na: yes\n',
      'a: |\n  literal\n', 'a: >-\n  folded\n', '---\na: 1\n', 'a: 1\n...\n', '...\na: 1\n', 'a: 1\n\ufeffb: 2\n', '\ufeff  a: 1\n  b: 2\n',
      '? [a]\n: b\n', '[a]: b\n', 'a: 1\na: 2\n', '', '# only a comment\n', 'a: "open\n', 'a:\n\t- b\n', '\ta: 1\n', 'a: 1\rb: 2\n',
      'a:\n- [a, b]x: \n', 'a:\n- {a: b} x: \n', 'a:\n-   "q"   x: 1\n', "a:\n- - 'q'x: 1\n",
    ];
    for (const text of leftAlone) assert.equal(loadPlainly(text), undefined, JSON.stringify(text));
  });

  it('reads any YAML mapping it takes as the yaml library does, without the errors that library finds', () => {
    fc.assert(
      fc.property(fc.array(YAML_PIECE, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const fast = loadPlainly(text)?.value;
        // The shape rules want a mapping; a key-less entry reads as `null` in js-yaml, and no rule allows that key.
        if (typeof fast !== 'object' || fast === null || Array.isArray(fast) || hasKeyNull(fast)) return;
        const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
        assert.deepEqual(document.errors.map(({ message }) => message), [], JSON.stringify(text));
        assert.deepEqual(fast, plainOf(document.contents), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every sidecar the extension writes, also after hand edits that keep its meaning', () => {
    fc.assert(
      fc.property(sidecarText, meaningKeptEdits, (text, edits) => {
        const read = assertReadFast(applied(text, edits), SIDECAR_FILE);
        const written = parseSidecar(text);
        assert.ok(written.ok);
        assert.deepEqual(read.sidecar, written.sidecar);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the exact reading’s result for damaged sidecars: the same contents or the same errors', () => {
    fc.assert(
      fc.property(sidecarText, meaningKeptEdits, fc.array(damage, { minLength: 1, maxLength: 3 }), (text, edits, damages) => {
        assertReadsAsExactly(applied(text, [...edits, ...damages]), SIDECAR_FILE);
      }),
      { numRuns: 200 },
    );
  });

  it('places each annotation as the block edits see it, in either reading', () => {
    const text = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [] });
    const flow = `${text.replace('annotations: []', 'annotations: [{id: a-0000000001, type: stance, holder: h, polarity: favor, target: t, author: x, created: 2024-05-01T10:00:00Z, modified: 2024-05-01T10:00:00Z, anchor: {quote: q, start: 0, end: 1}}]')}`;
    assert.equal(readListFileFast(flow, SIDECAR_FILE), undefined, 'a flow list is left to the exact reading');
    const exact = readListFileExactly(flow, SIDECAR_FILE);
    assert.ok(exact.ok);
    assert.deepEqual(exact.blocks.map(({ id, line }) => [id, line]), [['a-0000000001', flow.split('\n').findIndex((line) => line.startsWith('annotations:'))]]);
  });

  it('reads every speaker registry the extension writes, also after hand edits that keep its meaning', () => {
    fc.assert(
      fc.property(registryText, meaningKeptEdits, (text, edits) => {
        assertReadFast(applied(text, edits), SPEAKER_REGISTRY_FILE);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the exact reading’s result for damaged speaker registries', () => {
    fc.assert(
      fc.property(registryText, meaningKeptEdits, fc.array(damage, { minLength: 1, maxLength: 3 }), (text, edits, damages) => {
        assertReadsAsExactly(applied(text, [...edits, ...damages]), SPEAKER_REGISTRY_FILE);
      }),
      { numRuns: 150 },
    );
  });
});

/** Hand edits the line reader takes: all but the byte-order mark, which it leaves to js-yaml. */
const layoutKeptEdits = fc.subarray(Object.keys(MEANING_KEPT).filter((name) => name !== 'byteOrderMark')).map((names) => names.map((name) => MEANING_KEPT[name]));

/** When the line reader answers, it answers what the exact reading reads. */
function assertLinesAgree<T extends { readonly id: string }, R>(text: string, shape: ListFileShape<T, R>): R | undefined {
  const lines = readListFileByLines(text, shape);
  if (lines !== undefined) assert.deepEqual(lines, readListFileExactly(text, shape), `the line reader misread:\n${JSON.stringify(text)}`);
  return lines;
}

describe('annotations/yamlSubset: the line reader agrees with the exact reading', () => {
  it('reads every sidecar and registry the extension writes, also after hand edits in its layout', () => {
    fc.assert(
      fc.property(sidecarText, registryText, layoutKeptEdits, (sidecar, registry, edits) => {
        assert.ok(assertLinesAgree(applied(sidecar, edits), SIDECAR_FILE), 'the line reader left a sidecar in its layout to the other readings');
        assert.ok(assertLinesAgree(applied(registry, edits), SPEAKER_REGISTRY_FILE), 'the line reader left a registry in its layout to the other readings');
      }),
      { numRuns: 150 },
    );
  });

  it('never misreads a damaged sidecar or registry: the exact reading’s contents, or left to the other readings', () => {
    let left = 0;
    fc.assert(
      fc.property(sidecarText, registryText, layoutKeptEdits, fc.array(damage, { minLength: 1, maxLength: 3 }), (sidecar, registry, edits, damages) => {
        if (assertLinesAgree(applied(sidecar, [...edits, ...damages]), SIDECAR_FILE) === undefined) left++;
        assertLinesAgree(applied(registry, [...edits, ...damages]), SPEAKER_REGISTRY_FILE);
      }),
      { numRuns: 400 },
    );
    // Damage that the line reader took for every file would mean the damage never reached it.
    assert.ok(left > 100, `only ${left} of 400 damaged sidecars were left to the other readings`);
  });

  it('leaves what it does not know to js-yaml, which reads it alike', () => {
    const sidecar = serializeSidecar({ version: 1, clipping: 'dossier.clip', annotations: [] });
    const flowMapping = sidecar.replace('version: 1', 'version: 1\nclipping: {a: 1}').replace(/^clipping: dossier\.clip\n/m, '');
    const multiLine = sidecar.replace('clipping: dossier.clip', 'clipping: dossier\n  .clip');
    for (const text of [`\ufeff${sidecar}`, multiLine, flowMapping]) {
      assert.equal(readListFileByLines(text, SIDECAR_FILE), undefined, JSON.stringify(text));
      assert.deepEqual(readListFile(text, SIDECAR_FILE), readListFileExactly(text, SIDECAR_FILE), JSON.stringify(text));
    }
    assert.ok(readListFileFast(multiLine, SIDECAR_FILE), 'js-yaml reads a plain scalar over two lines');
  });

  it('reads a sidecar in the layout the extension writes without loading a YAML library', () => {
    const script = `
      const { parseSidecar } = require('./src/core/annotations');
      const text = ${JSON.stringify(KERRY_SIDECAR)};
      const parse = parseSidecar(text);
      const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](yaml|js-yaml)[\\\\/]/.test(file));
      process.stdout.write(JSON.stringify({ ok: parse.ok, count: parse.ok ? parse.sidecar.annotations.length : 0, loaded: loaded.length }));
    `;
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), { ok: true, count: 2, loaded: 0 });
  });
});
