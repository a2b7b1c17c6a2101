// What the sidecar worker and the extension host say to each other. No vscode import: the
// worker bundle includes this file.
import type { ReadFailure, Sidecar } from '../../core/annotations';

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
   * writeMovedOffsetsText: its MovedAnnotation list, and its MovedOffsets list (anchors that
   * only moved, by id and offsets alone), as JSON texts of ANNOTATIONS_PER_CHUNK each.
   */
  | { readonly kind: 'writeMoved'; readonly text: string; readonly moved: readonly string[]; readonly offsets: readonly string[] }
  | { readonly kind: 'writeMoved'; readonly bytes: Uint8Array; readonly moved: readonly string[]; readonly offsets: readonly string[] }
  /** writeLocalFileAtomically (localFiles.ts), on the worker's thread. */
  | { readonly kind: 'write'; readonly path: string; readonly bytes: Uint8Array };

/** The worker's answer to `parse`: the sidecar's annotations as JSON texts of ANNOTATIONS_PER_CHUNK each. */
export type WorkerSidecarParse = ReadFailure | { readonly ok: true; readonly header: Omit<Sidecar, 'annotations'>; readonly chunks: readonly string[] };

/** `parse` gets a WorkerSidecarParse, `writeMoved` the new text (null when the offsets alone do not do), `write` null once written. */
export type SidecarWorkerResponse = WorkerSidecarParse | string | null;
