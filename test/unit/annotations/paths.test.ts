import assert from 'node:assert/strict';
import {
  clippingPathForSidecar,
  fileNameOf,
  sidecarPathFor,
  speakerRegistryPathFor,
} from '../../../src/core/annotations/paths';

describe('annotations/paths', () => {
  it('puts the sidecar beside the clipping, keeping its whole name', () => {
    assert.equal(sidecarPathFor('/home/me/dossier.clip'), '/home/me/dossier.clip.annotations.yaml');
    assert.equal(sidecarPathFor('/c:/Users/me/ملف كيري.txt'), '/c:/Users/me/ملف كيري.txt.annotations.yaml');
    assert.equal(sidecarPathFor('dossier.clip'), 'dossier.clip.annotations.yaml');
    assert.throws(() => sidecarPathFor('/home/me/'));
  });

  it('finds the clipping back from its sidecar', () => {
    assert.equal(clippingPathForSidecar('/a/dossier.clip.annotations.yaml'), '/a/dossier.clip');
    assert.equal(clippingPathForSidecar('/a/dossier.clip'), undefined);
    assert.equal(clippingPathForSidecar('/a/.annotations.yaml'), undefined);
  });

  it('names the file and the registry', () => {
    assert.equal(fileNameOf('/a/b/dossier.clip'), 'dossier.clip');
    assert.equal(fileNameOf('dossier.clip'), 'dossier.clip');
    assert.equal(speakerRegistryPathFor('/work/press/'), '/work/press/.clippings/speakers.yaml');
  });
});
