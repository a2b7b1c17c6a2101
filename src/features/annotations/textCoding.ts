/**
 * UTF-8 decoding and encoding of large files a slice at a time, the thread given back between
 * slices: a sidecar of 10,000 annotations (5 MB) took 25 ms and more in one go, and joining
 * separately encoded parts again another 30 ms (bench/host, annotations). No `vscode` here.
 */
import { nextTurn } from './slices';

/**
 * How much text is decoded or encoded at once before the thread is given back: 2 to 5
 * milliseconds of work, a few times more on a loaded machine.
 */
export const CODING_SLICE = 512 * 1024;

/** UTF-8 text without its byte order mark, as VS Code reads documents. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** decodeText, a slice at a time for a large file (the decoder carries a character cut between slices over). */
export async function decodeTextInSlices(bytes: Uint8Array): Promise<string> {
  if (bytes.length <= CODING_SLICE) return decodeText(bytes);
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let from = 0; from < bytes.length; from += CODING_SLICE) {
    parts.push(decoder.decode(bytes.subarray(from, from + CODING_SLICE), { stream: true }));
    await nextTurn();
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * The UTF-8 bytes of `text`, a slice at a time for a large text (never cutting a surrogate
 * pair), each written straight into one buffer of the final size: no parts to join at the end.
 */
export async function encodeTextInSlices(text: string): Promise<Buffer> {
  if (text.length <= CODING_SLICE) return Buffer.from(text, 'utf8');
  const bytes = Buffer.allocUnsafe(Buffer.byteLength(text, 'utf8'));
  let written = 0;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CODING_SLICE);
    if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
    await nextTurn();
    written += bytes.write(text.slice(from, to), written, 'utf8');
    from = to;
  }
  if (written !== bytes.length) throw new Error(`encoded ${written} of ${bytes.length} bytes`);
  return bytes;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
