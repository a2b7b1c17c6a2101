/**
 * Bringing imported annotations into a clipping's sidecar without losing anything already
 * there: new ids are inserted block by block (comments and hand edits stay), an id already
 * there with the same content is left alone, and one with different content is a conflict
 * that is reported and not applied.
 */

import { insertAnnotationText, parseSidecar, serializeSidecar, type Sidecar, type TextProblem } from '../annotations';
import { sameAnnotation } from './jsonLines';

export type SidecarMerge =
  | {
      readonly ok: true;
      /** The sidecar's new text; the same as before when nothing was added. */
      readonly text: string;
      readonly added: readonly string[];
      readonly unchanged: readonly string[];
      /** Ids already in the sidecar with other content: left as the sidecar has them. */
      readonly conflicts: readonly string[];
    }
  | { readonly ok: false; readonly error: TextProblem };

/** Merges `incoming` into the sidecar text `current` (undefined when the clipping has no sidecar yet). */
export function mergeIntoSidecar(current: string | undefined, incoming: Sidecar): SidecarMerge {
  if (current === undefined) {
    return { ok: true, text: serializeSidecar(incoming), added: incoming.annotations.map((annotation) => annotation.id), unchanged: [], conflicts: [] };
  }
  const parsed = parseSidecar(current);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const existing = new Map(parsed.sidecar.annotations.map((annotation) => [annotation.id, annotation]));
  const added: string[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  let text = current;
  for (const annotation of incoming.annotations) {
    const there = existing.get(annotation.id);
    if (!there) {
      text = insertAnnotationText(text, annotation);
      added.push(annotation.id);
    } else if (sameAnnotation(there, annotation)) {
      unchanged.push(annotation.id);
    } else {
      conflicts.push(annotation.id);
    }
  }
  return { ok: true, text, added, unchanged, conflicts };
}
