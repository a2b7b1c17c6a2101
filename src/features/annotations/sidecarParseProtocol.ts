// What the sidecar worker and the extension host say to each other. No vscode import: the
// worker bundle includes this file.
import type { MovedAnnotation, MovedOffsets, ReadFailure, Sidecar } from '../../core/annotations';

/**
 * How many annotations go in one JSON text between the worker and the host: a few
 * milliseconds of JSON.parse or JSON.stringify, after which the host handles other events
 * (250 took 13 to 20 ms each, the code cold, as a large sidecar opened: bench/host).
 */
export const ANNOTATIONS_PER_CHUNK = 100;

export type SidecarWorkerRequest =
  /**
   * parseSidecar of `text`, or of the UTF-8 `bytes` decoded: a large text sent as its bytes is
   * copied as they are, several times faster than the string (which may need joining first).
   */
  | { readonly kind: 'parse'; readonly text: string }
  | { readonly kind: 'parse'; readonly bytes: Uint8Array }
  /**
   * writeMovedOffsetsText: its MovedAnnotation list, as JSON texts of ANNOTATIONS_PER_CHUNK
   * each, and its MovedOffsets list (anchors that only moved), packed (packOffsets).
   */
  | { readonly kind: 'writeMoved'; readonly text: string; readonly moved: readonly string[]; readonly offsets: PackedOffsets }
  | { readonly kind: 'writeMoved'; readonly bytes: Uint8Array; readonly moved: readonly string[]; readonly offsets: PackedOffsets }
  /** writeLocalFileAtomically (localFiles.ts), on the worker's thread. */
  | { readonly kind: 'write'; readonly path: string; readonly bytes: Uint8Array };

/** The worker's answer to `parse`: the sidecar's annotations as JSON texts of ANNOTATIONS_PER_CHUNK each. */
export type WorkerSidecarParse = ReadFailure | { readonly ok: true; readonly header: Omit<Sidecar, 'annotations'>; readonly chunks: readonly string[] };

/** `parse` gets a WorkerSidecarParse, `writeMoved` the new text (null when the offsets alone do not do), `write` null once written. */
export type SidecarWorkerResponse = WorkerSidecarParse | string | null;

/**
 * MovedOffsets as the worker receives them: the ids, and for each its recorded start and end
 * and its new start and end, four numbers in a row. Ten thousand anchors moved by an edit near
 * the top made 5.6 MB of JSON texts, their recorded anchors whole (quote and context): 30 ms
 * and more of the host's thread to make and copy (Node, in slices); packed, 0.6 MB and 1.4–4 ms.
 */
export interface PackedOffsets {
  readonly ids: readonly string[];
  readonly numbers: Float64Array;
}

/** The anchors of `moved` that only moved (those with their recorded offsets), packed for the worker. */
export function packOffsets(moved: readonly MovedAnnotation[]): PackedOffsets {
  const ids: string[] = [];
  const numbers = new Float64Array(moved.length * 4);
  let at = 0;
  for (const { annotation, recorded } of moved) {
    if (!recorded) continue;
    ids.push(annotation.id);
    numbers[at++] = recorded.start;
    numbers[at++] = recorded.end;
    numbers[at++] = annotation.anchor.start;
    numbers[at++] = annotation.anchor.end;
  }
  return { ids, numbers: numbers.subarray(0, at) };
}

export function unpackOffsets({ ids, numbers }: PackedOffsets): MovedOffsets[] {
  return ids.map((id, index) => ({ id, recorded: { start: numbers[index * 4], end: numbers[index * 4 + 1] }, start: numbers[index * 4 + 2], end: numbers[index * 4 + 3] }));
}
