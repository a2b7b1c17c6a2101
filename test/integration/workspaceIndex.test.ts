import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  createAnchor,
  createAnnotation,
  cryptoRandomBytes,
  insertSpeakerText,
  parseSidecar,
  removeSpeakerText,
  serializeSidecar,
  serializeSpeakerRegistry,
  SIDECAR_VERSION,
  type Annotation,
  type AnnotationBody,
  type Speaker,
} from '../../src/core/annotations';
import { parseClipping } from '../../src/core/parser';
import type { SnapshotNode, TreeSnapshot } from '../../src/features/workspace/annotationsView';
import type { SpeakerQuote } from '../../src/features/workspace/speakerQuotes';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

const GENEVA = [
  'مؤتمر جنيف حول سوريا',
  'الحياة - موسكو',
  '8 أيار 2013',
  '',
  'قال وزير الخارجية الأميركي جون كيري إن المؤتمر فرصة حقيقية.',
  'لافروف: لا بديل عن الحل السياسي',
  '====================',
  'إيران تستنفر لحماية حدودها',
  '',
  'وأكد كيري أن العقوبات باقية.',
  '',
].join('\n');
const IRAN_TITLE_LINE = 7;
const NOTES = ['ملاحظات', '', 'لافروف: الحوار هو الطريق', ''].join('\n');

const SPEAKERS: Speaker[] = [
  { id: 'wsx-kerry', name: 'جون كيري', aliases: ['كيري', 'John Kerry'] },
  { id: 'wsx-lavrov', name: 'سيرغي لافروف', aliases: ['لافروف'] },
];
const TIME = '2024-05-01T10:00:00.000Z';

/** A unique folder token: the filter narrows the view to this suite's files through their paths. */
const TOKEN = `wsindex${Date.now().toString(36)}`;

/** An annotation with a fixed id on the first occurrence of `quote` in `text`. */
function tag(id: string, text: string, quote: string, body: AnnotationBody): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `the text has «${quote}»`);
  const anchor = createAnchor(text, start, start + quote.length, parseClipping(text).articles);
  return { ...createAnnotation(body, anchor, { author: 'tester', now: () => new Date(TIME), randomBytes: cryptoRandomBytes }), id };
}

const IDS = { k1: 'a-wsx0000k01', k2: 'a-wsx0000k02', s1: 'a-wsx0000s01', s2: 'a-wsx0000s02', source: 'a-wsx0000o01', orphan: 'a-wsx0000x01', note: 'a-wsx0000n01' };

function genevaAnnotations(): Annotation[] {
  const orphan = tag(IDS.orphan, GENEVA, 'فرصة حقيقية', { type: 'speaker', speaker: 'wsx-kerry', kind: 'direct' });
  return [
    tag(IDS.source, GENEVA, 'مؤتمر جنيف حول سوريا', { type: 'source', scope: 'article', kind: 'newspaper', outlet: 'الحياة' }),
    tag(IDS.s2, GENEVA, 'المؤتمر', { type: 'stance', holder: 'wsx-kerry', target: 'الحل السياسى', polarity: 'against' }),
    tag(IDS.k1, GENEVA, 'إن المؤتمر فرصة حقيقية', { type: 'speaker', speaker: 'wsx-kerry', kind: 'reported' }),
    tag(IDS.s1, GENEVA, 'لا بديل عن الحل السياسي', { type: 'stance', holder: 'wsx-lavrov', target: 'الحل السياسي', polarity: 'favor' }),
    tag(IDS.k2, GENEVA, 'أن العقوبات باقية', { type: 'speaker', speaker: 'wsx-kerry', kind: 'reported' }),
    { ...orphan, anchor: { ...orphan.anchor, quote: 'كلمات حذفت من النص', orphaned: true } },
  ];
}

async function writeClipping(file: string, text: string, annotations: readonly Annotation[]): Promise<void> {
  await fs.writeFile(file, text, 'utf8');
  await fs.writeFile(`${file}.annotations.yaml`, serializeSidecar({ version: SIDECAR_VERSION, clipping: path.basename(file), annotations }), 'utf8');
}

async function tree(): Promise<TreeSnapshot & { selection: string[] }> {
  return vscode.commands.executeCommand('clippings._annotationsTree');
}

/** The tree of this suite's files as [label, count, children or annotation ids]. */
function outline(nodes: readonly SnapshotNode[]): unknown[] {
  return nodes.map((node) => (node.children ? [node.label, Number(node.description), outline(node.children)] : node.id.slice(node.id.indexOf('#') + 1)));
}

async function showOnly(mode: string, query = TOKEN): Promise<unknown[]> {
  await vscode.commands.executeCommand('clippings.annotations.groupBy', mode);
  await vscode.commands.executeCommand('clippings.annotations.filter', { query });
  return outline((await tree()).groups);
}

async function waitForOutline(mode: string, expected: unknown[]): Promise<void> {
  let last: unknown[] = [];
  await waitFor(`the ${mode} tree ${JSON.stringify(expected)}, last ${JSON.stringify(last)}`, async () => {
    last = await showOnly(mode);
    return JSON.stringify(last) === JSON.stringify(expected) ? true : undefined;
  }).catch(() => assert.deepStrictEqual(last, expected));
}

const BY_SPEAKER = [
  ['Orphaned annotations', 1, [IDS.orphan]],
  ['جون كيري', 3, [IDS.k1, IDS.s2, IDS.k2]],
  ['سيرغي لافروف', 2, [IDS.s1, IDS.note]],
];

describe('Workspace index: Annotations view, symbols and speaker quotes', () => {
  let folder: string;
  let geneva: vscode.Uri;
  let registryFile: string;

  before(async () => {
    await activateExtension();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the tests run in a workspace folder');
    folder = path.join(root, TOKEN);
    await fs.mkdir(path.join(folder, 'node_modules'), { recursive: true });
    registryFile = path.join(root, '.clippings', 'speakers.yaml');
    await fs.mkdir(path.dirname(registryFile), { recursive: true });
    const registry = await fs.readFile(registryFile, 'utf8').catch(() => undefined);
    await fs.writeFile(registryFile, SPEAKERS.reduce((text, speaker) => insertSpeakerText(text, speaker), registry ?? serializeSpeakerRegistry({ version: 1, speakers: [] })));
    await writeClipping(path.join(folder, 'geneva.clip'), GENEVA, genevaAnnotations());
    await writeClipping(path.join(folder, 'notes.txt'), NOTES, [tag(IDS.note, NOTES, 'الحوار هو الطريق', { type: 'speaker', speaker: 'wsx-lavrov', kind: 'direct' })]);
    await fs.writeFile(path.join(folder, 'plain.txt'), GENEVA, 'utf8');
    // search.exclude leaves node_modules out by default.
    await writeClipping(path.join(folder, 'node_modules', 'hidden.clip'), GENEVA, [tag('a-wsx0000h01', GENEVA, 'المؤتمر', { type: 'speaker', speaker: 'wsx-kerry', kind: 'direct' })]);
    geneva = vscode.Uri.file(path.join(folder, 'geneva.clip'));
    await vscode.commands.executeCommand('workbench.view.extension.clippings');
    await waitForOutline('speaker', BY_SPEAKER);
  });

  afterEach(closeAllEditors);

  after(async () => {
    await vscode.commands.executeCommand('clippings.annotations.clearFilter');
    const registry = await fs.readFile(registryFile, 'utf8');
    await fs.writeFile(registryFile, SPEAKERS.reduce((text, speaker) => removeSpeakerText(text, speaker.id), registry));
  });

  it('groups by speaker with registry names and counts, orphans apart, leaving out excluded folders and plain .txt files', async () => {
    assert.deepStrictEqual(await showOnly('speaker'), BY_SPEAKER);
  });

  it('groups by stance target across spellings then polarity, by source, and by file', async () => {
    assert.deepStrictEqual(await showOnly('stance'), [
      ['Orphaned annotations', 1, [IDS.orphan]],
      ['الحل السياسى', 2, [['in favor', 1, [IDS.s1]], ['against', 1, [IDS.s2]]]],
    ]);
    assert.deepStrictEqual(await showOnly('source'), [
      ['Orphaned annotations', 1, [IDS.orphan]],
      ['الحياة', 1, [IDS.source]],
    ]);
    assert.deepStrictEqual(await showOnly('file'), [
      ['Orphaned annotations', 1, [IDS.orphan]],
      [`${TOKEN}/geneva.clip`, 5, [IDS.source, IDS.k1, IDS.s2, IDS.s1, IDS.k2]],
      [`${TOKEN}/notes.txt`, 1, [IDS.note]],
    ]);
  });

  it('filters by any spelling of a speaker\'s name and by the words of a quote', async () => {
    assert.deepStrictEqual(await showOnly('speaker', `${TOKEN} كيرى`), [BY_SPEAKER[0], BY_SPEAKER[1]]);
    assert.deepStrictEqual(await showOnly('speaker', `${TOKEN} العقوبات`), [['جون كيري', 1, [IDS.k2]]]);
  });

  it('shows the words of an annotation when its item is chosen, and follows the cursor to it', async () => {
    await showOnly('speaker');
    const item = (await tree()).groups[1].children?.find((node) => node.id.endsWith(IDS.k1));
    assert.strictEqual(item?.contextValue, 'annotation');
    await vscode.commands.executeCommand('clippings.revealAnnotation', { uri: geneva.toString(), id: IDS.k1 });
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.getText(editor.selection), 'إن المؤتمر فرصة حقيقية');

    await vscode.commands.executeCommand('workbench.view.extension.clippings');
    const k2 = editor.document.getText().indexOf('العقوبات');
    editor.selection = new vscode.Selection(editor.document.positionAt(k2), editor.document.positionAt(k2));
    await waitFor('the view to select the annotation under the cursor', async () => ((await tree()).selection.includes(`${geneva.toString()}#${IDS.k2}`) ? true : undefined));
  });

  it('follows sidecars and clippings changed on disk', async () => {
    const fresh = path.join(folder, 'fresh.clip');
    await writeClipping(fresh, NOTES, [tag('a-wsx0000f01', NOTES, 'الحوار', { type: 'speaker', speaker: 'wsx-lavrov', kind: 'direct' })]);
    await waitForOutline('speaker', [BY_SPEAKER[0], BY_SPEAKER[1], ['سيرغي لافروف', 3, ['a-wsx0000f01', IDS.s1, IDS.note]]]);
    await fs.rm(`${fresh}.annotations.yaml`);
    await fs.rm(fresh);
    await waitForOutline('speaker', BY_SPEAKER);
  });

  it('indexes a clipping written at once into a folder just created, and follows the folder when it moves', async () => {
    // The file watcher may start watching a new folder after the files are in it: no event for them.
    const created = path.join(folder, 'created-now');
    await fs.mkdir(path.join(created, 'inner'), { recursive: true });
    await writeClipping(path.join(created, 'inner', 'late.clip'), NOTES, [tag('a-wsx0000c01', NOTES, 'الحوار', { type: 'speaker', speaker: 'wsx-lavrov', kind: 'direct' })]);
    await waitForOutline('speaker', [BY_SPEAKER[0], BY_SPEAKER[1], ['سيرغي لافروف', 3, ['a-wsx0000c01', IDS.s1, IDS.note]]]);
    await waitForOutline('file', [
      ['Orphaned annotations', 1, [IDS.orphan]],
      [`${TOKEN}/created-now/inner/late.clip`, 1, ['a-wsx0000c01']],
      [`${TOKEN}/geneva.clip`, 5, [IDS.source, IDS.k1, IDS.s2, IDS.s1, IDS.k2]],
      [`${TOKEN}/notes.txt`, 1, [IDS.note]],
    ]);
    // Moved as a whole: one event for the folder, none for the files in it.
    await fs.rename(created, path.join(folder, 'moved'));
    await waitForOutline('file', [
      ['Orphaned annotations', 1, [IDS.orphan]],
      [`${TOKEN}/geneva.clip`, 5, [IDS.source, IDS.k1, IDS.s2, IDS.s1, IDS.k2]],
      [`${TOKEN}/moved/inner/late.clip`, 1, ['a-wsx0000c01']],
      [`${TOKEN}/notes.txt`, 1, [IDS.note]],
    ]);
    await fs.rm(path.join(folder, 'moved'), { recursive: true });
    await waitForOutline('speaker', BY_SPEAKER);
  });

  it('finds articles by title in any spelling with Go to Symbol in Workspace, following unsaved edits', async () => {
    const symbolsOf = async (query: string) =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)).filter((symbol) => symbol.location.uri.toString() === geneva.toString());
    const [iran] = await symbolsOf('ايران حمايه');
    assert.ok(iran, 'the hamza-less query finds the title');
    assert.strictEqual(iran.location.range.start.line, IRAN_TITLE_LINE);
    assert.match(iran.containerName, /إيران تستنفر لحماية حدودها/);
    assert.deepStrictEqual((await symbolsOf('جنيف')).map((symbol) => symbol.name), ['مؤتمر جنيف حول سوريا']);

    const editor = await vscode.window.showTextDocument(geneva);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'سطر جديد\n'));
    await waitFor('the symbol to move with the unsaved edit', async () => ((await symbolsOf('ايران'))[0]?.location.range.start.line === IRAN_TITLE_LINE + 1 ? true : undefined));
  });

  it('reads .txt files without annotations only when the setting says so, keeping those that look like clippings', async () => {
    const scanned = vscode.Uri.file(path.join(folder, 'scanned.txt'));
    const plain = vscode.Uri.file(path.join(folder, 'plain.txt'));
    await fs.writeFile(scanned.fsPath, [`${TOKEN} scanned dossier`, 'Body.', '=====', 'Second article', 'Body.', '=====', ''].join('\n'), 'utf8');
    const foundIn = async (uri: vscode.Uri, query: string) =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)).some((symbol) => symbol.location.uri.toString() === uri.toString());
    const settings = vscode.workspace.getConfiguration('clippings');
    await settings.update('index.scanTextFiles', true, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the scanned dossier to be indexed', async () => ((await foundIn(scanned, `${TOKEN} scanned`)) ? true : undefined));
      assert.strictEqual(await foundIn(plain, 'جنيف'), false, 'a .txt file that does not look like a clipping stays out');
    } finally {
      await settings.update('index.scanTextFiles', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the scanned dossier to leave the index', async () => ((await foundIn(scanned, `${TOKEN} scanned`)) ? undefined : true));
  });

  it('lists what a speaker said and the stances they hold, for scripts', async () => {
    const quotesOf = async (speaker: string) =>
      (await vscode.commands.executeCommand<SpeakerQuote[]>('clippings.speakerQuotes', { speaker })).filter((quote) => quote.uri.includes(TOKEN)).map((quote) => quote.id);
    assert.deepStrictEqual(await quotesOf('كيرى'), [IDS.k1, IDS.s2, IDS.orphan, IDS.k2]);
    assert.deepStrictEqual(await quotesOf('wsx-lavrov'), [IDS.s1, IDS.note]);
  });

  it('re-attaches an orphan to the selected words, and the view follows', async () => {
    const editor = await vscode.window.showTextDocument(geneva);
    const start = GENEVA.indexOf('فرصة حقيقية');
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'فرصة حقيقية'.length));
    const id = await vscode.commands.executeCommand('clippings.reattachOrphan', { uri: geneva, id: IDS.orphan, range });
    assert.strictEqual(id, IDS.orphan);
    const sidecar = parseSidecar(await fs.readFile(`${geneva.fsPath}.annotations.yaml`, 'utf8'));
    assert.ok(sidecar.ok);
    const anchor = sidecar.sidecar.annotations.find((annotation) => annotation.id === IDS.orphan)?.anchor;
    assert.deepStrictEqual([anchor?.quote, anchor?.orphaned], ['فرصة حقيقية', undefined]);
    await waitForOutline('speaker', [['جون كيري', 4, [IDS.k1, IDS.s2, IDS.orphan, IDS.k2]], BY_SPEAKER[2]]);
  });
});
