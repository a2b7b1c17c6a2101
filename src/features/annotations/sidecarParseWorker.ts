// Runs in a worker thread: parses large sidecars away from the extension host's main thread,
// where the yaml library would otherwise block it for a second or more.
import { parentPort } from 'node:worker_threads';
import { parseSidecar } from '../../core/annotations';

parentPort?.on('message', (request: { readonly id: number; readonly text: string }) => {
  parentPort?.postMessage({ id: request.id, result: parseSidecar(request.text) });
});
