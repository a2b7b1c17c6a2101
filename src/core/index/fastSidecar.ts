/**
 * Reading sidecars for the workspace index: parseSidecar's readings (src/core/annotations,
 * yamlShape.ts) without the block places, which the index does not keep. A sidecar in the
 * layout the extension writes goes through the line reader, no YAML library; anything else
 * through js-yaml or the yaml library, which gives the exact error.
 */
import { parseSidecar, parseValidSidecarByLines, type Sidecar, type TextProblem } from '../annotations';

export type SidecarReading = { readonly ok: true; readonly sidecar: Sidecar } | { readonly ok: false; readonly error: TextProblem };

/** The sidecar in `text`, or its first problem. */
export function readSidecar(text: string): SidecarReading {
  const parse = parseSidecar(text);
  return parse.ok ? { ok: true, sidecar: parse.sidecar } : { ok: false, error: parse.error };
}

/** The sidecar when `text` is valid and the line reader takes it; undefined means "the other readings". */
export function readSidecarFast(text: string): Sidecar | undefined {
  const parse = parseValidSidecarByLines(text);
  return parse?.ok ? parse.sidecar : undefined;
}
