import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { parseSidecar, type Sidecar, type SidecarParse } from '../../core/annotations';
import type { FileParse } from './guardedYamlFile';

/** Above this size a sidecar is parsed in a worker thread (about 30 ms of parsing inline). */
const INLINE_PARSE_LIMIT = 100_000;

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
    const result = text.length <= INLINE_PARSE_LIMIT ? parseSidecar(text) : await this.parseInWorker(text);
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
