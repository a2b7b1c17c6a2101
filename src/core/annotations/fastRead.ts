/**
 * The fast loader of readListFile (yamlShape.ts). js-yaml reads a sidecar about ten times
 * faster than the yaml library, which stays for what js-yaml cannot give: the line and column
 * of every problem, and comment-preserving edits. A text read here must give the values the
 * yaml library gives, so:
 * - plain scalars resolve through the yaml library's own YAML 1.2 core-schema tags: a time
 *   stays a string, `on` and `yes` too, `0o17` is 15, `0b1` and `1_000` are text, as there;
 * - texts with a tag or a directive are left to the yaml library (`%YAML 1.1` changes its
 *   schema, and tags resolve in ways of their own), and so are aliases, which the yaml library
 *   keeps as Alias nodes that the shape rules refuse;
 * - a lone carriage return is left to the yaml library too: it reads one as text, js-yaml as
 *   a line break;
 * - complex keys and duplicate keys are errors in js-yaml, as duplicates are in the yaml library.
 */

import {
  constructFromEvents,
  defineScalarTag,
  EVENT_ID,
  mapTag,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  Schema as LoaderSchema,
  seqTag,
  strTag,
  type Event,
} from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';

/** The yaml library's tags for plain scalars (null, booleans, numbers), in the order it tries them. */
const CORE_SCALAR_TAGS = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag & { readonly test: RegExp } => tag.default === true && tag.test !== undefined,
);

/** One match for all of them, at least as broad as each, so that a string, the common case, costs one test. */
const MAYBE_CORE_SCALAR = new RegExp(CORE_SCALAR_TAGS.map((tag) => `(?:${tag.test.source})`).join('|'), 'i');

/** A plain scalar as the yaml library reads it: the first of its tags that matches, else a string. */
const YAML_LIBRARY_PLAIN_SCALAR = defineScalarTag('tag:press-clippings,2024:yaml-library-plain-scalar', {
  implicit: true,
  implicitFirstChars: null,
  resolve: (source) => {
    const tag = MAYBE_CORE_SCALAR.test(source) ? CORE_SCALAR_TAGS.find((candidate) => candidate.test.test(source)) : undefined;
    if (!tag) return NOT_RESOLVED;
    const value = tag.resolve(source, (message) => {
      throw new Error(message);
    }, {});
    return isScalar(value) ? value.value : value;
  },
  identify: () => false,
});

const SCHEMA = new LoaderSchema([strTag, seqTag, mapTag, YAML_LIBRARY_PLAIN_SCALAR]);

/**
 * Text that js-yaml reads otherwise than the yaml library (found by fuzzing the two): a lone
 * carriage return (a line break to js-yaml, text to the yaml library), a tab that indents, a
 * document marker, and a byte-order mark that is not at the start or that indentation follows.
 */
const READ_OTHERWISE = new RegExp(
  [String.raw`\r(?!\n)`, String.raw`^ *\t`, String.raw`^\ufeff?[ \t]*(?:---|\.\.\.)`, String.raw`[^]\ufeff`, String.raw`^\ufeff[ \t]`].join('|'),
  'm',
);

/**
 * The document of `text` as plain values (mappings as objects), or undefined when it is left to
 * the yaml library: a syntax error, several documents or none, or YAML whose reading may differ.
 */
export function loadPlainly(text: string): { readonly value: unknown } | undefined {
  if (READ_OTHERWISE.test(text)) return undefined;
  try {
    const events = parseEvents(text, {});
    if (!events.every(readsAlike)) return undefined;
    const documents = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
    return documents.length === 1 ? { value: documents[0] } : undefined;
  } catch {
    // Whatever js-yaml refuses, the yaml library reports precisely.
    return undefined;
  }
}

function readsAlike(event: Event): boolean {
  switch (event.type) {
    case EVENT_ID.DOCUMENT:
      return event.directives.length === 0;
    case EVENT_ID.SCALAR:
      return hasNoProperties(event) && event.style !== SCALAR_STYLE.LITERAL_BLOCK && event.style !== SCALAR_STYLE.FOLDED_BLOCK;
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return hasNoProperties(event);
    default:
      return true;
  }
}

function hasNoProperties(event: { readonly tagStart: number; readonly anchorStart: number }): boolean {
  return event.tagStart === -1 && event.anchorStart === -1;
}
