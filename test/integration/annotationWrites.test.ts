import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAnchor, createAnnotation, insertAnnotationText, parseSidecar, serializeSidecar, SIDECAR_VERSION, writeMovedAnnotationsText, writeMovedOffsetsText, type Annotation, type Sidecar } from '../../src/core/annotations';
import { parseClipping } from '../../src/core/parser';
import { AnnotationStore, VIEWS_SETTLE_MS } from '../../src/features/annotations/annotationStore';
import { ClippingAnnotations } from '../../src/features/annotations/clippingAnnotations';
import { INLINE_QUICK_LIMIT, SidecarParser } from '../../src/features/annotations/sidecarParsing';
import { ClippingParseCache } from '../../src/features/parseCache';
import { BrokenFileError, GuardedYamlFile } from '../../src/features/annotations/guardedYamlFile';
import { SYNC_LIMIT, SYNC_WRITE_LIMIT } from '../../src/features/annotations/fileIo';
import { openSavedClipping, QUOTE, sidecarAnnotations, sidecarText } from './annotationFixtures';
import { activateExtension, closeAllEditors, EXTENSION_ID, HARBOUR_DOSSIER, waitFor } from './helpers';

/** Where the extension is installed (its worker scripts are in its dist/). */
const EXTENSION_PATH = () => vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '';

const SECOND = 'A second paragraph about the union vote.';

const WORDS = 'alpha beta gamma delta';

/** An annotation of `word` in WORDS, its id made of `fill`. */
function wordAnnotation(word: string, fill: number): Annotation {
  return createAnnotation({ type: 'speaker', speaker: 'someone', kind: 'reported' }, createAnchor(WORDS, WORDS.indexOf(word), WORDS.indexOf(word) + word.length), {
    author: 'tester',
    now: () => new Date('2024-03-12T10:00:00Z'),
    randomBytes: (count) => new Uint8Array(count).fill(fill),
  });
}

/** parseSidecar as GuardedYamlFile reads files. */
async function parseForFile(source: string) {
  const parsed = parseSidecar(source);
  return parsed.ok ? ({ ok: true, model: parsed.sidecar } as const) : ({ ok: false, error: parsed.error } as const);
}

function annotationOn(text: string, words: string, speaker: string): Annotation {
  const start = text.indexOf(words);
  return createAnnotation({ type: 'speaker', speaker, kind: 'direct' }, createAnchor(text, start, start + words.length, parseClipping(text).articles), {
    author: 'tester',
    now: () => new Date('2024-03-12T10:00:00Z'),
    randomBytes: (count) => new Uint8Array(count).fill(speaker.length),
  });
}

/** Every `start:` and `end:` number blanked, to compare two sidecars but for their offsets. */
function withoutOffsets(text: string): string {
  return text.replace(/^( +(?:start|end): )\d+$/gm, '$1#');
}

describe('Writing moved anchors', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('changes only the offsets of anchors that merely moved, and keeps hand-made comments', async () => {
    const original = serializeSidecar({
      version: SIDECAR_VERSION,
      clipping: 'harbour.clip',
      annotations: [annotationOn(HARBOUR_DOSSIER, QUOTE, 'mara-keane'), annotationOn(HARBOUR_DOSSIER, SECOND, 'union')],
    })
      .replace(/^( {2}- id: .*\n(?:(?! {2}- ).*\n)*)( {2}- id:)/m, '$1  # checked against the print edition\n$2')
      .replace('speaker: union', 'speaker: union # the dock workers');
    const clipping = await openSavedClipping({ sidecarText: original });
    const api = vscode.extensions.getExtension<{ annotationsOf(document: vscode.TextDocument): Promise<readonly Annotation[]> }>(EXTENSION_ID)?.exports;
    assert.strictEqual((await api?.annotationsOf(clipping.document))?.length, 2);
    const inserted = 'A line typed at the top.\n';
    await clipping.editor.edit((edit) => edit.insert(new vscode.Position(0, 0), inserted));
    await clipping.document.save();
    const written = await waitFor('the moved anchors on disk', async () => {
      const annotations = await sidecarAnnotations(clipping);
      return annotations.every((annotation) => annotation.anchor.start > HARBOUR_DOSSIER.indexOf(annotation.anchor.quote)) ? annotations : undefined;
    });
    for (const annotation of written) {
      assert.strictEqual(annotation.anchor.start, HARBOUR_DOSSIER.indexOf(annotation.anchor.quote) + inserted.length);
      assert.strictEqual(clipping.document.getText().slice(annotation.anchor.start, annotation.anchor.end), annotation.anchor.quote);
    }
    assert.strictEqual(withoutOffsets((await sidecarText(clipping)) ?? ''), withoutOffsets(original));
  });

  it('moves annotations being read with the edits made while they are re-anchored', async () => {
    const folder = await fs.mkdtemp(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir(), 'adopt-'));
    const sidecar = vscode.Uri.file(path.join(folder, 'words.clip.annotations.yaml'));
    const original = 'alpha beta gamma delta';
    const start = original.indexOf('gamma');
    const annotation = createAnnotation({ type: 'speaker', speaker: 'someone', kind: 'reported' }, createAnchor(original, start, start + 5), {
      author: 'tester',
      now: () => new Date('2024-03-12T10:00:00Z'),
      randomBytes: (count) => new Uint8Array(count).fill(3),
    });
    await fs.writeFile(sidecar.fsPath, serializeSidecar({ version: SIDECAR_VERSION, clipping: 'words.clip', annotations: [annotation] }));
    const file = new GuardedYamlFile<Sidecar>(sidecar, async (text) => {
      const parsed = parseSidecar(text);
      return parsed.ok ? { ok: true, model: parsed.sidecar } : { ok: false, error: parsed.error };
    });
    let text = original;
    let typed = false;
    const annotations: ClippingAnnotations = new ClippingAnnotations(file, {
      text: () => text,
      // Asked for right after the text the anchors are found in: someone types just then.
      articles: () => {
        if (!typed) {
          typed = true;
          text = `>> ${text}`;
          annotations.applyEdits([{ start: 0, end: 0, text: '>> ' }]);
        }
        return [];
      },
    });
    try {
      await annotations.refresh();
      const [read] = annotations.annotations;
      assert.strictEqual(text.slice(read.anchor.start, read.anchor.end), 'gamma');
      await annotations.writeMovedAnchors();
      const parsed = parseSidecar(await fs.readFile(sidecar.fsPath, 'utf8'));
      assert.ok(parsed.ok);
      assert.strictEqual(parsed.sidecar.annotations[0].anchor.start, start + 3);
    } finally {
      annotations.dispose();
      file.dispose();
    }
  });

  it('reads a sidecar of hundreds of annotations on the host a hundred at a time, as parseSidecar reads it whole', async () => {
    const words = HARBOUR_DOSSIER.match(/\p{L}{4,}/gu) ?? [];
    const annotations = Array.from({ length: 250 }, (_, index) => ({ ...annotationOn(HARBOUR_DOSSIER, words[index % words.length], 'someone'), id: `a-${String(index).padStart(10, '0')}` }));
    const text = `# read in steps\n${serializeSidecar({ version: SIDECAR_VERSION, clipping: 'harbour.clip', annotations })}`;
    const parser = new SidecarParser(EXTENSION_PATH());
    try {
      const whole = parseSidecar(text);
      assert.ok(whole.ok);
      assert.deepStrictEqual(await parser.parse(text), { ok: true, model: whole.sidecar });
    } finally {
      parser.dispose();
    }
  });

  it('moves the anchors of a large sidecar in the worker: by offsets alone, or whole where a block has a layout of its own', async () => {
    const annotations = [annotationOn(HARBOUR_DOSSIER, QUOTE, 'mara-keane'), annotationOn(HARBOUR_DOSSIER, SECOND, 'union')];
    // A comment line pads the file past what is done on the host's thread.
    const large = `# ${'x'.repeat(INLINE_QUICK_LIMIT)}\n${serializeSidecar({ version: SIDECAR_VERSION, clipping: 'harbour.clip', annotations })}`;
    const moved = annotations.map((annotation) => ({ annotation: { ...annotation, anchor: { ...annotation.anchor, start: annotation.anchor.start + 7, end: annotation.anchor.end + 7 } }, recorded: annotation.anchor }));
    const offsets = moved.map(({ annotation, recorded }) => ({ id: annotation.id, recorded, start: annotation.anchor.start, end: annotation.anchor.end }));
    // A hand-written comment on an offset's line: its numbers are not swapped, the block is written whole.
    const handEdited = large.replace(/^( +start: \d+)$/m, '$1 # checked');
    assert.strictEqual(writeMovedOffsetsText(handEdited, [], offsets), undefined, 'the offsets alone do not do for the hand-edited file');
    const parser = new SidecarParser(EXTENSION_PATH());
    try {
      for (const text of [large, handEdited]) {
        const written = await parser.writeMoved(text, moved);
        assert.strictEqual(written, writeMovedAnnotationsText(text, moved));
        const parsed = parseSidecar(written);
        assert.ok(parsed.ok);
        assert.deepStrictEqual(parsed.sidecar.annotations.map((annotation) => annotation.anchor.start), moved.map(({ annotation }) => annotation.anchor.start));
      }
    } finally {
      parser.dispose();
    }
  });

  it('reads, edits and writes sidecars of every size: read and written synchronously, written by the worker, read asynchronously', async () => {
    // Outside the workspace: the workspace index would read these large files too.
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-sizes-'));
    const parser = new SidecarParser(EXTENSION_PATH());
    // A comment line pads the file past each limit: the same file, read and written each way (the large ones by the worker).
    const sizes = { small: 0, medium: SYNC_WRITE_LIMIT, large: SYNC_LIMIT };
    for (const [name, size] of Object.entries(sizes)) {
      const padding = size ? `# ${'x'.repeat(size)}\n` : '';
      const sidecar = vscode.Uri.file(path.join(folder, `${name}.clip.annotations.yaml`));
      const original = padding + serializeSidecar({ version: SIDECAR_VERSION, clipping: 'words.clip', annotations: [wordAnnotation('gamma', 3)] });
      await fs.writeFile(sidecar.fsPath, original);
      const file = new GuardedYamlFile<Sidecar>(sidecar, parseForFile, { writeLarge: parser.writeLarge });
      try {
        assert.strictEqual(await file.refresh(), true);
        await file.edit((current) => insertAnnotationText(current ?? '', wordAnnotation('alpha', 4)));
        const written = await fs.readFile(sidecar.fsPath, 'utf8');
        assert.ok(written.startsWith(padding), 'the comment is kept');
        const parsed = parseSidecar(written);
        assert.ok(parsed.ok);
        assert.deepStrictEqual(parsed.sidecar.annotations.map((item) => item.anchor.quote), ['alpha', 'gamma']);
        // Changed on disk: the next edit is made to what is there now, and a broken file is never written.
        const broken = written.replace('kind: reported', 'kind: [reported');
        await fs.writeFile(sidecar.fsPath, broken);
        await assert.rejects(file.edit((current) => current ?? ''), BrokenFileError);
        assert.strictEqual(await fs.readFile(sidecar.fsPath, 'utf8'), broken);
      } finally {
        file.dispose();
      }
    }
    parser.dispose();
    assert.deepStrictEqual((await fs.readdir(folder)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left');
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('makes an edit again, to what the file holds now, when the file changed on disk while the edit was being made', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-race-'));
    const sidecar = vscode.Uri.file(path.join(folder, 'words.clip.annotations.yaml'));
    const original = serializeSidecar({ version: SIDECAR_VERSION, clipping: 'words.clip', annotations: [wordAnnotation('gamma', 3)] });
    const theirs = insertAnnotationText(original, wordAnnotation('delta', 5));
    await fs.writeFile(sidecar.fsPath, original);
    const file = new GuardedYamlFile<Sidecar>(sidecar, parseForFile);
    try {
      assert.strictEqual(await file.refresh(), true);
      let reloads = 0;
      file.onDidReload(() => reloads++);
      const toldChanged: boolean[] = [];
      await file.edit(async (current, changedOnDisk) => {
        toldChanged.push(changedOnDisk);
        if (toldChanged.length === 1) {
          // Someone else writes the file while this edit gives the thread back, as a rewrite in slices does.
          await fs.writeFile(sidecar.fsPath, theirs);
          await new Promise((resolve) => setImmediate(resolve));
        }
        return insertAnnotationText(current ?? '', wordAnnotation('alpha', 4));
      });
      assert.deepStrictEqual(toldChanged, [false, true], 'made again, told that the file changed');
      const parsed = parseSidecar(await fs.readFile(sidecar.fsPath, 'utf8'));
      assert.ok(parsed.ok);
      assert.deepStrictEqual(parsed.sidecar.annotations.map((item) => item.anchor.quote), ['alpha', 'gamma', 'delta'], 'their annotation kept, ours added');
      assert.strictEqual(reloads, 1, 'their change is announced');
    } finally {
      file.dispose();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('tells views of anchors moved by typing once the typing pauses, and of a tag at once', async () => {
    // Outside the workspace, so that the workspace index (and its tests) never see this clipping change.
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-views-'));
    const file = path.join(folder, 'harbour.clip');
    await fs.writeFile(file, HARBOUR_DOSSIER);
    await fs.writeFile(`${file}.annotations.yaml`, serializeSidecar({ version: SIDECAR_VERSION, clipping: 'harbour.clip', annotations: [annotationOn(HARBOUR_DOSSIER, QUOTE, 'mara-keane')] }));
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const clipping = { editor, document: editor.document };
    // A store of the test's own, beside the extension's, to count its two events.
    const log = vscode.window.createOutputChannel('Clippings test store', { log: true });
    const parses = new ClippingParseCache(log);
    const parser = new SidecarParser(EXTENSION_PATH());
    const store = new AnnotationStore(parses, parser, log);
    const heard = { changes: 0, views: [] as number[] };
    const listeners = [store.onDidChange(() => heard.changes++), store.onDidChangeForViews(() => heard.views.push(performance.now()))];
    try {
      const annotations = await store.annotationsOf(clipping.document);
      assert.strictEqual(annotations.annotations.length, 1);
      heard.changes = 0;
      heard.views = [];
      let lastEdit = 0;
      for (let keystroke = 0; keystroke < 3; keystroke++) {
        await clipping.editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x'));
        lastEdit = performance.now();
      }
      assert.strictEqual(heard.changes, 3, 'each keystroke moves the anchor at once');
      assert.deepStrictEqual(heard.views, [], 'views are not told while typing');
      await waitFor('the views told', () => (heard.views.length ? true : undefined));
      assert.strictEqual(heard.views.length, 1, 'told once for the three keystrokes');
      assert.ok(heard.views[0] - lastEdit >= VIEWS_SETTLE_MS - 5, `told ${(heard.views[0] - lastEdit).toFixed(0)} ms after the last keystroke`);
      const moved = annotations.annotations[0];
      assert.strictEqual(clipping.document.getText().slice(moved.anchor.start, moved.anchor.end), QUOTE);

      heard.views = [];
      await annotations.remove(moved.id);
      assert.strictEqual(heard.views.length, 1, 'a removal is told at once');
    } finally {
      listeners.forEach((listener) => listener.dispose());
      store.dispose();
      parser.dispose();
      parses.dispose();
      log.dispose();
      await closeAllEditors();
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
