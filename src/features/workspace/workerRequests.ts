import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';

/** What a worker started by WorkerRequests answers to request `id`. */
export type WorkerReply<Response> = { readonly id: number; readonly response: Response } | { readonly id: number; readonly error: string };

/**
 * Requests answered by a worker thread, one reply per request, in any order. The worker is
 * started on the first request; a crash fails the requests under way and the next request
 * starts a new worker. The worker script calls `serveRequests` (workerService.ts).
 */
export class WorkerRequests<Request, Response> implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (response: Response) => void; reject: (error: Error) => void }>();

  constructor(private readonly script: string) {}

  request(request: Request): Promise<Response> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensureWorker().postMessage({ id, request });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failPending(new Error('The worker was stopped'));
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      const worker = new Worker(this.script);
      worker.on('message', (reply: WorkerReply<Response>) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.response);
      });
      worker.on('error', (error) => {
        this.worker = undefined;
        this.failPending(error);
      });
      // An idle worker must not keep the extension host alive.
      worker.unref();
      this.worker = worker;
    }
    return this.worker;
  }

  private failPending(error: Error): void {
    this.pending.forEach(({ reject }) => reject(error));
    this.pending.clear();
  }
}
