import assert from 'node:assert/strict';
import { clippingRows, WEB_ANNOTATION_CONTEXT, webAnnotationCollection, webAnnotations, type Selector, type WebAnnotation } from '../../src/core/export';
import { speakerOf, WATER, WATER_ANNOTATIONS, WATER_TEXT } from './exportFixtures';

function selector<T extends Selector['type']>(annotation: WebAnnotation, type: T): Extract<Selector, { type: T }> | undefined {
  return annotation.target.selector.find((candidate): candidate is Extract<Selector, { type: T }> => candidate.type === type);
}

describe('export/webAnnotation', () => {
  const items = webAnnotations(WATER_TEXT, clippingRows(WATER, speakerOf));
  const collection = JSON.parse(JSON.stringify(webAnnotationCollection('file:///out/annotations.jsonld', 'Press clippings', items))) as ReturnType<typeof webAnnotationCollection>;

  it('is an AnnotationCollection in the W3C context, its first page holding every annotation', () => {
    assert.equal(collection['@context'], WEB_ANNOTATION_CONTEXT);
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, WATER_ANNOTATIONS.length);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.items.length, WATER_ANNOTATIONS.length);
  });

  it('targets the clipping with the quote and its position in characters', () => {
    const characters = Array.from(WATER_TEXT);
    collection.first.items.forEach((item, index) => {
      const annotation = WATER_ANNOTATIONS[index];
      assert.equal(item.type, 'Annotation');
      assert.equal(item.id, `file:///work/dossiers/water.clip.annotations.yaml#${annotation.id}`);
      assert.equal(item.target.source, WATER.uri);
      assert.deepEqual(selector(item, 'TextQuoteSelector'), { type: 'TextQuoteSelector', exact: annotation.anchor.quote, prefix: annotation.anchor.prefix, suffix: annotation.anchor.suffix });
      const position = selector(item, 'TextPositionSelector');
      if (annotation.anchor.orphaned) {
        assert.equal(position, undefined, 'an orphan has no position');
      } else {
        assert.ok(position);
        assert.equal(characters.slice(position.start, position.end).join(''), annotation.anchor.quote);
      }
      assert.deepEqual(item.creator, { type: 'Person', name: 'سمير' });
      assert.equal(item.created, annotation.created);
      assert.equal(item.modified, annotation.modified);
    });
    const stance = selector(collection.first.items[1], 'TextPositionSelector');
    assert.equal(stance?.start, WATER_ANNOTATIONS[1].anchor.start, 'nothing astral before the emoji');
    assert.equal(stance?.end, WATER_ANNOTATIONS[1].anchor.end - 1, 'the emoji counts once');
  });

  it('describes each tag with textual bodies: what it is, its category, who, and the rest', () => {
    const bodies = collection.first.items.map((item) => item.body.map((body) => `${body.purpose}:${body.value}`));
    assert.deepEqual(bodies[0], ['tagging:speaker', 'tagging:direct', 'identifying:وزير النقل']);
    assert.deepEqual(bodies[1], ['tagging:stance', 'tagging:favor', 'identifying:وزير النقل', 'describing:عودة العمال', 'commenting:with, a "comma"\nand a line']);
    assert.deepEqual(bodies[3], ['tagging:source', 'tagging:broadcaster', 'tagging:article', 'identifying:Harbour Radio', 'identifying:AFP', 'identifying:رويترز']);
    collection.first.items.forEach((item) => item.body.forEach((body) => assert.equal(body.type, 'TextualBody')));
  });
});
