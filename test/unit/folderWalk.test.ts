import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { excludePatterns } from '../../src/core/index/excludes';
import { walkFolder } from '../../src/features/workspace/folderWalk';

describe("The index's walk of a folder on disk", () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'clippings-walk-'));
    const files = [
      'a.clip',
      'a.clip.annotations.yaml',
      'notes.txt',
      'notes.txt.annotations.yaml',
      'plain.txt',
      'deep/er/b.clipping',
      'deep/er/readme.md',
      '.hidden/c.clip',
      'node_modules/pkg/d.clip',
      'build/out/e.clip',
      'x/build/f.clip',
      'upper.CLIP',
    ];
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), '');
    }
    // A link to a folder is followed, as VS Code's search follows it; a link back up (a loop) is not.
    symlinkSync(join(root, 'deep'), join(root, 'linked'));
    symlinkSync(root, join(root, 'deep', 'loop'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const walk = (under: string, textFiles: boolean) =>
    walkFolder({ kind: 'walk', root, under, textFiles, exclude: excludePatterns([{ '**/node_modules': true }, { 'build/**': true, '**/*.md': true }]) });
  const sorted = (paths: readonly string[]) => [...paths].sort();

  it('lists clippings, sidecars and text files by path from the root, excluded folders left out', () => {
    const found = walk('', true);
    assert.deepEqual(sorted(found.clippings), ['.hidden/c.clip', 'a.clip', 'deep/er/b.clipping', 'linked/er/b.clipping', 'x/build/f.clip']);
    assert.deepEqual(sorted(found.sidecars), ['a.clip.annotations.yaml', 'notes.txt.annotations.yaml']);
    assert.deepEqual(sorted(found.textFiles), ['notes.txt', 'plain.txt']);
  });

  it('lists text files only when asked, and starts below a folder when told', () => {
    assert.deepEqual(walk('', false).textFiles, []);
    const below = walk('deep/', false);
    assert.deepEqual([below.clippings, below.sidecars], [['deep/er/b.clipping'], []]);
  });
});
