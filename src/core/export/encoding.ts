/**
 * UTF-8 bytes of an export, made from its lines: a million annotations make more text than
 * one JavaScript string may hold, so the lines are encoded as they come, into 1 MB chunks.
 *
 * Lines are joined into small batches first and each batch is encoded into the current
 * chunk. Small, because a large batch of line strings outlives the young generation and
 * makes the garbage collector copy it: 16 K characters were twice as fast as 4 M.
 */

const BATCH_CHARACTERS = 1 << 14;
const CHUNK_BYTES = 1 << 20;
/** UTF-8 takes at most three bytes for one UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/** The UTF-8 encoding of the concatenated lines, in chunks of about a megabyte. */
export function* utf8Chunks(lines: Iterable<string>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let chunk = new Uint8Array(CHUNK_BYTES);
  let used = 0;
  for (const batch of batches(lines)) {
    const room = batch.length * MAX_BYTES_PER_UNIT;
    if (chunk.length - used < room) {
      if (used > 0) yield chunk.subarray(0, used);
      chunk = new Uint8Array(Math.max(CHUNK_BYTES, room));
      used = 0;
    }
    used += encoder.encodeInto(batch, chunk.subarray(used)).written;
  }
  if (used > 0) yield chunk.subarray(0, used);
}

function* batches(lines: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= BATCH_CHARACTERS) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
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
