import * as vscode from 'vscode';
import { clippingPathForSidecar, compareText, SIDECAR_SUFFIX, SPEAKER_REGISTRY_PATH } from '../../core/annotations';
import { isFresh, shardOf, type CachedEntry, type FileStamp } from '../../core/index/indexCache';
import { StringPool, TextArena, unpackEntry } from '../../core/index/entryPacking';
import { describeArticles, describeProblem, type IndexEntry } from '../../core/index/indexEntry';
import { annotationCount, type IndexedClipping, type SpeakerLookup } from '../../core/workspaceModel';
import type { ClippingParseCache } from '../parseCache';
import { AnnotationStore, errorMessage, sidecarUriFor } from '../annotations/annotationStore';
import { SerialQueue } from '../annotations/fileIo';
import type { SpeakerRegistryStore } from '../annotations/speakerRegistry';
import { CLIPPING_GLOB, findClippingFiles, isClippingPath, scansTextFiles, SIDECAR_GLOB, type ClippingFile } from './clippingDiscovery';
import type { IndexCacheStore } from './indexCacheStore';
import { indexInWorker, statInWorker, type IndexWorker } from './indexRequests';
import { SpeakerDirectory } from './speakerDirectory';
import { StallWatch } from '../../core/index/stallWatch';
import { TimeSlices, whenQuiet } from '../../core/index/timeSlices';
import { onStartupFinishedExtensions } from '../startupExtensions';
import type { WorkspaceIndex } from './workspaceIndex';

type UpdateOutcome = 'read' | 'cached' | 'gone';

/** What `clippings._indexStatus` answers: how far the index is, for scripts and benchmarks. */
export interface IndexStatus {
  /** Whether the first full pass is done (`ready` resolved). */
  readonly ready: boolean;
  /** Whether work is under way or waiting: a pass, changes settling or being read, the cache to write. */
  readonly busy: boolean;
  readonly clippings: number;
  readonly annotations: number;
  /** The last full pass; for the first one, `ms` counts from the index's creation, the cache read included. */
  readonly lastPass:
    | {
        readonly ms: number;
        readonly cacheLoadMs: number;
        /** How long the pass waited for the event loop to be free before it began (the first pass, at start-up), in ms. */
        readonly startWaitMs: number;
        readonly read: number;
        readonly cached: number;
        readonly gone: number;
        /** The longest the extension host's event loop was held up during the pass (by anything: the index, VS Code, other extensions), in ms. */
        readonly longestStallMs: number;
        /** The longest stalls over 50 ms: [ms since the pass began, ms]. */
        readonly stallsOver50: readonly (readonly [number, number])[];
        /** The same from the end of the wait for a quiet event loop (`startWaitMs`), while the pass did its work: [ms since the pass began, ms]. */
        readonly working: { readonly longestStallMs: number; readonly stallsOver50: readonly (readonly [number, number])[] };
      }
    | undefined;
  /** Where the cache is kept (a URI), undefined when VS Code gives no storage folder. */
  readonly cacheFolder: string | undefined;
  /**
   * The watch over the event loop while a full pass runs (the first one from the index's
   * creation), or all along when the index is idle: how long it has watched so far, and what it saw.
   */
  readonly watching: { readonly sinceMs: number; readonly longestStallMs: number; readonly stallsOver50: readonly (readonly [number, number])[] } | undefined;
  /** Whether the index was created idle (a benchmark's baseline): it reads nothing and never gets ready. */
  readonly idle: boolean;
  /** When the index was created, as `performance.now()` in the extension host: what the first pass's times count from. */
  readonly createdAt: number;
}

/**
 * `build`: the index reads the workspace at once and keeps up with it. `idle`: it does nothing
 * at all but watch the event loop from its creation, so that a benchmark can tell what the
 * extension host does without the index (CLIPPINGS_BENCH_INDEX_IDLE, see workspaceFeatures.ts).
 */
export type IndexMode = 'build' | 'idle';

export interface WorkspaceIndexServices {
  readonly parses: ClippingParseCache;
  readonly store: AnnotationStore;
  readonly registry: SpeakerRegistryStore;
  readonly log: vscode.LogOutputChannel;
}

/** Files stated, read and parsed together; between batches the extension host handles other events. */
const BATCH_SIZE = 64;
/** The index's work on the extension host's thread gives the event loop a turn this often. */
const SLICE_MS = 8;
/** Changes on disk are gathered this long, so that a `git checkout` is one update. */
const DISK_SETTLE_MS = 200;
/** Edits in an open clipping reach the index this long after typing stops. */
const LIVE_SETTLE_MS = 150;
/** While indexing, the progress shown in the status bar moves at most this often. */
const PROGRESS_REPORT_MS = 200;
/** While indexing, the view is told of progress at most this often. */
const PROGRESS_EVENT_MS = 1_000;
/** The cache is written this long after the last change. */
const CACHE_SAVE_MS = 2_000;
/**
 * The first pass starts once VS Code's start-up is over (startupFinished) and the event loop
 * has turned freely this long, or after `capMs`: a warm start (the cache read, every file
 * stated) must still be done within 5 s.
 */
const START_QUIET = { quietMs: 400, capMs: 2_000 };

/**
 * Whether VS Code has activated the extensions that wait for the end of its start-up
 * (`onStartupFinished`, activated together); true when this host has none.
 */
function startupFinished(): boolean {
  lateExtensions ??= onStartupFinishedExtensions().map((extension) => extension.id);
  return lateExtensions.length === 0 || lateExtensions.some((id) => vscode.extensions.getExtension(id)?.isActive);
}

let lateExtensions: string[] | undefined;

/**
 * The workspace index (see workspaceIndex.ts and docs/workspace.md): every clipping with its
 * articles and annotations. Built in the background from the cache and the files that changed
 * since, read in a worker thread; kept up to date by file watchers; open clippings are taken
 * from the annotation store instead, so that unsaved changes show.
 */
export class ClippingWorkspaceIndex implements WorkspaceIndex {
  /** What the files on disk hold, by clipping URI; `entry: null` for a scanned `.txt` that is no clipping. */
  private records = new Map<string, CachedEntry>();
  /** Open clippings, by URI: they win over the records. */
  private readonly live = new Map<string, IndexEntry>();
  private sorted: IndexEntry[] | undefined;
  private sortedClippings: IndexedClipping[] | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;
  /**
   * The index's work on this thread runs in turns of one shared slice: entries the worker hands
   * over (its replies arrive together), the cache read back, the files listed paired, a pass's
   * own loop. Several of them run at once (a warm start reads the cache while the listing comes
   * in): each with slices of its own, they ran one slice each in the same turn of the event loop.
   */
  private readonly slices = new TimeSlices(SLICE_MS);
  /** Strings that repeat across entries (authors, times, targets…) are kept once. */
  private readonly pool = new StringPool();
  /** The texts of the entries the worker hands over, one file at a time, joined into strings long enough to stay out of V8's young generation. */
  private readonly arena = new TextArena();
  private readonly speakers: SpeakerDirectory;
  readonly speakerOf: SpeakerLookup;
  /** Index work runs one task at a time: a full pass, or a batch of changed files. */
  private readonly work = new SerialQueue();
  private generation = 0;
  private readonly changedOnDisk = new Set<string>();
  /** Created paths that may be folders: files written into a new folder at once may get no events of their own. */
  private readonly createdOnDisk = new Set<string>();
  /** Deleted paths that may be folders: a folder moved away takes its files without an event for each. */
  private readonly deletedOnDisk = new Set<string>();
  /** Tasks queued or running on `work`. */
  private tasks = 0;
  private readonly createdAt = performance.now();
  private cacheLoadMs = 0;
  /** How long the first pass waited for a quiet event loop before it began. */
  private startWaitMs = 0;
  private lastPass: IndexStatus['lastPass'];
  /** Watches the event loop during a full pass: started at creation for the first one. */
  private passStalls: StallWatch | undefined = new StallWatch();
  /** Watches the event loop from the end of the first pass's wait for a quiet loop, until the pass ends. */
  private workStalls: StallWatch | undefined;
  private isReady = false;
  private readonly changedLive = new Set<vscode.TextDocument>();
  private readonly dirtyShards = new Set<number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly services: WorkspaceIndexServices,
    private readonly cache: IndexCacheStore,
    private readonly worker: IndexWorker,
    private readonly mode: IndexMode = 'build',
  ) {
    this.speakers = new SpeakerDirectory(services.registry, services.log);
    this.speakerOf = this.speakers.lookup;
    if (mode === 'idle') {
      this.ready = new Promise<void>(() => undefined);
      return;
    }
    this.subscriptions.push(...this.watchFiles(), ...this.watchEditors(), ...this.watchSettings());
    this.ready = this.schedule(async () => {
      // The extension activates while VS Code starts its built-in extensions in this host: the
      // heavy work waits until the event loop has been free for a moment (a few seconds at most).
      this.startWaitMs = await whenQuiet({ ...START_QUIET, after: startupFinished });
      this.workStalls = new StallWatch();
      // While the cache is read, the files are listed (by the worker) and stated.
      const files = findClippingFiles(worker, this.slices);
      const records = cache.load(this.pool, this.slices);
      // The files the cache knows are stated as soon as it is read, while the search may still run (in a restarted host it ends last).
      const known = records.then((loaded) => stampCached(loaded, worker)).catch(() => new Map<string, Stamps>());
      const stamps = Promise.all([files, known]).then(([found, stated]) => stampAll(found, worker, stated));
      stamps.catch(() => undefined);
      this.records = await records;
      this.cacheLoadMs = performance.now() - this.createdAt;
      this.invalidate();
      await this.indexEverything(++this.generation, this.createdAt, files, await stamps.catch(() => undefined));
      this.isReady = true;
    });
  }

  /** How far the index is (`clippings._indexStatus`). */
  status(): IndexStatus {
    // Counted without sorting: polling the status must not cost what a view refresh costs.
    let clippings = 0;
    let annotations = 0;
    const count = (entry: IndexEntry) => {
      clippings++;
      annotations += annotationCount(entry.clipping);
    };
    this.records.forEach((record, uri) => record.entry && !this.live.has(uri) && count(record.entry));
    this.live.forEach(count);
    return {
      ready: this.isReady,
      busy: this.tasks > 0 || this.timers.size > 0,
      clippings,
      annotations,
      lastPass: this.lastPass,
      cacheFolder: this.cache.location?.toString(),
      watching: this.passStalls && watchedSoFar(this.passStalls),
      idle: this.mode === 'idle',
      createdAt: this.createdAt,
    };
  }

  clippings(scope?: vscode.Uri): readonly IndexedClipping[] {
    this.sortedClippings ??= this.entries().map((entry) => entry.clipping);
    const clippings = this.sortedClippings;
    if (!scope) return clippings;
    const file = scope.toString();
    const folder = file.endsWith('/') ? file : `${file}/`;
    return clippings.filter((clipping) => clipping.uri === file || clipping.uri.startsWith(folder));
  }

  /** Every indexed clipping, in no order: for counting, cheaper than `clippings()`, which sorts after each change. */
  unorderedClippings(): IndexedClipping[] {
    const clippings: IndexedClipping[] = [];
    this.records.forEach((record, uri) => record.entry && !this.live.has(uri) && clippings.push(record.entry.clipping));
    this.live.forEach((entry) => clippings.push(entry.clipping));
    return clippings;
  }

  /** Every indexed clipping with where its titles are, in relative-path order. */
  entries(): readonly IndexEntry[] {
    if (!this.sorted) {
      const entries = new Map<string, IndexEntry>();
      this.records.forEach((record, uri) => record.entry && entries.set(uri, record.entry));
      this.live.forEach((entry, uri) => entries.set(uri, entry));
      this.sorted = [...entries.values()].sort((a, b) => compareText(a.clipping.relativePath, b.clipping.relativePath) || compareText(a.clipping.uri, b.clipping.uri));
    }
    return this.sorted;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.passStalls?.stop();
    this.workStalls?.stop();
    this.timers.forEach((timer) => clearTimeout(timer));
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changed.dispose();
  }

  private watchFiles(): vscode.Disposable[] {
    const clippings = vscode.workspace.createFileSystemWatcher(CLIPPING_GLOB);
    const sidecars = vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB);
    const textFiles = vscode.workspace.createFileSystemWatcher('**/*.txt');
    const registries = vscode.workspace.createFileSystemWatcher(`**/${SPEAKER_REGISTRY_PATH}`);
    // Folders: a new one is searched, since the files written into it right away may be there
    // before the file watcher watches it, and then no event tells of them; the files the index
    // holds under a deleted (or moved) one are stated again. Files are the other watchers' work.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const onClipping = (uri: vscode.Uri) => this.diskChanged(uri);
    const onSidecar = (uri: vscode.Uri) => {
      const clipping = clippingPathForSidecar(uri.path);
      if (clipping) this.diskChanged(uri.with({ path: clipping }));
    };
    // An annotated `.txt` file is indexed whatever the setting: its text changes matter too.
    const onTextFile = (uri: vscode.Uri) => {
      if (scansTextFiles() || this.records.has(uri.toString())) this.diskChanged(uri);
    };
    const onRegistry = (uri: vscode.Uri) => void this.speakers.reload(uri).then((used) => used && this.changed.fire());
    const mayBeFolder = (uri: vscode.Uri) => !(isClippingPath(uri.path) || clippingPathForSidecar(uri.path) || /\.(txt|ya?ml)$/i.test(uri.path));
    const onFolderCreated = (uri: vscode.Uri) => {
      if (!mayBeFolder(uri)) return;
      this.createdOnDisk.add(uri.toString());
      this.settle('created', DISK_SETTLE_MS, () => void this.schedule(() => this.indexCreatedFolders()));
    };
    const onFolderDeleted = (uri: vscode.Uri) => {
      if (!mayBeFolder(uri)) return;
      this.deletedOnDisk.add(uri.toString());
      this.settle('deleted', DISK_SETTLE_MS, () => this.restateDeletedFolders());
    };
    return [
      ...[clippings, sidecars, textFiles, registries, folders],
      folders.onDidCreate(onFolderCreated),
      folders.onDidDelete(onFolderDeleted),
      ...[clippings.onDidCreate, clippings.onDidChange, clippings.onDidDelete].map((event) => event(onClipping)),
      ...[sidecars.onDidCreate, sidecars.onDidChange, sidecars.onDidDelete].map((event) => event(onSidecar)),
      ...[textFiles.onDidCreate, textFiles.onDidChange, textFiles.onDidDelete].map((event) => event(onTextFile)),
      ...[registries.onDidCreate, registries.onDidChange, registries.onDidDelete].map((event) => event(onRegistry)),
    ];
  }

  private watchEditors(): vscode.Disposable[] {
    return [
      this.services.store.onDidChange((document) => {
        this.changedLive.add(document);
        this.settle('live', LIVE_SETTLE_MS, () => void this.takeLiveChanges());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Closed without saving: the file on disk is the truth again.
        if (this.live.delete(document.uri.toString())) {
          this.invalidate();
          this.diskChanged(document.uri);
        }
      }),
    ];
  }

  private watchSettings(): vscode.Disposable[] {
    const reindex = () => void this.schedule(() => this.indexEverything(++this.generation));
    return [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (['clippings.index.scanTextFiles', 'files.exclude', 'search.exclude'].some((section) => event.affectsConfiguration(section))) reindex();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.speakers.forgetFolders();
        reindex();
      }),
    ];
  }

  /** Runs `action` once, `delayMs` after the last call with the same name. */
  private settle(name: string, delayMs: number, action: () => void): void {
    clearTimeout(this.timers.get(name));
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        if (!this.disposed) action();
      }, delayMs),
    );
  }

  /** Runs `task` on the work queue, counted until it ends. */
  private schedule<T>(task: () => Promise<T>): Promise<T> {
    this.tasks++;
    return this.work.run(task).finally(() => this.tasks--);
  }

  private diskChanged(clipping: vscode.Uri): void {
    this.changedOnDisk.add(clipping.toString());
    this.settle('disk', DISK_SETTLE_MS, () => void this.schedule(() => this.reindexChanged()));
  }

  /** One full pass: every file found is stated, and read again when it changed since it was indexed. */
  private async indexEverything(generation: number, started = performance.now(), found?: Promise<ClippingFile[]>, stamps?: ReadonlyMap<string, Stamps>): Promise<void> {
    const watch = (this.passStalls ??= new StallWatch());
    let counts: Record<UpdateOutcome, number> = { read: 0, cached: 0, gone: 0 };
    try {
      counts = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing clippings') }, async (progress) => {
        const files = await (found ?? findClippingFiles(this.worker, this.slices));
        const present = new Set(files.map((file) => file.uri.toString()));
        const tally: Record<UpdateOutcome, number> = { read: 0, cached: 0, gone: 0 };
        let lastEvent = performance.now();
        let lastReport = 0;
        for (let from = 0; from < files.length; from += BATCH_SIZE) {
          if (generation !== this.generation) return tally;
          // Files stated ahead whose record still holds are counted here: no read, no promise each.
          const stale = files.slice(from, from + BATCH_SIZE).filter((file) => {
            const fresh = this.holdsFresh(file, stamps);
            if (fresh) tally.cached++;
            return !fresh;
          });
          if (stale.length > 0) (await Promise.all(stale.map((file) => this.update(file, stamps?.get(file.uri.toString()))))).forEach((outcome) => tally[outcome]++);
          else await this.slices.turn();
          if (performance.now() - lastReport > PROGRESS_REPORT_MS) {
            lastReport = performance.now();
            progress.report({ message: vscode.l10n.t('{0} of {1} files', Math.min(from + BATCH_SIZE, files.length), files.length) });
          }
          if (performance.now() - lastEvent > PROGRESS_EVENT_MS) {
            lastEvent = performance.now();
            this.changed.fire();
          }
        }
        for (const uri of [...this.records.keys()]) if (!present.has(uri)) this.forget(uri);
        return tally;
      });
      await this.speakers.load(this.records.keys());
    } catch (error) {
      this.services.log.error(`indexing the workspace: ${errorMessage(error)}`);
    }
    const ms = performance.now() - started;
    const stalls = watch.stop();
    this.passStalls = undefined;
    // Later passes wait for nothing: their work is the whole pass.
    const waited = this.isReady ? 0 : this.startWaitMs;
    const working = this.workStalls?.stop() ?? stalls;
    this.workStalls = undefined;
    this.lastPass = {
      ms,
      cacheLoadMs: this.isReady ? 0 : this.cacheLoadMs,
      startWaitMs: waited,
      ...counts,
      longestStallMs: stalls.longestMs,
      stallsOver50: stalls.over,
      working: { longestStallMs: working.longestMs, stallsOver50: working.over.map(([at, stall]) => [at + waited, stall] as const) },
    };
    const over = stalls.over.map(([at, stall]) => `${stall.toFixed(0)} ms at ${(at / 1000).toFixed(1)} s`).join(', ');
    this.services.log.info(`workspace index: ${this.records.size} files (${counts.read} read, ${counts.cached} from the cache, ${counts.gone} gone) in ${ms.toFixed(0)} ms; the event loop held up ${stalls.longestMs.toFixed(0)} ms at most${over && ` (${over})`}`);
    this.changed.fire();
    this.saveCacheSoon();
  }

  private async reindexChanged(): Promise<void> {
    const uris = [...this.changedOnDisk];
    this.changedOnDisk.clear();
    try {
      const newFiles = await this.newFilesAmong(uris);
      for (let from = 0; from < uris.length; from += BATCH_SIZE) {
        const batch = uris.slice(from, from + BATCH_SIZE);
        const files = await Promise.all(batch.map((uri) => (this.records.has(uri) ? this.fileAt(vscode.Uri.parse(uri)) : newFiles.get(uri))));
        await Promise.all(files.map((file, index) => (file ? this.update(file) : this.forget(batch[index]))));
      }
      await this.speakers.load(uris.filter((uri) => this.records.has(uri)));
    } catch (error) {
      this.services.log.error(`updating the workspace index: ${errorMessage(error)}`);
    }
    this.changed.fire();
    this.saveCacheSoon();
  }

  /**
   * Searches the folders created since the last call for clippings and sidecars, and indexes
   * what it finds; reads again the speaker registries in use under them (SpeakerDirectory.reloadUnder).
   */
  private async indexCreatedFolders(): Promise<void> {
    // What was created inside another new folder is searched with it.
    const created = [...this.createdOnDisk].filter((uri) => !ancestorsOf(uri).some((ancestor) => this.createdOnDisk.has(ancestor)));
    this.createdOnDisk.clear();
    try {
      const types = await Promise.all(created.map((uri) => vscode.workspace.fs.stat(vscode.Uri.parse(uri)).then((stat) => stat.type, () => vscode.FileType.Unknown)));
      const folders = created.filter((_uri, index) => types[index] & vscode.FileType.Directory);
      let changed = false;
      for (const folder of folders) {
        changed = (await this.speakers.reloadUnder(vscode.Uri.parse(folder))) || changed;
        const files = await findClippingFiles(this.worker, this.slices, vscode.Uri.parse(folder));
        changed ||= files.length > 0;
        for (let from = 0; from < files.length; from += BATCH_SIZE) {
          await Promise.all(files.slice(from, from + BATCH_SIZE).map((file) => this.update(file)));
        }
        await this.speakers.load(files.map((file) => file.uri.toString()));
      }
      if (!changed) return;
    } catch (error) {
      this.services.log.error(`updating the workspace index: ${errorMessage(error)}`);
    }
    this.changed.fire();
    this.saveCacheSoon();
  }

  /** The files the index holds under folders deleted since the last call are stated again, and dropped when gone. */
  private restateDeletedFolders(): void {
    const deleted = new Set(this.deletedOnDisk);
    this.deletedOnDisk.clear();
    for (const uri of this.records.keys()) {
      if (ancestorsOf(uri).some((ancestor) => deleted.has(ancestor))) this.diskChanged(vscode.Uri.parse(uri));
    }
  }

  /**
   * The files among `uris` that the index does not know yet and would find: watchers report
   * files in excluded folders too, and only the file search applies the exclude settings.
   */
  private async newFilesAmong(uris: readonly string[]): Promise<Map<string, ClippingFile>> {
    if (uris.every((uri) => this.records.has(uri))) return new Map();
    const candidates = new Set(uris);
    return new Map((await findClippingFiles(this.worker, this.slices)).filter((file) => candidates.has(file.uri.toString())).map((file) => [file.uri.toString(), file]));
  }

  /** How the index reads a file it knows now, or undefined when it does not read it any more. */
  private async fileAt(uri: vscode.Uri): Promise<ClippingFile | undefined> {
    const sidecar = sidecarUriFor(uri);
    const [exists, hasSidecar] = await Promise.all([stampOf(uri), stampOf(sidecar)]);
    if (!exists || vscode.workspace.getWorkspaceFolder(uri) === undefined) return undefined;
    if (isClippingPath(uri.path) || hasSidecar) return { uri, sidecar: hasSidecar && sidecar, detect: false };
    return scansTextFiles() && uri.path.endsWith('.txt') ? { uri, sidecar: undefined, detect: true } : undefined;
  }

  /** Whether the record of `file` still holds by the stamps taken ahead of the pass. */
  private holdsFresh(file: ClippingFile, stamps: ReadonlyMap<string, Stamps> | undefined): boolean {
    const uri = file.uri.toString();
    const [stamp, sidecarStamp] = stamps?.get(uri) ?? [];
    const known = this.records.get(uri);
    return stamp !== undefined && known !== undefined && isFresh(known, stamp, sidecarStamp);
  }

  /** Brings the record of `file` up to date: from the cache when its stamps still hold, else by reading it. */
  private async update(file: ClippingFile, stated?: Stamps): Promise<UpdateOutcome> {
    const uri = file.uri.toString();
    const [stamp, sidecarStamp] = stated ?? (await stampsOf(file));
    const known = this.records.get(uri);
    if (!stamp) {
      this.forget(uri);
      return 'gone';
    }
    if (known && isFresh(known, stamp, sidecarStamp)) return 'cached';
    try {
      // Files on disk are read by the worker: hundreds of megabytes need not pass through this thread.
      const onDisk = file.uri.scheme === 'file';
      const [clipping, sidecar] = onDisk
        ? [{ path: file.uri.fsPath }, file.sidecar && { path: file.sidecar.fsPath }]
        : await Promise.all([vscode.workspace.fs.readFile(file.uri), file.sidecar && readIfPresent(file.sidecar)]);
      const read = await indexInWorker(this.worker, { uri, relativePath: vscode.workspace.asRelativePath(file.uri, false), clipping, sidecar, detect: file.detect });
      await this.slices.turn();
      const entry = read && unpackEntry(uri, read, this.pool.adopt(read.strings), this.arena);
      if (entry === undefined) throw new Error('the indexing worker sent a damaged entry');
      this.records.set(uri, { uri, stamp, sidecarStamp: sidecarStamp ?? null, entry });
      this.touched(uri);
    } catch (error) {
      this.services.log.warn(`workspace index: cannot read ${file.uri.toString(true)}: ${errorMessage(error)}`);
      this.forget(uri);
    }
    return 'read';
  }

  private forget(uri: string): void {
    if (this.records.delete(uri)) this.touched(uri);
  }

  private touched(uri: string): void {
    this.dirtyShards.add(shardOf(uri));
    this.invalidate();
  }

  private invalidate(): void {
    this.sorted = undefined;
    this.sortedClippings = undefined;
  }

  /** Open clippings whose annotations changed: their live state replaces what the files say. */
  private async takeLiveChanges(): Promise<void> {
    const documents = [...this.changedLive];
    this.changedLive.clear();
    for (const document of documents) {
      if (document.isClosed || !AnnotationStore.canAnnotate(document) || vscode.workspace.getWorkspaceFolder(document.uri) === undefined) continue;
      this.live.set(document.uri.toString(), this.liveEntry(document));
    }
    this.invalidate();
    await this.speakers.load(documents.map((document) => document.uri.toString()));
    this.changed.fire();
  }

  private liveEntry(document: vscode.TextDocument): IndexEntry {
    const annotations = this.services.store.peek(document);
    const { articles, titles } = describeArticles(this.services.parses.get(document));
    const problem = annotations?.problem;
    return {
      clipping: {
        uri: document.uri.toString(),
        relativePath: vscode.workspace.asRelativePath(document.uri, false),
        articles,
        annotations: annotations?.annotations ?? [],
        sidecarProblem: problem && describeProblem(problem),
      },
      titles,
    };
  }

  private saveCacheSoon(): void {
    this.settle('cache', CACHE_SAVE_MS, () =>
      void this.schedule(async () => {
        const shards = new Set(this.dirtyShards);
        this.dirtyShards.clear();
        await this.cache.save(this.records, shards).catch((error: unknown) => this.services.log.warn(`workspace index: cannot save the cache: ${errorMessage(error)}`));
      }),
    );
  }
}

function watchedSoFar(watch: StallWatch): IndexStatus['watching'] {
  const { sinceMs, longestMs, over } = watch.record();
  return { sinceMs, longestStallMs: longestMs, stallsOver50: over };
}

/** `file:///a/b/c` → `file:///a/b`, `file:///a`: the folders a URI string is in, nearest first. */
function ancestorsOf(uri: string): string[] {
  const ancestors: string[] = [];
  const root = uri.indexOf('/', uri.indexOf('://') + 3);
  for (let end = uri.lastIndexOf('/'); end > root; end = uri.lastIndexOf('/', end - 1)) ancestors.push(uri.slice(0, end));
  return ancestors;
}

/** A clipping's stamp and its sidecar's: undefined when the file (or the sidecar) is not there. */
type Stamps = readonly [clipping: FileStamp | undefined, sidecar: FileStamp | undefined];

function stampsOf(file: ClippingFile): Promise<Stamps> {
  return Promise.all([stampOf(file.uri), file.sidecar && stampOf(file.sidecar)]);
}

/** Files on disk stated together by the worker: a few milliseconds of its time, and of the host's to take the answer. */
const WORKER_STAT_BATCH = 1_000;
/** Other files (not on disk) stated together through VS Code's file system. */
const STAT_BATCH_SIZE = 16;

/**
 * The stamps of `files` by URI: those on disk stated by the indexing worker (tens of thousands
 * of stat calls through VS Code's file system cost the extension host seconds) unless `known`
 * has them already, the others STAT_BATCH_SIZE at a time. Taken before the files are read, a
 * stamp can only be older than what is read, which makes the next pass read the file again.
 */
async function stampAll(files: readonly ClippingFile[], worker: IndexWorker, known: ReadonlyMap<string, Stamps> = new Map()): Promise<Map<string, Stamps>> {
  const stamps = new Map<string, Stamps>();
  const isOnDisk = (file: ClippingFile) => file.uri.scheme === 'file' && (!file.sidecar || file.sidecar.scheme === 'file');
  const onDisk: ClippingFile[] = [];
  const elsewhere: ClippingFile[] = [];
  for (const file of files) {
    const key = file.uri.toString();
    const [stamp, sidecarStamp] = known.get(key) ?? [];
    // Only what was found is taken: a file or sidecar not found then is stated again.
    if (stamp && (!file.sidecar || sidecarStamp)) stamps.set(key, [stamp, file.sidecar && sidecarStamp]);
    else (isOnDisk(file) ? onDisk : elsewhere).push(file);
  }
  for (let from = 0; from < onDisk.length; from += WORKER_STAT_BATCH) {
    const batch = onDisk.slice(from, from + WORKER_STAT_BATCH);
    const stated = await statPairs(worker, batch.map((file) => [file.uri.fsPath, file.sidecar?.fsPath]));
    batch.forEach((file, index) => stamps.set(file.uri.toString(), [stated[index][0], file.sidecar && stated[index][1]]));
  }
  for (let from = 0; from < elsewhere.length; from += STAT_BATCH_SIZE) {
    const batch = elsewhere.slice(from, from + STAT_BATCH_SIZE);
    (await Promise.all(batch.map(stampsOf))).forEach((stamp, index) => stamps.set(batch[index].uri.toString(), stamp));
  }
  return stamps;
}

/** The stamps of the local files (and their sidecars, when they had one) that the cache holds, by URI. */
async function stampCached(records: ReadonlyMap<string, CachedEntry>, worker: IndexWorker): Promise<Map<string, Stamps>> {
  const local = [...records.values()].filter((record) => record.uri.startsWith('file:'));
  const stamps = new Map<string, Stamps>();
  for (let from = 0; from < local.length; from += WORKER_STAT_BATCH) {
    const batch = local.slice(from, from + WORKER_STAT_BATCH);
    // file: URIs, which the worker turns into paths: parsing ten thousand URIs here would cost the host tens of milliseconds.
    const stated = await statPairs(worker, batch.map((record) => [record.uri, record.sidecarStamp ? record.uri + SIDECAR_SUFFIX : undefined]));
    batch.forEach((record, index) => stamps.set(record.uri, stated[index]));
  }
  return stamps;
}

/** Each pair's stamps, stated in the worker; an absent second path has no stamp. */
async function statPairs(worker: IndexWorker, pairs: readonly (readonly [string, string | undefined])[]): Promise<Stamps[]> {
  const stated = await statInWorker(worker, pairs.flatMap(([path, second]) => [path, second ?? '']));
  const stampAt = (at: number): FileStamp | undefined => (Number.isNaN(stated[at * 2]) ? undefined : { mtime: stated[at * 2], size: stated[at * 2 + 1] });
  return pairs.map((_pair, index) => [stampAt(index * 2), stampAt(index * 2 + 1)]);
}

async function stampOf(uri: vscode.Uri): Promise<FileStamp | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.File ? { mtime: stat.mtime, size: stat.size } : undefined;
  } catch {
    return undefined;
  }
}

async function readIfPresent(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  return vscode.workspace.fs.readFile(uri).then(
    (bytes) => bytes,
    () => undefined,
  );
}
