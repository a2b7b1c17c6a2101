import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAnchor, serializeSidecar, type Annotation, type Sidecar } from '../../src/core/annotations';
import { BYTE_ORDER_MARK, COLUMNS, parseJsonLines, type WebAnnotationCollection } from '../../src/core/export';
import type { ImportSummary } from '../../src/features/workspace/exportCommands';
import { assertBratEntitiesMatch, readAnn, readCsv, WATER_ANNOTATIONS, WATER_TEXT } from '../unit/exportFixtures';
import { activateExtension, HARBOUR_DOSSIER, waitFor } from './helpers';

const HARBOUR_QUOTE = 'We will reopen the harbour within a month.';
const HARBOUR_ANNOTATION: Annotation = {
  id: 'a-00000000h1',
  type: 'speaker',
  speaker: 'mara-keane',
  kind: 'direct',
  author: 'tester',
  created: '2024-03-12T10:00:00.000Z',
  modified: '2024-03-12T10:00:00.000Z',
  anchor: createAnchor(HARBOUR_DOSSIER, HARBOUR_DOSSIER.indexOf(HARBOUR_QUOTE), HARBOUR_DOSSIER.indexOf(HARBOUR_QUOTE) + HARBOUR_QUOTE.length),
};

/** The two clippings of the exported folder, by path relative to the workspace folder. */
interface Fixture {
  readonly folder: vscode.Uri;
  readonly sidecars: ReadonlyMap<string, Sidecar>;
  readonly texts: ReadonlyMap<string, string>;
  readonly output: string;
}

/** A folder of the workspace with an Arabic CRLF clipping (emoji, orphan) and, below it, an English one, both annotated. */
async function annotatedFolder(): Promise<Fixture> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the tests run in a workspace');
  const folder = await fs.mkdtemp(path.join(root, 'export-'));
  const relative = path.basename(folder);
  const clippings: [string, string, Sidecar][] = [
    [`${relative}/water.clip`, WATER_TEXT, { version: 1, clipping: 'water.clip', annotations: WATER_ANNOTATIONS }],
    [`${relative}/sub/harbour.clip`, HARBOUR_DOSSIER, { version: 1, clipping: 'harbour.clip', annotations: [HARBOUR_ANNOTATION] }],
  ];
  // Written through VS Code's file service, which announces its own writes: the operating
  // system's watcher can miss files written into a folder created a moment before.
  const write = (file: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.file(path.join(root, file)), new TextEncoder().encode(text));
  for (const [file, text, sidecar] of clippings) {
    await write(file, text);
    await write(`${file}.annotations.yaml`, serializeSidecar(sidecar));
  }
  return {
    folder: vscode.Uri.file(folder),
    sidecars: new Map(clippings.map(([file, , sidecar]) => [file, sidecar])),
    texts: new Map(clippings.map(([file, text]) => [file, text])),
    output: await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-export-')),
  };
}

async function exportAs(fixture: Fixture, format: string, target: string): Promise<vscode.Uri[]> {
  const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('clippings.exportAnnotations', { format, scope: fixture.folder, target: vscode.Uri.file(target) });
  assert.ok(written, `the ${format} export succeeded`);
  return written;
}

const totalAnnotations = (fixture: Fixture) => [...fixture.sidecars.values()].reduce((total, sidecar) => total + sidecar.annotations.length, 0);

describe('Exporting and importing annotations', () => {
  let fixture: Fixture;
  let jsonLinesFile: string;

  before(async function () {
    this.timeout(40_000);
    await activateExtension();
    fixture = await annotatedFolder();
    jsonLinesFile = path.join(fixture.output, 'annotations.jsonl');
    // The index picks the new files up in the background: export until it has them all.
    await waitFor(
      'the workspace index to hold the new clippings',
      async () => {
        await exportAs(fixture, 'jsonl', jsonLinesFile);
        const { clippings } = parseJsonLines(await fs.readFile(jsonLinesFile, 'utf8'));
        return clippings.reduce((total, clipping) => total + clipping.sidecar.annotations.length, 0) === totalAnnotations(fixture) ? true : undefined;
      },
      30_000,
    );
  });

  after(async () => {
    await fs.rm(fixture.folder.fsPath, { recursive: true, force: true });
    await fs.rm(fixture.output, { recursive: true, force: true });
  });

  it('exports JSON Lines that give back every sidecar of the folder, and nothing else', async () => {
    const imported = parseJsonLines(await fs.readFile(jsonLinesFile, 'utf8'));
    assert.deepStrictEqual(imported.problems, []);
    assert.deepStrictEqual(new Map(imported.clippings.map((clipping) => [clipping.file, clipping.sidecar])), fixture.sidecars);
  });

  it('exports CSV with a byte order mark and a record per annotation', async () => {
    const [file] = await exportAs(fixture, 'csv', path.join(fixture.output, 'annotations.csv'));
    const text = await fs.readFile(file.fsPath, 'utf8');
    assert.ok(text.startsWith(BYTE_ORDER_MARK));
    const [header, ...records] = readCsv(text.slice(1));
    assert.deepStrictEqual(header, [...COLUMNS]);
    const quotes = records.map((record) => record[COLUMNS.indexOf('quote')]).sort();
    assert.deepStrictEqual(quotes, [...fixture.sidecars.values()].flatMap((sidecar) => sidecar.annotations.map((annotation) => annotation.anchor.quote)).sort());
  });

  it('exports brat files whose every text-bound annotation matches its .txt, and the configuration', async () => {
    const target = path.join(fixture.output, 'brat');
    const written = await exportAs(fixture, 'brat', target);
    assert.ok(written.some((uri) => uri.fsPath === path.join(target, 'annotation.conf')));
    for (const [file, sidecar] of fixture.sidecars) {
      const txt = await fs.readFile(path.join(target, `${file}.txt`), 'utf8');
      assert.strictEqual(txt, fixture.texts.get(file)?.replace(/\r\n/g, '\n'));
      const { entities } = readAnn(await fs.readFile(path.join(target, `${file}.ann`), 'utf8'));
      assert.strictEqual(entities.length, sidecar.annotations.filter((annotation) => !annotation.anchor.orphaned).length);
      assertBratEntitiesMatch(txt, entities);
    }
  });

  it('exports a Web Annotation collection whose positions, in characters, select each quote', async () => {
    const [file] = await exportAs(fixture, 'webannotation', path.join(fixture.output, 'annotations.jsonld'));
    const collection = JSON.parse(await fs.readFile(file.fsPath, 'utf8')) as WebAnnotationCollection;
    assert.strictEqual(collection.total, totalAnnotations(fixture));
    let positioned = 0;
    for (const item of collection.first.items) {
      const relative = vscode.workspace.asRelativePath(vscode.Uri.parse(item.target.source), false);
      const characters = Array.from(fixture.texts.get(relative) ?? '');
      const quote = item.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
      for (const selector of item.target.selector) {
        if (selector.type === 'TextPositionSelector') {
          assert.strictEqual(characters.slice(selector.start, selector.end).join(''), quote?.exact);
          positioned++;
        }
      }
    }
    assert.strictEqual(positioned, totalAnnotations(fixture) - 1, 'all but the orphan have a position');
  });

  it('imports the JSON Lines export: a lost sidecar comes back as it was, nothing is written twice, a conflict is left alone', async () => {
    const [waterFile] = fixture.sidecars.keys();
    const waterSidecar = path.join(path.dirname(fixture.folder.fsPath), `${waterFile}.annotations.yaml`);
    const original = await fs.readFile(waterSidecar, 'utf8');
    await fs.rm(waterSidecar);
    const importFrom = (source: string) => vscode.commands.executeCommand<ImportSummary | undefined>('clippings.importAnnotations', { source: vscode.Uri.file(source) });

    const first = await importFrom(jsonLinesFile);
    assert.strictEqual(first?.added, WATER_ANNOTATIONS.length);
    assert.strictEqual(first?.unchanged, 1, 'the harbour sidecar already had its annotation');
    assert.strictEqual(await fs.readFile(waterSidecar, 'utf8'), original);

    const again = await importFrom(jsonLinesFile);
    assert.deepStrictEqual([again?.added, again?.unchanged, again?.sidecarsWritten], [0, totalAnnotations(fixture), []]);

    const rival = path.join(fixture.output, 'rival.jsonl');
    const records = (await fs.readFile(jsonLinesFile, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; annotation: Annotation });
    const record = records.find((candidate) => candidate.file === waterFile);
    assert.ok(record);
    await fs.writeFile(rival, JSON.stringify({ ...record, annotation: { ...record.annotation, author: 'someone else' } }) + '\n');
    const conflicting = await importFrom(rival);
    assert.deepStrictEqual(conflicting?.conflicts.map((conflict) => conflict.id), [record.annotation.id]);
    assert.strictEqual(await fs.readFile(waterSidecar, 'utf8'), original, 'a conflict never changes the sidecar');
  });
});
