import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { parseSidecar, parseValidSidecarQuickly, type Sidecar, type SidecarParse } from '../../core/annotations';
import type { FileParse } from './guardedYamlFile';

/**
 * How much is read on the extension host's own thread, each bound about 40 ms of work: a
 * valid sidecar reads quickly (js-yaml with our shape rules) up to ~1,300 annotations; one
 * that needs the exact reading (to find what is wrong) is ~10× slower. Beyond, a worker.
 */
const INLINE_QUICK_LIMIT = 500_000;
const INLINE_EXACT_LIMIT = 100_000;

/**
 * Parses sidecars: small ones right away, large ones in a worker thread so that the extension
 * host never stalls on them (10,000 annotations take the yaml library over a second).
 */
export class SidecarParser implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextRequest = 0;
  private readonly pending = new Map<number, { resolve: (result: SidecarParse) => void; reject: (error: Error) => void }>();

  constructor(private readonly extensionPath: string) {}

  readonly parse = async (text: string): Promise<FileParse<Sidecar>> => {
    const quick = text.length <= INLINE_QUICK_LIMIT ? parseValidSidecarQuickly(text) : undefined;
    const result = quick ?? (text.length <= INLINE_EXACT_LIMIT ? parseSidecar(text) : await this.parseInWorker(text));
    return result.ok ? { ok: true, model: result.sidecar } : { ok: false, error: result.error };
  };

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private parseInWorker(text: string): Promise<SidecarParse> {
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensureWorker().postMessage({ id, text });
    });
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(path.join(this.extensionPath, 'dist', 'sidecarParseWorker.js'));
      this.worker.on('message', ({ id, json }: { id: number; json: string }) => {
        this.pending.get(id)?.resolve(JSON.parse(json) as SidecarParse);
        this.pending.delete(id);
      });
      // A crashed worker fails what it was doing; the next parse starts a new one.
      this.worker.on('error', (error) => {
        this.pending.forEach(({ reject }) => reject(error));
        this.pending.clear();
        this.worker = undefined;
      });
      this.worker.unref();
    }
    return this.worker;
  }
}
