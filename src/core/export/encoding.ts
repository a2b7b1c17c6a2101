/**
 * UTF-8 bytes of an export, made from its lines in batches: a million annotations make more
 * text than one JavaScript string may hold, and one encode per line would be slow.
 */

/** About 4 MB of text per batch: large enough that the per-call cost vanishes. */
const BATCH_CHARACTERS = 1 << 22;

/** The UTF-8 encoding of the concatenated lines, in chunks of at most about BATCH_CHARACTERS characters. */
export function* utf8Chunks(lines: Iterable<string>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= BATCH_CHARACTERS) {
      yield encoder.encode(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield encoder.encode(batch.join(''));
}

/** All chunks in one array: what a whole-file write takes. */
export function concatChunks(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
