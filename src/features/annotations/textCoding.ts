/**
 * UTF-8 decoding and encoding of large files a slice at a time, the thread given back between
 * slices: a sidecar of 10,000 annotations (5 MB) took 25 ms and more in one go, and joining
 * separately encoded parts again another 30 ms (bench/host, annotations). No `vscode` here.
 */
import type { TextChange } from '../../core/annotations';
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
 * The size is counted a slice at a time too (8 ms and more for 4 MB at once).
 */
export async function encodeTextInSlices(text: string): Promise<Buffer> {
  if (text.length <= CODING_SLICE) return Buffer.from(text, 'utf8');
  const slices: [number, number][] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CODING_SLICE);
    if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
    slices.push([from, to]);
    from = to;
  }
  let length = 0;
  for (const [from, to] of slices) {
    await nextTurn();
    length += Buffer.byteLength(text.slice(from, to), 'utf8');
  }
  const bytes = Buffer.allocUnsafe(length);
  let written = 0;
  for (const [from, to] of slices) {
    await nextTurn();
    written += bytes.write(text.slice(from, to), written, 'utf8');
  }
  if (written !== bytes.length) throw new Error(`encoded ${written} of ${bytes.length} bytes`);
  return bytes;
}

/**
 * The UTF-8 bytes of `text`; when it was made by `edited.change` from `edited.text`, whose
 * UTF-8 bytes `edited.bytes` are exactly, only the change's text is encoded and the bytes
 * around it copied: a block spliced into a sidecar of 10,000 annotations does not encode the
 * whole file again (25 ms and more, in slices).
 */
export async function encodeEditedText(text: string, edited?: { readonly text: string; readonly bytes: Uint8Array; readonly change: TextChange }): Promise<Buffer> {
  const change = edited?.change;
  if (!edited || !change || change.text.length > CODING_SLICE || surrogateAtEdges(edited.text, change)) {
    return encodeTextInSlices(text);
  }
  // Counting the bytes before the change reads the text (a large one joined from an earlier edit's pieces first): the copy in a turn of its own.
  const start = Buffer.byteLength(edited.text.slice(0, change.start), 'utf8');
  const end = start + Buffer.byteLength(edited.text.slice(change.start, change.end), 'utf8');
  if (edited.text.length > CODING_SLICE) await nextTurn();
  return Buffer.concat([edited.bytes.subarray(0, start), Buffer.from(change.text, 'utf8'), edited.bytes.subarray(end)]);
}

/** Whether `bytes` are exactly the UTF-8 of `text`, their decoding (decodeText): no byte order mark dropped, no malformed bytes replaced. */
export function encodesExactly(bytes: Uint8Array, text: string): boolean {
  return !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !text.includes('\ufffd');
}

/**
 * Whether a surrogate is next to an edge of the change, before or after it is made: a pair cut
 * there, or made there, is encoded differently in pieces than whole.
 */
function surrogateAtEdges(text: string, change: TextChange): boolean {
  const edges = [text.charCodeAt(change.start - 1), text.charCodeAt(change.start), text.charCodeAt(change.end - 1), text.charCodeAt(change.end)];
  return [...edges, change.text.charCodeAt(0), change.text.charCodeAt(change.text.length - 1)].some((code) => code >= 0xd800 && code <= 0xdfff);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

