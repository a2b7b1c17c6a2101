/**
 * Short, collision-resistant ids: a letter, a dash and 10 Crockford base32 characters (50
 * random bits), such as `a-7k2m9q4x1c`. Random rather than sequential so that two people
 * annotating the same clipping on different machines never mint the same id, and nothing is
 * ever renumbered. Randomness is a parameter so that tests stay deterministic.
 */

/** Fills a new array of `count` random bytes. */
export type RandomBytes = (count: number) => Uint8Array;

export type IdKind = 'annotation' | 'speaker';

const ID_PREFIX: Record<IdKind, string> = { annotation: 'a-', speaker: 's-' };

/** Crockford's alphabet: no i, l, o, u, so ids survive being read aloud or retyped. */
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_CHARACTERS = 10;
const BITS_PER_CHARACTER = 5;

/** What an id must look like, ours or typed by hand: one token, safe as a plain YAML scalar. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function newId(kind: IdKind, randomBytes: RandomBytes): string {
  const bytes = randomBytes(Math.ceil((ID_CHARACTERS * BITS_PER_CHARACTER) / 8));
  let bits = 0;
  let bitCount = 0;
  let next = 0;
  let id = ID_PREFIX[kind];
  while (id.length < ID_PREFIX[kind].length + ID_CHARACTERS) {
    if (bitCount < BITS_PER_CHARACTER) {
      // Only the bitCount unread bits are kept, so the accumulator never exceeds 13 bits.
      bits = ((bits & ((1 << bitCount) - 1)) << 8) | bytes[next++];
      bitCount += 8;
    }
    bitCount -= BITS_PER_CHARACTER;
    id += BASE32[(bits >> bitCount) & 0b11111];
  }
  return id;
}

/** The platform's cryptographic generator (Node and the VS Code extension host both have it). */
export const cryptoRandomBytes: RandomBytes = (count) => globalThis.crypto.getRandomValues(new Uint8Array(count));
