import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar, parseValidSidecarInSteps, writeMovedAnnotationsTextInSteps, type Annotation, type MovedAnnotation, type Sidecar } from '../../core/annotations';
import type { FileParse } from './guardedYamlFile';
import { ANNOTATIONS_PER_CHUNK, packOffsets, type SidecarWorkerRequest, type SidecarWorkerResponse, type WorkerSidecarParse } from './sidecarParseProtocol';
import { nextTurn, runInSlices } from './slices';
import { WorkerRequests } from '../workspace/workerRequests';

/**
 * How much is read on the extension host's own thread, each bound about 40 ms of work: a
 * valid sidecar reads quickly (the line reader, or js-yaml, with our shape rules) up to ~1,300 annotations; one
 * that needs the exact reading (to find what is wrong) is ~10× slower. Beyond, a worker.
 */
export const INLINE_QUICK_LIMIT = 500_000;
const INLINE_EXACT_LIMIT = 100_000;
/** How long the reading of a sidecar on the host's thread runs before it gives the thread back. */
const READ_SLICE_MS = 25;

/**
 * Parses sidecars, and rewrites their moved anchors: small ones right away, large ones in a
 * worker thread so that the extension host never stalls on them (10,000 annotations take the
 * yaml library over a second).
 */
export class SidecarParser implements vscode.Disposable {
  private readonly worker: WorkerRequests<SidecarWorkerRequest, SidecarWorkerResponse>;

  constructor(extensionPath: string) {
    this.worker = new WorkerRequests(path.join(extensionPath, 'dist', 'sidecarParseWorker.js'));
  }

  /** `bytes`, when given, are the UTF-8 the text was decoded from: sent to the worker rather than the text. */
  readonly parse = async (text: string, bytes?: Uint8Array): Promise<FileParse<Sidecar>> => {
    // Read at once, a thousand annotations kept the thread 50 to 80 ms (bench/host); in slices of
    // READ_SLICE_MS the thread is given back a few times, not at every SLICE_MS: as a clipping
    // opens, VS Code has much queued, and each turn waits for it.
    const quick = text.length <= INLINE_QUICK_LIMIT ? await runInSlices(parseValidSidecarInSteps(text), READ_SLICE_MS) : undefined;
    const result = quick ?? (text.length <= INLINE_EXACT_LIMIT ? parseSidecar(text) : undefined);
    if (result) {
      return result.ok ? { ok: true, model: result.sidecar } : { ok: false, error: result.error };
    }
    // The text was decoded (and joined) in this turn; its bytes are copied to the worker in the next.
    await nextTurn();
    const reply = (await this.worker.request(bytes ? { kind: 'parse', bytes } : { kind: 'parse', text })) as WorkerSidecarParse;
    if (!reply.ok) {
      return { ok: false, error: reply.error };
    }
    const annotations = await runInSlices(parsedChunks<Annotation>(reply.chunks));
    return { ok: true, model: { ...reply.header, annotations } };
  };

  /**
   * writeMovedAnnotationsText, in the worker when the sidecar is large: after an edit near the
   * top of a clipping with 10,000 annotations, every block has an anchor to move. Anchors that
   * only moved travel as their ids and offsets, packed (packOffsets): the whole annotations made
   * a message of some 10 MB, 50 ms and more of the host's thread to send. When the offsets alone do not do (a
   * block in a layout of its own), the whole annotations are sent. So is the text, as its
   * `bytes` when given (the UTF-8 of `text`): a few milliseconds to copy, the string many more.
   */
  readonly writeMoved = async (text: string, moved: readonly MovedAnnotation[], bytes?: Uint8Array): Promise<string> => {
    if (text.length <= INLINE_QUICK_LIMIT) {
      // A thousand anchors moved by an edit near the top took 60 ms and more at once (the code cold): in slices.
      return runInSlices(writeMovedAnnotationsTextInSteps(text, moved));
    }
    const whole = moved.filter((entry) => !entry.recorded);
    const sidecar = bytes ? { bytes } : { text };
    const request = { kind: 'writeMoved', ...sidecar, moved: await jsonChunks(whole), offsets: packOffsets(moved) } as const;
    // The copy of the sidecar's bytes to the worker in a turn of its own, not after the last chunk's.
    await nextTurn();
    const written = await this.worker.request(request);
    return (written as string | null) ?? ((await this.worker.request({ kind: 'writeMoved', ...sidecar, moved: await jsonChunks(moved), offsets: packOffsets([]) })) as string);
  };

  /**
   * Writes a large sidecar in the worker, synchronously there (fileIo.ts, SYNC_WRITE_LIMIT):
   * neither the host's thread nor libuv's shared threads wait on the disk.
   */
  readonly writeLarge = async (path: string, bytes: Uint8Array): Promise<void> => {
    await this.worker.request({ kind: 'write', path, bytes });
  };

  dispose(): void {
    this.worker.dispose();
  }
}

/** `items` as JSON texts of ANNOTATIONS_PER_CHUNK each, the thread given back between slices. */
function jsonChunks(items: readonly unknown[]): Promise<string[]> {
  return runInSlices(chunkSteps(items));
}

function* chunkSteps(items: readonly unknown[]): Generator<void, string[], void> {
  const chunks: string[] = [];
  for (let from = 0; from < items.length; from += ANNOTATIONS_PER_CHUNK) {
    chunks.push(JSON.stringify(items.slice(from, from + ANNOTATIONS_PER_CHUNK)));
    yield;
  }
  return chunks;
}

/** The items of JSON chunks (the worker's reply), one chunk a step. */
function* parsedChunks<T>(chunks: readonly string[]): Generator<void, T[], void> {
  const items: T[] = [];
  for (const chunk of chunks) {
    items.push(...(JSON.parse(chunk) as T[]));
    yield;
  }
  return items;
}
