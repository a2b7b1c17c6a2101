import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { CACHE_SHARDS, INDEX_CACHE_FORMAT, isFresh, packShard, parseShard, shardOf, ShardReader, shardPack, type CacheOrigin, type CachedEntry } from '../../src/core/index/indexCache';
import { excludeGlob, excludeMatcher, excludePatterns, expandBraces } from '../../src/core/index/excludes';
import { packEntry, PackSource, StringPool, TextArena, unpackEntry, type FlatPack } from '../../src/core/index/entryPacking';
import { indexClipping, type IndexEntry } from '../../src/core/index/indexEntry';
import { serializeSidecar, type Annotation } from '../../src/core/annotations';
import { annotationCount, factsOf, forEachAnnotation, type AnnotationFacts, type IndexedClipping } from '../../src/core/workspaceModel';
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

/** An entry as plain data, whatever keeps it: a packed clipping makes its annotations when read. */
function plain(record: CachedEntry): CachedEntry;
function plain(entry: IndexEntry | null | undefined): IndexEntry | null | undefined;
function plain(value: CachedEntry | IndexEntry | null | undefined): CachedEntry | IndexEntry | null | undefined {
  if (!value) return value;
  if ('uri' in value) return { ...value, entry: plain(value.entry) ?? null };
  const { uri, relativePath, articles, annotations, sidecarProblem } = value.clipping;
  return { clipping: { uri, relativePath, articles, annotations, sidecarProblem }, titles: value.titles };
}

/** A shard as the extension writes it to disk and reads it back. */
function serializeShard(origin: CacheOrigin, entries: readonly CachedEntry[]): Buffer {
  return serialize(packShard(origin, entries));
}

function factsOfEach(clipping: IndexedClipping): AnnotationFacts[] {
  const facts: AnnotationFacts[] = [];
  forEachAnnotation(clipping, (fact) => facts.push({ ...fact }));
  return facts;
}

describe('Index cache', () => {
  it('gives back what it saved, annotations, articles and title positions included', () => {
    const saved = [cachedEntry(), { uri: 'file:///w/notes.txt', stamp: { mtime: 1, size: 2 }, sidecarStamp: null, entry: null }];
    const restored = parseShard(deserialize(serializeShard(ORIGIN, saved)), ORIGIN);
    assert.deepEqual(restored.map((record) => plain(record)), saved);
    const clipping = restored[0].entry?.clipping;
    assert.deepEqual(clipping?.annotations, [KERRY]);
    assert.deepEqual(clipping?.articles.map((article) => [article.title, article.outlet, article.date]), [
      ['مؤتمر دولي حول سوريا', 'الحياة - موسكو', '2013-05-08'],
      ['Second article', undefined, undefined],
    ]);
    assert.deepEqual(restored[0].entry?.titles[1], { line: 6, character: 0, endCharacter: 'Second article'.length });
  });

  it('ignores a shard of another format or extension version, and a damaged one', () => {
    const content = deserialize(serializeShard(ORIGIN, [cachedEntry(), cachedEntry()]));
    assert.equal(parseShard(content, ORIGIN).length, 2);
    assert.deepEqual(parseShard(content, { ...ORIGIN, extensionVersion: '1.2.4' }), []);
    assert.deepEqual(parseShard(content, { ...ORIGIN, format: INDEX_CACHE_FORMAT + 1 }), []);
    assert.deepEqual(parseShard(null, ORIGIN), []);
    assert.deepEqual(parseShard(JSON.parse('{"format":3,"strings":[],"entries":[]}'), ORIGIN), [], 'a JSON shard of format 3');
    const pack = shardPack(content, ORIGIN);
    assert.ok(pack);
    const damaged = (change: Partial<FlatPack>) => parseShard({ ...ORIGIN, pack: { ...pack, ...change } }, ORIGIN);
    assert.deepEqual(damaged({ ints: pack.ints.slice(0, pack.ints.length - 3) }), [], 'numbers missing at the end');
    assert.deepEqual(damaged({ text: pack.text.slice(1) }), [], 'a character missing');
    assert.deepEqual(damaged({ names: pack.names.slice(1) }), [], 'a name missing');
    assert.deepEqual(damaged({ strings: pack.strings.slice(0, 2) }), [], 'references beyond the string table');
    assert.deepEqual(damaged({ ints: Int32Array.from([...pack.ints, 0]) }), [], 'numbers left over');
    assert.deepEqual(damaged({ ints: Int32Array.from(pack.ints, (value, index) => (index === 0 ? 1_000_000 : value)) }), [], 'a count beyond what the shard holds');
  });

  it('copies numbers that are a view of part of a buffer, which the cache store reuses for the next shard', () => {
    const saved = cachedEntry();
    const pack = shardPack(deserialize(serializeShard(ORIGIN, [saved])), ORIGIN);
    assert.ok(pack);
    const buffer = new Int32Array(pack.ints.length + 8);
    buffer.set(pack.ints, 4);
    const read = new ShardReader({ ...pack, ints: buffer.subarray(4, 4 + pack.ints.length) }, pack.strings).next();
    buffer.fill(0);
    assert.deepEqual(plain(read), saved);
  });

  it('reads a shard one entry at a time, and tells a damaged shard once read', () => {
    const saved = [cachedEntry(), { ...cachedEntry(), uri: 'file:///w/other.clip' }];
    const pack = shardPack(deserialize(serializeShard(ORIGIN, saved)), ORIGIN);
    assert.ok(pack);
    const reader = new ShardReader(pack, new StringPool().adopt(pack.strings));
    assert.equal(reader.done, false);
    assert.equal(reader.next().uri, 'file:///w/syria.clip');
    assert.equal(reader.done, false);
    assert.equal(reader.intact, false, 'not read whole yet');
    assert.equal(reader.next().uri, 'file:///w/other.clip');
    assert.equal(reader.done, true);
    assert.equal(reader.intact, true);
    const truncated = new ShardReader({ ...pack, text: pack.text.slice(0, 3) }, pack.strings);
    while (!truncated.done) truncated.next();
    assert.equal(truncated.intact, false);
  });

  it('gives the anchors of one article one article reference', () => {
    const base = cachedEntry();
    assert.ok(base.entry);
    const second: Annotation = { ...KERRY, id: 'a-00000000k2', anchor: { ...KERRY.anchor, quote: 'المؤتمر', start: 64, end: 71 } };
    const entry = { ...base.entry, clipping: { ...base.entry.clipping, annotations: [KERRY, second] } };
    const [restored] = parseShard(deserialize(serializeShard(ORIGIN, [{ ...base, entry }])), ORIGIN);
    const [first, other] = restored.entry?.clipping.annotations ?? [];
    assert.deepEqual(other.anchor.article, KERRY.anchor.article);
    assert.equal(first.anchor.article, other.anchor.article);
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
        // As the worker hands it over: a structured clone.
        const packed = structuredClone(packEntry(entry));
        const unpacked = unpackEntry(entry.clipping.uri, packed, packed.strings);
        assert.deepEqual(plain(unpacked), entry);
        assert.ok(unpacked);
        assert.equal(annotationCount(unpacked.clipping), annotations.length);
        assert.deepEqual(factsOfEach(unpacked.clipping), annotations.map((annotation) => ({ ...factsOf(annotation) })), 'facts read packed are those of the annotations');
        // Packed again as the cache writes the index: copied from the pack, nothing made.
        const repacked = packEntry(unpacked);
        assert.deepEqual(repacked, packEntry(entry), 'packed again, the same pack');
      }),
      { numRuns: 300 },
    );
  });

  it('read the same once their texts are joined with other entries', () => {
    const base = cachedEntry().entry;
    assert.ok(base);
    const arena = new TextArena(500);
    const entries = Array.from({ length: 12 }, (_, index) => {
      const annotations = [KERRY, { ...KERRY, id: `a-0000000${index}`, anchor: { ...KERRY.anchor, quote: 'المؤتمر'.repeat(index + 1) } }];
      return { ...base, clipping: { ...base.clipping, uri: `file:///w/${index}.clip`, annotations } };
    });
    const unpacked = entries.map((entry) => {
      const packed = structuredClone(packEntry(entry));
      return unpackEntry(entry.clipping.uri, packed, packed.strings, arena);
    });
    entries.forEach((entry, index) => assert.deepEqual(plain(unpacked[index]), entry, entry.clipping.uri));
    const shard = parseShard(deserialize(serializeShard(ORIGIN, unpacked.map((entry) => ({ ...cachedEntry(), uri: entry!.clipping.uri, entry: entry! })))), ORIGIN);
    assert.deepEqual(shard.map((record) => plain(record.entry)), entries, 'written to a shard from the joined texts and read back');
  });

  it('are made anew at each read, and made one at a time by a walk', () => {
    const packed = packEntry(cachedEntry().entry!);
    const clipping = unpackEntry('file:///w/syria.clip', packed, packed.strings)?.clipping;
    assert.ok(clipping);
    assert.notEqual(clipping.annotations[0], clipping.annotations[0]);
    const made: Annotation[] = [];
    forEachAnnotation(clipping, (_facts, annotation) => made.push(annotation()));
    assert.deepEqual(made, [KERRY]);
    assert.ok(new PackSource(packed, packed.strings).ints === packed.ints);
  });

  it('makes articles and title positions when first read, and keeps them; their references are checked when unpacked', () => {
    const entry = cachedEntry().entry!;
    const packed = packEntry(entry);
    const unpacked = unpackEntry(entry.clipping.uri, packed, packed.strings);
    assert.ok(unpacked);
    assert.equal(unpacked.clipping.articles, unpacked.clipping.articles);
    assert.equal(unpacked.titles, unpacked.titles);
    assert.deepEqual(unpacked.titles, entry.titles);
    // The numbers: whether there is a sidecar problem, how many articles, then the first article's index and its title.
    assert.equal(packed.ints[1], entry.clipping.articles.length);
    const damaged = (at: number, value: number) => unpackEntry(entry.clipping.uri, { ...packed, ints: Int32Array.from(packed.ints, (old, index) => (index === at ? value : old)) }, packed.strings);
    assert.equal(damaged(3, packed.strings.length), undefined, "an article's title beyond the string table");
    assert.equal(damaged(4, packed.strings.length), undefined, "an article's outlet beyond the string table");
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

  it("matches paths relative to the folder as VS Code's globs do, for the index's own walk", () => {
    const excluded = excludeMatcher(excludePatterns([{ '**/.git': true, '**/node_modules': true, 'out/**': true, '**/*.{tmp,bak}': true, 'docs/*/draft?.clip': true, '**/cache/**/[!a]*.clip': true, 'root-only': true, 'a.b+c': true }]));
    const yes = ['.git', 'x/.git', 'x/y/node_modules', 'node_modules', 'out', 'out/a.clip', 'out/x/y.clip', 'a.tmp', 'x/y.bak', 'docs/x/draft1.clip', 'cache/b.clip', 'x/cache/y/z/b.clip', 'root-only', 'a.b+c'];
    const no = ['x/.gitignore', 'git', 'x/node_modules2', 'about/a.clip', 'x/out/a.clip', 'a.tmpx', 'docs/draft1.clip', 'docs/x/y/draft1.clip', 'docs/x/draft12.clip', 'x/cache/a.clip', 'x/root-only', 'aXb+c', 'a.bbc'];
    for (const path of yes) assert.ok(excluded(path), `${path} is excluded`);
    for (const path of no) assert.ok(!excluded(path), `${path} is not excluded`);
    assert.equal(excludeMatcher([])('anything'), false);
  });
});
