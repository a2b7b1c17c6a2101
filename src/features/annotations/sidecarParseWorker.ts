// Runs in a worker thread: parses large sidecars away from the extension host's main thread,
// where the yaml library would otherwise block it for a second or more.
import { parentPort } from 'node:worker_threads';
import { parseSidecar } from '../../core/annotations';

// The result goes back as JSON text: JSON.parse on the main thread is several times faster
// than the structured clone of thousands of small objects, which also runs there.
parentPort?.on('message', (request: { readonly id: number; readonly text: string }) => {
  parentPort?.postMessage({ id: request.id, json: JSON.stringify(parseSidecar(request.text)) });
});
