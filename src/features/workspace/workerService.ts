// The worker side of WorkerRequests: imported by worker scripts only, never by the extension.
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './workerRequests';

/** Answers each request with `handle`'s result, or with the message of what it threw. */
export function serveRequests<Request, Response>(handle: (request: Request) => Response): void {
  parentPort?.on('message', ({ id, request }: { readonly id: number; readonly request: Request }) => {
    let reply: WorkerReply<Response>;
    try {
      reply = { id, response: handle(request) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort?.postMessage(reply);
  });
}
