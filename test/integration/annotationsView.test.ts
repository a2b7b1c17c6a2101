import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serializeSidecar, SIDECAR_VERSION, type Annotation } from '../../src/core/annotations';
import { highlightParts } from '../../src/features/annotations/annotationGroups';
import { hoverMarkdown, openSavedClipping, QUOTE, QUOTE_LINE, quoteRange, sidecarAnnotations, tagKeane, type SavedClipping } from './annotationFixtures';
import { activateExtension, closeAllEditors, HARBOUR_DOSSIER, HARBOUR_LINES, waitFor } from './helpers';

const BROKEN_LINE = '    type: speaker: direct';

function quoteStart(document: vscode.TextDocument): vscode.Position {
  const [line, character] = quoteRange(document);
  return new vscode.Position(line, character);
}

/** The ids in the clipping's sidecar, which must exist and parse. */
async function sidecarIds(clipping: SavedClipping): Promise<string[]> {
  return (await sidecarAnnotations(clipping)).map((annotation) => annotation.id);
}

/** The arguments of the first `command:<id>?…` link in a hover. */
function linkArguments(markdown: string, command: string): unknown[] {
  const match = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^ )]+)`).exec(markdown);
  assert.ok(match, `a ${command} link in:\n${markdown}`);
  return JSON.parse(decodeURIComponent(match[1])) as unknown[];
}

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
}

async function lensOnLine(uri: vscode.Uri, line: number): Promise<vscode.Command> {
  const lens = (await lensesOf(uri)).find((candidate) => candidate.range.start.line === line);
  assert.ok(lens?.command, `a resolved code lens on line ${line}`);
  return lens.command;
}

function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === code);
}

function waitForDiagnostics(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`${code} on ${path.basename(uri.fsPath)}`, () => {
    const found = diagnosticsWithCode(uri, code);
    return found.length > 0 ? found : undefined;
  });
}

function speakerTag(id: string, anchor: Annotation['anchor']): Annotation {
  const time = '2024-03-12T10:00:00.000Z';
  return { id, type: 'speaker', speaker: 'mara-keane', kind: 'direct', author: 'tester', created: time, modified: time, anchor };
}

describe('Annotations in the editor: hovers, code lenses and problems', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('shows a tagged speaker in a hover whose Remove link removes it', async () => {
    const clipping = await openSavedClipping();
    const id = await tagKeane(clipping);
    assert.deepStrictEqual(await sidecarIds(clipping), [id]);
    const markdown = await hoverMarkdown(clipping.uri, quoteStart(clipping.document).translate(0, 3));
    assert.match(markdown, /Mara Keane/);
    assert.deepStrictEqual(linkArguments(markdown, 'clippings.editAnnotation'), [{ uri: clipping.uri.toString(), id }]);

    const removed = await vscode.commands.executeCommand<string | undefined>('clippings.removeAnnotation', ...linkArguments(markdown, 'clippings.removeAnnotation'));
    assert.strictEqual(removed, id);
    assert.deepStrictEqual(await sidecarIds(clipping), []);
    // Removed right after it was tagged: the echo of the first write must not bring it back.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.doesNotMatch(await hoverMarkdown(clipping.uri, quoteStart(clipping.document).translate(0, 3)), /clippings\.editAnnotation/);
  });

  it('shows no annotation hover beside the tagged words', async () => {
    const clipping = await openSavedClipping();
    await tagKeane(clipping);
    const speakerName = new vscode.Position(QUOTE_LINE, 2);
    assert.doesNotMatch(await hoverMarkdown(clipping.uri, speakerName), /clippings\.editAnnotation/);
  });

  it('sums up each article in a code lens that tags, then edits, its source', async () => {
    const clipping = await openSavedClipping();
    await tagKeane(clipping);
    await vscode.commands.executeCommand('clippings.tagStance', {
      uri: clipping.uri,
      range: new vscode.Range(QUOTE_LINE, 12, QUOTE_LINE, 26),
      holder: 'Mara Keane',
      target: 'reopening the harbour',
      polarity: 'favor',
    });
    const untagged = await lensOnLine(clipping.uri, HARBOUR_LINES.article1);
    assert.strictEqual(untagged.title, '$(tag) 1 speaker · 1 stance · Tag source…');
    assert.strictEqual(untagged.command, 'clippings.tagSource');

    const sourceId = await vscode.commands.executeCommand<string>('clippings.tagSource', {
      ...(untagged.arguments?.[0] as object),
      outlet: 'The Coastal Times',
      kind: 'newspaper',
    });
    const tagged = await lensOnLine(clipping.uri, HARBOUR_LINES.article1);
    assert.strictEqual(tagged.title, '$(tag) 1 speaker · 1 stance · Source: The Coastal Times');
    assert.strictEqual(tagged.command, 'clippings.editAnnotation');
    assert.deepStrictEqual(tagged.arguments, [{ uri: clipping.uri, id: sourceId }]);
    assert.strictEqual((await lensOnLine(clipping.uri, HARBOUR_LINES.article2)).title, '$(tag) Tag source…');
  });

  it('drops the code lenses when the setting is off', async () => {
    const clipping = await openSavedClipping();
    assert.strictEqual((await lensesOf(clipping.uri)).length, 3, 'one lens per article');
    const settings = vscode.workspace.getConfiguration('clippings');
    await settings.update('annotations.codeLens', false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepStrictEqual(await lensesOf(clipping.uri), []);
    } finally {
      await settings.update('annotations.codeLens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reports an annotation whose words are gone as a warning where they were', async () => {
    const gone = 'words this dossier never contained';
    const start = HARBOUR_DOSSIER.indexOf(QUOTE);
    const sidecar = serializeSidecar({
      version: SIDECAR_VERSION,
      clipping: 'harbour.clip',
      annotations: [speakerTag('a-orphan0001', { quote: gone, prefix: 'Mara Keane: ', suffix: '\n', start, end: start + gone.length })],
    });
    const clipping = await openSavedClipping({ sidecarText: sidecar });
    const [orphan] = await waitForDiagnostics(clipping.uri, 'orphaned-annotation');
    assert.strictEqual(orphan.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(orphan.message, new RegExp(`«${gone}»`));
    assert.deepStrictEqual(orphan.range.start, clipping.document.positionAt(start));
  });

  it('reports a sidecar that does not parse as an error at its line, and clears it once fixed', async () => {
    const lines = ['version: 1', 'clipping: harbour.clip', 'annotations:', '  - id: a-broken0001', BROKEN_LINE, ''];
    const clipping = await openSavedClipping({ sidecarText: lines.join('\n') });
    const [error] = await waitForDiagnostics(clipping.sidecar, 'broken-annotations-file');
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual([error.range.start.line, error.range.end.line, error.range.end.character], [4, 4, BROKEN_LINE.length]);
    assert.ok(error.range.start.character > 0 && error.range.start.character < BROKEN_LINE.length, 'starts at the fault within the line');

    await fs.writeFile(clipping.sidecar.fsPath, serializeSidecar({ version: SIDECAR_VERSION, clipping: 'harbour.clip', annotations: [] }), 'utf8');
    await waitFor('the error to clear', () => (diagnosticsWithCode(clipping.sidecar, 'broken-annotations-file').length === 0 ? true : undefined));
  });
});

describe('Annotation highlights', () => {
  it('group spans by colour, stances by polarity, and leave orphans out', () => {
    const anchor = (start: number, orphaned = false) => ({ quote: 'x', prefix: '', suffix: '', start, end: start + 1, ...(orphaned && { orphaned }) });
    const base = { author: 'tester', created: '2024-03-12T10:00:00.000Z', modified: '2024-03-12T10:00:00.000Z' };
    const spans = highlightParts([
      speakerTag('a-speaker001', anchor(0)),
      speakerTag('a-orphaned01', anchor(5, true)),
      { ...base, id: 'a-against001', type: 'stance', holder: 'h', target: 't', polarity: 'against', anchor: anchor(10) },
      { ...base, id: 'a-favor00001', type: 'stance', holder: 'h', target: 't', polarity: 'favor', anchor: anchor(20) },
      { ...base, id: 'a-source0001', type: 'source', scope: 'article', kind: 'newspaper', anchor: anchor(30) },
    ]);
    assert.deepStrictEqual(Object.fromEntries([...spans].map(([kind, [found]]) => [kind, found.map((span) => span.start)])), {
      speaker: [0],
      'stance-favor': [20],
      'stance-against': [10],
      'stance-neutral': [],
      'stance-mixed': [],
      source: [30],
    });
  });
});
