/**
 * Durations of the annotation work, each kept as the last entry of its name in the process's
 * performance timeline (Node's `performance`): the host benchmark (bench/host) reads them to
 * tell the extension's part of a step from VS Code's. Recording one costs microseconds.
 */

/** The last edit's anchor moving, change listeners included. */
export const MOVE_ANCHORS_MEASURE = 'clippings.annotations.moveAnchors';
/**
 * The last opening of a clipping's annotations: from the first request for them (a view
 * asking as VS Code announces the document) to their anchoring in the text, all steps and
 * every wait between them included.
 */
export const OPEN_ANNOTATIONS_MEASURE = 'clippings.annotations.open';
/** The last sidecar read from disk: its bytes and their decoding. */
export const READ_SIDECAR_MEASURE = 'clippings.annotations.readSidecar';
/** The last sidecar parsed (in the host, or in the worker and sent back). */
export const PARSE_SIDECAR_MEASURE = 'clippings.annotations.parseSidecar';
/** The last re-anchoring of a sidecar read, slices and the waits between them included. */
export const ANCHOR_SIDECAR_MEASURE = 'clippings.annotations.anchorSidecar';

/** Records the time from `start` (a performance.now()) to now as the only entry of `name`. */
export function recordDuration(name: string, start: number): void {
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}
/** The steps of the last edit of a sidecar: reading it again, the edit itself (a block spliced), encoding, writing. */
export const EDIT_SIDECAR_MEASURES = {
  read: 'clippings.annotations.edit.read',
  transform: 'clippings.annotations.edit.transform',
  encode: 'clippings.annotations.edit.encode',
  write: 'clippings.annotations.edit.write',
} as const;

/**
 * What the views have handed VS Code so far in this host, as the detail of the only mark of
 * this name: the benchmark reads it before and after each step. Highlights: setDecorations
 * calls and the ranges they carried, and the calls left out because VS Code already held those
 * ranges; lenses: requests answered and lenses returned; problems: orphan lists set and their entries.
 */
export const SENT_TO_VSCODE_MARK = 'clippings.annotations.sent';

export interface SentToVsCode {
  highlightCalls: number;
  highlightRanges: number;
  highlightCallsSkipped: number;
  lensRequests: number;
  lenses: number;
  problemSets: number;
  problems: number;
}

const sent: SentToVsCode = { highlightCalls: 0, highlightRanges: 0, highlightCallsSkipped: 0, lensRequests: 0, lenses: 0, problemSets: 0, problems: 0 };

/** Adds to the tally of SENT_TO_VSCODE_MARK. */
export function countSent(counts: Partial<SentToVsCode>): void {
  for (const [key, value] of Object.entries(counts) as [keyof SentToVsCode, number][]) {
    sent[key] += value;
  }
  performance.clearMarks(SENT_TO_VSCODE_MARK);
  performance.mark(SENT_TO_VSCODE_MARK, { detail: { ...sent } });
}
