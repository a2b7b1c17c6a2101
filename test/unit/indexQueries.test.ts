import assert from 'node:assert/strict';
import type { Anchor, Annotation } from '../../src/core/annotations';
import { annotationsInGroup, groupAnnotations, groupPlaceOf, GroupTally, type AnnotationGroup, type AnnotationTest, type GroupingMode, type GroupPath } from '../../src/core/index/annotationGrouping';
import { indexClipping } from '../../src/core/index/indexEntry';
import { packEntry, unpackEntry } from '../../src/core/index/entryPacking';
import { annotationMatcher, articleOf, findArticles, quotesOf, selectAnnotations } from '../../src/core/index/workspaceQueries';
import type { IndexedClipping } from '../../src/core/workspaceModel';

const TIME = '2024-05-01T10:00:00.000Z';
let nextId = 0;

function anchor(start: number, orphaned = false): Anchor {
  return { quote: `words at ${start}`, prefix: '', suffix: '', start, end: start + 5, ...(orphaned && { orphaned }) };
}
function base(start: number, orphaned = false) {
  return { id: `a-${(nextId++).toString().padStart(10, '0')}`, author: 't', created: TIME, modified: TIME, anchor: anchor(start, orphaned) };
}
const speaker = (id: string, start: number, orphaned = false): Annotation => ({ ...base(start, orphaned), type: 'speaker', speaker: id, kind: 'direct' });
const stance = (holder: string, target: string, polarity: 'favor' | 'against', start: number): Annotation => ({ ...base(start), type: 'stance', holder, target, polarity });
const source = (outlet: string | undefined, start: number): Annotation => ({ ...base(start), type: 'source', scope: 'article', kind: 'agency', ...(outlet && { outlet }) });

function clipping(relativePath: string, annotations: Annotation[]): IndexedClipping {
  return { uri: `file:///w/${relativePath}`, relativePath, articles: [], annotations, sidecarProblem: undefined };
}

const A = clipping('a.clip', [speaker('kerry', 10), stance('kerry', 'الحل السياسي', 'favor', 20), source('الحياة', 30), speaker('lavrov', 40, true)]);
const B = clipping('b.clip', [speaker('lavrov', 5), stance('lavrov', 'الحل السياسى', 'against', 8), stance('kerry', 'الحل السياسي', 'favor', 9), source('الحيــاة', 12), source(undefined, 14), speaker('kerry', 16)]);

/** A group without the clipping it was first met in, which depends on the order clippings came in. */
function withoutSample(group: AnnotationGroup): unknown {
  return { ...group, sampleUri: undefined, subgroups: group.subgroups.map(withoutSample) };
}

/** Every mode shows the orphans, whatever their type, in a group of their own. */
const ORPHANS = ['orphans', '', 1, ['a.clip']];

/** The group tree as [kind, label, count, subgroups or the files of the annotations gathered in the group]. */
function shape(clippings: readonly IndexedClipping[], mode: GroupingMode, test?: AnnotationTest): unknown[] {
  const describe = (groups: readonly AnnotationGroup[], parent: GroupPath): unknown[] =>
    groups.map((group) => {
      const path = [...parent, { kind: group.kind, key: group.key }];
      const items = annotationsInGroup(clippings, mode, path, test).map((ref) => ref.clipping.relativePath);
      assert.equal(group.subgroups.reduce((sum, subgroup) => sum + subgroup.count, items.length), group.count, `the count of ${group.label}`);
      return [group.kind, group.label, group.count, group.subgroups.length > 0 ? describe(group.subgroups, path) : items];
    });
  return describe(groupAnnotations(clippings, mode, test), []);
}

describe('Workspace index queries', () => {
  it('groups by speaker, stances under their holder, orphans apart and first', () => {
    assert.deepEqual(shape([A, B], 'speaker'), [
      ORPHANS,
      ['speaker', 'kerry', 4, ['a.clip', 'a.clip', 'b.clip', 'b.clip']],
      ['speaker', 'lavrov', 2, ['b.clip', 'b.clip']],
    ]);
  });

  it('groups stances by target across spelling variants, then by polarity', () => {
    assert.deepEqual(shape([A, B], 'stance'), [
      ORPHANS,
      ['target', 'الحل السياسي', 3, [
        ['polarity', 'favor', 2, ['a.clip', 'b.clip']],
        ['polarity', 'against', 1, ['b.clip']],
      ]],
    ]);
  });

  it('groups sources by outlet, spelling variants together, and by kind without an outlet', () => {
    assert.deepEqual(shape([A, B], 'source'), [
      ORPHANS,
      ['outlet', 'الحياة', 2, ['a.clip', 'b.clip']],
      ['sourceKind', 'agency', 1, ['b.clip']],
    ]);
  });

  it('groups by file in path order, and tells where one annotation goes', () => {
    assert.deepEqual(shape([B, A], 'file'), [
      ORPHANS,
      ['file', 'a.clip', 3, ['a.clip', 'a.clip', 'a.clip']],
      ['file', 'b.clip', 6, ['b.clip', 'b.clip', 'b.clip', 'b.clip', 'b.clip', 'b.clip']],
    ]);
    assert.deepEqual(groupPlaceOf({ clipping: B, annotation: B.annotations[1] }, 'stance'), [
      { kind: 'target', key: 'الحل السياسي' },
      { kind: 'polarity', key: 'against' },
    ]);
    assert.deepEqual(groupPlaceOf({ clipping: A, annotation: A.annotations[3] }, 'stance'), [{ kind: 'orphans', key: '' }]);
    assert.equal(groupPlaceOf({ clipping: A, annotation: A.annotations[2] }, 'speaker'), undefined);
  });

  it('keeps the counts of clippings added and removed one by one as a full count gives them', () => {
    const C = clipping('c.clip', [stance('kerry', 'الحل السياسى', 'against', 3), stance('kerry', 'الحل السياسى', 'favor', 4), source('الحيــاة', 5), speaker('lavrov', 6, true)]);
    const B2 = clipping('b.clip', B.annotations.slice(0, 2));
    for (const mode of ['speaker', 'stance', 'source', 'file'] as const) {
      const tally = new GroupTally(mode);
      const steps: [IndexedClipping, 1 | -1][] = [[B, 1], [C, 1], [A, 1], [B, -1], [B2, 1], [C, -1], [A, -1], [C, 1]];
      const counted: IndexedClipping[] = [];
      for (const [clipping, sign] of steps) {
        if (sign > 0) {
          tally.add(clipping);
          counted.push(clipping);
        } else {
          tally.remove(clipping);
          counted.splice(counted.indexOf(clipping), 1);
        }
        const inPathOrder = [...counted].sort((x, y) => (x.relativePath < y.relativePath ? -1 : 1));
        assert.deepEqual(tally.groups().map(withoutSample), groupAnnotations(inPathOrder, mode).map(withoutSample), `${mode} after ${sign > 0 ? 'adding' : 'removing'} ${clipping.relativePath}`);
      }
    }
  });

  it('names a target or an outlet by the spelling most of its annotations use', () => {
    const C = clipping('c.clip', [stance('kerry', 'الحل السياسى', 'against', 3), stance('kerry', 'الحل السياسى', 'favor', 4), source('الحيــاة', 5), source('الحيــاة', 6)]);
    const tally = new GroupTally('stance');
    tally.add(A);
    assert.equal(tally.groups()[1].label, 'الحل السياسي');
    tally.add(C);
    assert.equal(tally.groups()[1].label, 'الحل السياسى', 'two annotations against one');
    tally.remove(C);
    assert.equal(tally.groups()[1].label, 'الحل السياسي');
    assert.equal(groupAnnotations([A, C], 'source')[1].label, 'الحيــاة');
  });

  it('filters on every word, in any spelling, through quotes, speakers\' names and fields', () => {
    const names = (_uri: string, id: string) => (id === 'kerry' ? ['جون كيري', 'John Kerry'] : ['سيرغي لافروف']);
    const kept = (query: string) => {
      const test = annotationMatcher(query, names);
      return groupAnnotations([A, B], 'file', test).flatMap((group) => annotationsInGroup([A, B], 'file', [group], test).map((ref) => ref.annotation.id));
    };
    const kerrySaid = [A.annotations[0], A.annotations[1], B.annotations[2], B.annotations[5]].map((annotation) => annotation.id);
    assert.deepEqual(kept('كيرى'), kerrySaid);
    assert.deepEqual(kept('JOHN kerry'), kerrySaid);
    assert.deepEqual(kept('السياسى against'), []);
    assert.deepEqual(kept('السياسى لافروف'), [B.annotations[1].id]);
    assert.deepEqual(kept('b.clip الحياه'), [B.annotations[3].id]);
    assert.equal(annotationMatcher(' ، ', names), undefined, 'a query without words filters nothing');
  });

  it('answers the same over clippings kept packed, as the index keeps them', async () => {
    const packed = (plain: IndexedClipping): IndexedClipping => {
      const pack = structuredClone(packEntry({ clipping: plain, titles: [] }));
      const entry = unpackEntry(plain.uri, pack, pack.strings);
      assert.ok(entry);
      return entry.clipping;
    };
    const plainOnes = [A, B];
    const packedOnes = plainOnes.map(packed);
    const ids = (refs: readonly { annotation: Annotation }[]) => refs.map((ref) => ref.annotation.id);
    const names = (_uri: string, id: string) => (id === 'kerry' ? ['جون كيري'] : []);
    for (const mode of ['speaker', 'stance', 'source', 'file'] as const) {
      const groups = groupAnnotations(packedOnes, mode);
      assert.deepEqual(groups.map(withoutSample), groupAnnotations(plainOnes, mode).map(withoutSample), mode);
      for (const group of groups) assert.deepEqual(ids(annotationsInGroup(packedOnes, mode, [group])), ids(annotationsInGroup(plainOnes, mode, [group])), `${mode} ${group.key}`);
      const test = annotationMatcher('كيرى', names);
      assert.deepEqual(groupAnnotations(packedOnes, mode, test).map(withoutSample), groupAnnotations(plainOnes, mode, test).map(withoutSample), `${mode}, filtered`);
    }
    assert.deepEqual(ids(quotesOf(packedOnes, 'kerry')), ids(quotesOf(plainOnes, 'kerry')));
    const matcher = annotationMatcher('الحياه', names);
    assert.ok(matcher);
    const selected = await selectAnnotations(packedOnes, matcher, () => Promise.resolve());
    assert.deepEqual(groupAnnotations(packedOnes, 'source', selected).map(withoutSample), groupAnnotations(plainOnes, 'source', matcher).map(withoutSample), 'a selection holds across reads');
  });

  it('finds what a speaker said and the stances they hold, across files', () => {
    assert.deepEqual(
      quotesOf([A, B], 'lavrov').map((ref) => ref.annotation.id),
      [A.annotations[3], B.annotations[0], B.annotations[1]].map((annotation) => annotation.id),
    );
  });

  it('finds articles by title in any spelling, and the article of an annotation', () => {
    const text = ['إيران تستنفر لحماية حدودها', 'body', '=====', 'Talks in Geneva', 'more', '=====', 'Geneva again', ''].join('\n');
    const entry = indexClipping({ uri: 'file:///w/d.clip', relativePath: 'd.clip', text, sidecarText: undefined });
    assert.deepEqual(findArticles([entry], 'ايران حمايه', 10).map((match) => [match.article.title, match.title.line]), [['إيران تستنفر لحماية حدودها', 0]]);
    assert.deepEqual(findArticles([entry], 'geneva', 10).map((match) => match.title), [
      { line: 3, character: 0, endCharacter: 15 },
      { line: 6, character: 0, endCharacter: 12 },
    ]);
    assert.equal(findArticles([entry], '', 2).length, 2, 'at most the limit');
    const inSecond = speaker('kerry', text.indexOf('more'));
    assert.equal(articleOf(entry.clipping, inSecond)?.title, 'Talks in Geneva');
    const recordedElsewhere = { ...inSecond, anchor: { ...inSecond.anchor, article: { index: 0, title: 'إيران تستنفر لحماية حدودها' } } };
    assert.equal(articleOf(entry.clipping, recordedElsewhere)?.title, 'Talks in Geneva', 'the recorded article no longer holds it');
  });
});
