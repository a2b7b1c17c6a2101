// Runs in a worker thread: the sidecar work that takes long on large files (parsing, rewriting
// thousands of moved anchors, writing them to disk), away from the extension host's main thread.
import { parseSidecar, writeMovedOffsetsText, type MovedAnnotation } from '../../core/annotations';
import { runAtLowerPriority } from '../threadPriority';
import { serveRequests } from '../workspace/workerService';
import { writeLocalFileAtomically } from './localFiles';
import { decodeText } from './textCoding';
import { ANNOTATIONS_PER_CHUNK, unpackOffsets, type SidecarWorkerRequest, type SidecarWorkerResponse, type WorkerSidecarParse } from './sidecarParseProtocol';

runAtLowerPriority();

// Annotations travel as JSON texts of a few hundred each: JSON.parse on the main thread is
// several times faster than the structured clone of thousands of small objects (which also
// runs there), and one chunk at a time leaves the main thread free between chunks.
serveRequests((request: SidecarWorkerRequest): SidecarWorkerResponse => {
  switch (request.kind) {
    case 'parse':
      return parse('text' in request ? request.text : decodeText(request.bytes));
    case 'writeMoved':
      return (
        writeMovedOffsetsText(
          'text' in request ? request.text : decodeText(request.bytes),
          request.moved.flatMap((chunk) => JSON.parse(chunk) as MovedAnnotation[]),
          unpackOffsets(request.offsets),
        ) ?? null
      );
    case 'write':
      writeLocalFileAtomically(request.path, request.bytes);
      return null;
  }
});

function parse(text: string): WorkerSidecarParse {
  const result = parseSidecar(text);
  if (!result.ok) return result;
  const { annotations, ...header } = result.sidecar;
  const chunks: string[] = [];
  for (let from = 0; from < annotations.length; from += ANNOTATIONS_PER_CHUNK) {
    chunks.push(JSON.stringify(annotations.slice(from, from + ANNOTATIONS_PER_CHUNK)));
  }
  return { ok: true, header, chunks };
}
