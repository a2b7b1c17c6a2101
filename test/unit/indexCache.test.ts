import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CACHE_SHARDS, INDEX_CACHE_FORMAT, isFresh, parseShard, serializeShard, shardOf, type CachedEntry } from '../../src/core/index/indexCache';
import { excludeGlob, expandBraces } from '../../src/core/index/excludes';
import { packEntry, StringTable, unpackEntry, type PackedEntry } from '../../src/core/index/entryPacking';
import { indexClipping, type IndexEntry } from '../../src/core/index/indexEntry';
import { serializeSidecar, type Annotation } from '../../src/core/annotations';
import { annotationsArbitrary } from './annotations/arbitraries';

const ORIGIN = { format: INDEX_CACHE_FORMAT, extensionVersion: '1.2.3' };
const TIME = '2024-05-01T10:00:00.000Z';
const CLIPPING = ['مؤتمر دولي حول سوريا', 'الحياة - موسكو', '8 أيار 2013', '', 'قال كيري إن المؤتمر فرصة.', '=====', 'Second article', 'Body.', ''].join('\n');
const KERRY: Annotation = {
  id: 'a-00000000k1',
  type: 'speaker',
  speaker: 'kerry',
  kind: 'reported',
  author: 'ليلى',
  created: TIME,
  modified: TIME,
  anchor: { quote: 'إن المؤتمر فرصة', prefix: 'قال كيري ', suffix: '.', start: 61, end: 76, article: { index: 0, title: 'مؤتمر دولي حول سوريا' } },
};

function cachedEntry(): CachedEntry {
  const entry = indexClipping({
    uri: 'file:///w/syria.clip',
    relativePath: 'syria.clip',
    text: CLIPPING,
    sidecarText: serializeSidecar({ version: 1, clipping: 'syria.clip', annotations: [KERRY] }),
  });
  return { uri: entry.clipping.uri, stamp: { mtime: 1700000000000, size: CLIPPING.length }, sidecarStamp: { mtime: 1700000000500, size: 900 }, entry };
}

describe('Index cache', () => {
  it('gives back what it saved, annotations, articles and title positions included', () => {
    const saved = [cachedEntry(), { uri: 'file:///w/notes.txt', stamp: { mtime: 1, size: 2 }, sidecarStamp: null, entry: null }];
    const restored = parseShard(serializeShard(ORIGIN, saved), ORIGIN);
    assert.deepEqual(restored, saved);
    const clipping = restored[0].entry?.clipping;
    assert.deepEqual(clipping?.annotations, [KERRY]);
    assert.deepEqual(clipping?.articles.map((article) => [article.title, article.outlet, article.date]), [
      ['مؤتمر دولي حول سوريا', 'الحياة - موسكو', '2013-05-08'],
      ['Second article', undefined, undefined],
    ]);
    assert.deepEqual(restored[0].entry?.titles[1], { line: 6, character: 0, endCharacter: 'Second article'.length });
  });

  it('ignores a shard of another format or extension version, and a damaged one', () => {
    const text = serializeShard(ORIGIN, [cachedEntry()]);
    assert.deepEqual(parseShard(text, { ...ORIGIN, extensionVersion: '1.2.4' }), []);
    assert.deepEqual(parseShard(text, { ...ORIGIN, format: INDEX_CACHE_FORMAT + 1 }), []);
    assert.deepEqual(parseShard(text.slice(0, text.length / 2), ORIGIN), []);
    assert.deepEqual(parseShard('null', ORIGIN), []);
  });

  it('trusts an entry only while the clipping and its sidecar keep their size and time', () => {
    const entry = cachedEntry();
    const sidecar = entry.sidecarStamp ?? undefined;
    assert.equal(isFresh(entry, entry.stamp, sidecar), true);
    assert.equal(isFresh(entry, { ...entry.stamp, mtime: entry.stamp.mtime + 1 }, sidecar), false);
    assert.equal(isFresh(entry, { ...entry.stamp, size: entry.stamp.size + 1 }, sidecar), false);
    assert.equal(isFresh(entry, entry.stamp, undefined), false, 'the sidecar was deleted');
    assert.equal(isFresh({ ...entry, sidecarStamp: null }, entry.stamp, { mtime: 1, size: 1 }), false, 'a sidecar appeared');
  });

  it('puts each URI in one shard, always the same, and spreads URIs over the shards', () => {
    const uris = Array.from({ length: 5000 }, (_, index) => `file:///workspace/press/${index}.clip`);
    assert.equal(shardOf(uris[7]), shardOf(uris[7]));
    const counts = new Array<number>(CACHE_SHARDS).fill(0);
    uris.forEach((uri) => counts[shardOf(uri)]++);
    assert.ok(counts.every((count) => count > 0 && count < (3 * uris.length) / CACHE_SHARDS), `shard sizes ${counts.join(' ')}`);
  });
});

describe('Packed index entries', () => {
  it('unpack to the entry that was packed, whatever the annotations hold', () => {
    const base = cachedEntry().entry;
    assert.ok(base);
    fc.assert(
      fc.property(annotationsArbitrary, (annotations) => {
        const entry: IndexEntry = { ...base, clipping: { ...base.clipping, annotations } };
        const table = new StringTable();
        const packed = JSON.parse(JSON.stringify(packEntry(entry, table))) as PackedEntry;
        assert.deepEqual(unpackEntry(entry.clipping.uri, packed, table.strings), entry);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Index file search excludes', () => {
  it('joins the patterns in force of files.exclude and search.exclude into one glob', () => {
    assert.equal(
      excludeGlob([{ '**/.git': true, '**/tmp': false }, { '**/node_modules': true, '**/*.code-search': true, '**/.git': true, '**/*.js': { when: '$(basename).ts' } }]),
      '{**/.git,**/node_modules,**/*.code-search}',
    );
    assert.equal(excludeGlob([{ '**/out': true }, undefined]), '**/out');
    assert.equal(excludeGlob([{}, { '**/a': false }]), undefined);
  });

  it('spreads braces, nested ones included, since VS Code globs do not nest them', () => {
    assert.deepEqual(expandBraces('**/*.{js,ts}'), ['**/*.js', '**/*.ts']);
    assert.deepEqual(expandBraces('{a,b{c,d}}/x'), ['a/x', 'bc/x', 'bd/x']);
    assert.deepEqual(expandBraces('plain/**'), ['plain/**']);
    assert.equal(excludeGlob([{ '**/{build,dist}': true }]), '{**/build,**/dist}');
  });
});
