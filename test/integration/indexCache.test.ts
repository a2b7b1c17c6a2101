import * as assert from 'node:assert';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { INDEX_CACHE_FORMAT } from '../../src/core/index/indexCache';
import { AnnotationStore } from '../../src/features/annotations/annotationStore';
import { SidecarParser } from '../../src/features/annotations/sidecarParsing';
import { SpeakerRegistryStore } from '../../src/features/annotations/speakerRegistry';
import { ClippingParseCache } from '../../src/features/parseCache';
import { ClippingWorkspaceIndex, type IndexMode, type IndexStatus } from '../../src/features/workspace/clippingWorkspaceIndex';
import { IndexCacheStore } from '../../src/features/workspace/indexCacheStore';
import type { IndexRequest, IndexResponse } from '../../src/features/workspace/indexWorker';
import { WorkerRequests } from '../../src/features/workspace/workerRequests';
import { activateExtension, EXTENSION_ID, waitFor } from './helpers';

const TOKEN = `idxcache${Date.now().toString(36)}`;
const CLIPPING = ['قمة الطاقة', 'الحياة - القاهرة', '', 'قال الوزير إن الأسعار ستنخفض.', ''].join('\n');
const SIDECAR = [
  'version: 1',
  'clipping: "energy.clip"',
  'annotations:',
  '  - id: a-idxcache001',
  '    type: speaker',
  '    speaker: minister',
  '    kind: reported',
  '    anchor:',
  '      quote: إن الأسعار ستنخفض',
  '      prefix: "قال الوزير "',
  '      suffix: .',
  '      start: 34',
  '      end: 51',
  '    author: tester',
  '    created: 2024-05-01T10:00:00.000Z',
  '    modified: 2024-05-01T10:00:00.000Z',
  '',
].join('\n');

/** What the extension's own index says. */
function status(): Promise<IndexStatus> {
  return Promise.resolve(vscode.commands.executeCommand<IndexStatus>('clippings._indexStatus'));
}

/**
 * A second index, built like the extension's (the same classes, the bundled copies of them),
 * over the cache in `folder`: what a restart of VS Code reads.
 */
async function indexFromCache(folder: vscode.Uri, mode: IndexMode = 'build'): Promise<{ index: ClippingWorkspaceIndex; dispose: () => void }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const log = vscode.window.createOutputChannel('Clippings cache test', { log: true });
  const parses = new ClippingParseCache(log);
  const sidecarParser = new SidecarParser(extension.extensionPath);
  const store = new AnnotationStore(parses, sidecarParser, log);
  const registry = new SpeakerRegistryStore();
  const worker = new WorkerRequests<IndexRequest, IndexResponse>(path.join(extension.extensionPath, 'dist', 'workspaceIndexWorker.js'));
  const version = String((extension.packageJSON as { version?: unknown }).version);
  const index = new ClippingWorkspaceIndex({ parses, store, registry, log }, new IndexCacheStore(folder, { format: INDEX_CACHE_FORMAT, extensionVersion: version }, log), worker, mode);
  if (mode === 'build') await index.ready;
  return { index, dispose: () => [index, worker, registry, store, sidecarParser, parses, log].forEach((disposable) => disposable.dispose()) };
}

describe('Workspace index cache', () => {
  let folder: string;
  let copy: string;

  before(async () => {
    await activateExtension();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the tests run in a workspace folder');
    folder = path.join(root, TOKEN);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, 'energy.clip'), CLIPPING);
    await fs.writeFile(path.join(folder, 'energy.clip.annotations.yaml'), SIDECAR);
  });

  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
    if (copy) await fs.rm(copy, { recursive: true, force: true });
  });

  it('is read back by a new index (a restart), which reads again only the files changed since, a sidecar deleted included', async () => {
    const energy = vscode.Uri.file(path.join(folder, 'energy.clip')).toString();
    // A restart from a copy of the extension's cache (a copy, so that the extension's own index,
    // writing the cache again after the changes below, cannot race the reading). Other suites
    // write files just before this one, and the extension's index takes a change in once the
    // file watcher reports it: until its cache holds everything, a restart reads the rest. So
    // copies are taken until one reads no file; a cache that never gets there fails the test.
    const warm = await waitFor(
      'a restart from a copy of the cache that reads no file',
      async () => {
        const current = await status();
        if (!current.ready || current.busy || !current.cacheFolder) return undefined;
        const cacheFiles = await fs.readdir(vscode.Uri.parse(current.cacheFolder).fsPath).catch(() => []);
        if (!cacheFiles.some((file) => file.endsWith('.bin'))) return undefined;
        if (copy) await fs.rm(copy, { recursive: true, force: true });
        copy = await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-index-cache-'));
        await fs.cp(vscode.Uri.parse(current.cacheFolder).fsPath, copy, { recursive: true });
        const candidate = await indexFromCache(vscode.Uri.file(copy));
        if (candidate.index.status().lastPass?.read === 0) return candidate;
        candidate.dispose();
        return undefined;
      },
      30_000,
    );
    let cached: number;
    try {
      const pass = warm.index.status().lastPass;
      assert.ok(pass);
      // (`gone` counts what the search finds and is not there: a sidecar another suite left without its clipping.)
      assert.ok(pass.cached > 0);
      cached = pass.cached;
      const restored = warm.index.clippings().find((clipping) => clipping.uri === energy);
      assert.deepStrictEqual(
        restored?.annotations.map((annotation) => [annotation.id, annotation.type === 'speaker' && annotation.speaker, annotation.anchor.quote, annotation.anchor.start]),
        [['a-idxcache001', 'minister', 'إن الأسعار ستنخفض', 34]],
      );
      assert.deepStrictEqual(restored?.articles.map((article) => [article.title, article.outlet]), [['قمة الطاقة', 'الحياة - القاهرة']]);
    } finally {
      warm.dispose();
    }

    // The sidecar changes (its size too, so that the stamp differs whatever the clock's resolution).
    await fs.writeFile(path.join(folder, 'energy.clip.annotations.yaml'), SIDECAR.replace('kind: reported', 'kind: direct  '));
    const changed = await indexFromCache(vscode.Uri.file(copy));
    try {
      const pass = changed.index.status().lastPass;
      assert.ok(pass);
      assert.deepStrictEqual([pass.read, pass.cached], [1, cached - 1], 'only the changed file read');
      const reread = changed.index.clippings().find((clipping) => clipping.uri === energy)?.annotations[0];
      assert.strictEqual(reread?.type === 'speaker' && reread.kind, 'direct');
    } finally {
      changed.dispose();
    }

    // The sidecar is deleted: the clipping is read again, without annotations.
    await fs.rm(path.join(folder, 'energy.clip.annotations.yaml'));
    const unannotated = await indexFromCache(vscode.Uri.file(copy));
    try {
      assert.strictEqual(unannotated.index.status().lastPass?.read, 1);
      assert.deepStrictEqual(unannotated.index.clippings().find((clipping) => clipping.uri === energy)?.annotations, []);
    } finally {
      unannotated.dispose();
    }
  });

  it("created idle (a benchmark's baseline), reads nothing, never gets ready, and watches the event loop", async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'clippings-index-idle-'));
    const idle = await indexFromCache(vscode.Uri.file(empty), 'idle');
    try {
      const ready = await Promise.race([idle.index.ready.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 300))]);
      assert.strictEqual(ready, false);
      const current = idle.index.status();
      assert.deepStrictEqual([current.idle, current.ready, current.clippings, current.lastPass], [true, false, 0, undefined]);
      // Watching since its creation, before the 300 ms wait began (timers may fire a fraction of a millisecond early).
      assert.ok((current.watching?.sinceMs ?? 0) >= 290, JSON.stringify(current.watching));
      assert.deepStrictEqual(await fs.readdir(empty), [], 'no cache written');
      // The extension's own index builds, and says so.
      assert.strictEqual((await status()).idle, false);
    } finally {
      idle.dispose();
      await fs.rm(empty, { recursive: true, force: true });
    }
  });
});
