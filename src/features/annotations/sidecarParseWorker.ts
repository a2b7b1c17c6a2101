// Runs in a worker thread: parses large sidecars away from the extension host's main thread,
// where the yaml library would otherwise block it for a second or more.
import { parseSidecar } from '../../core/annotations';
import { serveRequests } from '../workspace/workerService';

// The result goes back as JSON text: JSON.parse on the main thread is several times faster
// than the structured clone of thousands of small objects, which also runs there.
serveRequests((text: string) => JSON.stringify(parseSidecar(text)));
