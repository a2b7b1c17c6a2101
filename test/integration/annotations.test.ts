import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openSavedClipping, QUOTE, QUOTE_LINE, quoteRange, sidecarAnnotations, sidecarText, tagKeane } from './annotationFixtures';
import { activateExtension, closeAllEditors, HARBOUR_LINES, waitFor } from './helpers';

describe('Annotating a clipping', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('tags a speaker, a stance and a source into a sidecar that parses', async () => {
    const clipping = await openSavedClipping();
    const speakerId = await tagKeane(clipping);
    const stanceId = await vscode.commands.executeCommand<string>('clippings.tagStance', {
      uri: clipping.uri.toString(),
      range: new vscode.Range(QUOTE_LINE, 12, QUOTE_LINE, 26),
      holder: 'Mara Keane',
      target: 'reopening the harbour',
      polarity: 'favor',
    });
    const sourceId = await vscode.commands.executeCommand<string>('clippings.tagSource', {
      uri: clipping.uri,
      range: [HARBOUR_LINES.article1 + 1, 0, HARBOUR_LINES.article1 + 1, 0],
      outlet: 'The Coastal Times',
      kind: 'newspaper',
      author: 'Staff reporter',
    });
    const annotations = await sidecarAnnotations(clipping);
    assert.deepStrictEqual(annotations.map((annotation) => annotation.id).sort(), [speakerId, stanceId, sourceId].sort());
    const speaker = annotations.find((annotation) => annotation.id === speakerId);
    assert.strictEqual(speaker?.anchor.quote, QUOTE);
    assert.strictEqual(speaker?.type === 'speaker' && speaker.kind, 'direct', 'words after `Name:` are direct speech');
    const source = annotations.find((annotation) => annotation.id === sourceId);
    assert.strictEqual(source?.anchor.quote, 'Ministers agree on harbour reopening', 'an article source is anchored on its title');
    const folder = vscode.workspace.getWorkspaceFolder(clipping.uri)?.uri.fsPath ?? path.dirname(clipping.uri.fsPath);
    const registry = await fs.readFile(path.join(folder, '.clippings', 'speakers.yaml'), 'utf8');
    assert.strictEqual(registry.match(/name: Mara Keane/g)?.length, 1, 'the speaker is registered once and reused for the stance');
  });

  it('moves anchors with edits and writes them when the clipping is saved', async () => {
    const clipping = await openSavedClipping();
    const id = await tagKeane(clipping);
    const recorded = (await sidecarAnnotations(clipping))[0].anchor;
    const inserted = 'Updated overnight\n';
    await clipping.editor.edit((edit) => edit.insert(new vscode.Position(HARBOUR_LINES.article1 + 1, 0), inserted));
    assert.strictEqual((await sidecarAnnotations(clipping))[0].anchor.start, recorded.start, 'nothing is written before the save');
    await clipping.editor.document.save();
    const moved = await waitFor('the moved anchor on disk', async () => {
      const [annotation] = await sidecarAnnotations(clipping);
      return annotation.anchor.start === recorded.start + inserted.length ? annotation : undefined;
    });
    assert.strictEqual(moved.id, id);
    assert.strictEqual(clipping.editor.document.getText().slice(moved.anchor.start, moved.anchor.end), QUOTE);
  });

  it('never writes to a sidecar that does not parse, and says where it is broken', async () => {
    const clipping = await openSavedClipping();
    await tagKeane(clipping);
    const broken = `${await sidecarText(clipping)}  - id: [unclosed\n`;
    await fs.writeFile(clipping.sidecar.fsPath, broken, 'utf8');
    const id = await vscode.commands.executeCommand<string | undefined>('clippings.tagStance', {
      uri: clipping.uri,
      range: quoteRange(clipping.editor.document),
      holder: 'Mara Keane',
      target: 'the harbour',
      polarity: 'favor',
    });
    assert.strictEqual(id, undefined, 'the tag is refused');
    assert.strictEqual(await sidecarText(clipping), broken, 'byte for byte unchanged');
  });

  it('keeps both people\'s annotations when the sidecar changed on disk before a tag', async () => {
    const clipping = await openSavedClipping();
    const mine = await tagKeane(clipping);
    const text = (await sidecarText(clipping)) ?? '';
    const theirBlock = text.slice(text.indexOf('  - id:')).replace(mine, 'a-theirs0001');
    await fs.writeFile(clipping.sidecar.fsPath, text + theirBlock, 'utf8');
    const second = await vscode.commands.executeCommand<string>('clippings.tagSource', {
      uri: clipping.uri,
      range: [HARBOUR_LINES.article2, 0, HARBOUR_LINES.article2, 0],
      outlet: 'Harbour Radio',
      kind: 'broadcaster',
    });
    const ids = (await sidecarAnnotations(clipping)).map((annotation) => annotation.id);
    assert.deepStrictEqual([...ids].sort(), [mine, 'a-theirs0001', second].sort());
  });

  it('undoes the last annotation change', async () => {
    const clipping = await openSavedClipping();
    const id = await tagKeane(clipping);
    await vscode.commands.executeCommand('clippings.removeAnnotation', { uri: clipping.uri, id });
    assert.deepStrictEqual(await sidecarAnnotations(clipping), []);
    assert.strictEqual(await vscode.commands.executeCommand('clippings.undoAnnotation', { uri: clipping.uri }), true);
    assert.deepStrictEqual((await sidecarAnnotations(clipping)).map((annotation) => annotation.id), [id]);
  });

  it('renames the sidecar with its clipping', async () => {
    const clipping = await openSavedClipping();
    await tagKeane(clipping);
    const renamed = vscode.Uri.file(path.join(path.dirname(clipping.uri.fsPath), 'harbour-renamed.clip'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(clipping.uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const followed = await waitFor('the renamed sidecar', () => fs.readFile(`${renamed.fsPath}.annotations.yaml`, 'utf8').catch(() => undefined));
    assert.match(followed, /Mara Keane|quote: We will reopen/);
    assert.strictEqual(await sidecarText(clipping), undefined, 'no sidecar is left at the old name');
  });
});

