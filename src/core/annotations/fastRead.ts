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

import type { Event, Schema as LoaderSchema } from 'js-yaml';
import type { ScalarTag } from 'yaml';
import { jsYaml, yaml } from './yamlLibraries';

/** What reading needs from both libraries, made on first use (see yamlLibraries.ts). */
interface Loader {
  readonly schema: LoaderSchema;
  readonly readsAlike: (event: Event) => boolean;
}

let loader: Loader | undefined;

function fastLoader(): Loader {
  return (loader ??= { schema: loaderSchema(), readsAlike: readsAlikeTest() });
}

/** js-yaml's strings, sequences and mappings, with plain scalars read as the yaml library reads them. */
function loaderSchema(): LoaderSchema {
  const { defineScalarTag, mapTag, NOT_RESOLVED, Schema, seqTag, strTag } = jsYaml;
  /** The yaml library's tags for plain scalars (null, booleans, numbers), in the order it tries them. */
  const coreScalarTags = new yaml.Schema({ schema: 'core' }).tags.filter(
    (tag): tag is ScalarTag & { readonly test: RegExp } => tag.default === true && tag.test !== undefined,
  );
  /** One match for all of them, at least as broad as each, so that a string, the common case, costs one test. */
  const maybeCoreScalar = new RegExp(coreScalarTags.map((tag) => `(?:${tag.test.source})`).join('|'), 'i');
  /** A plain scalar as the yaml library reads it: the first of its tags that matches, else a string. */
  const yamlLibraryPlainScalar = defineScalarTag('tag:press-clippings,2024:yaml-library-plain-scalar', {
    implicit: true,
    implicitFirstChars: null,
    resolve: (source) => {
      const tag = maybeCoreScalar.test(source) ? coreScalarTags.find((candidate) => candidate.test.test(source)) : undefined;
      if (!tag) return NOT_RESOLVED;
      const value = tag.resolve(source, (message) => {
        throw new Error(message);
      }, {});
      return yaml.isScalar(value) ? value.value : value;
    },
    identify: () => false,
  });
  return new Schema([strTag, seqTag, mapTag, yamlLibraryPlainScalar]);
}

/**
 * Text that js-yaml reads otherwise than the yaml library (found by fuzzing the two): a lone
 * carriage return (a line break to js-yaml, text to the yaml library), a tab that indents, a
 * document marker, a byte-order mark that is not at the start or that indentation follows, and
 * a sequence entry that starts with a quoted scalar or a bracket and has more than a comment
 * after it on its line: js-yaml takes what follows (`- "q"x: 1`, `- [a]x: 1`) as a key of the
 * enclosing mapping, where the yaml library finds an error.
 */
const READ_OTHERWISE = new RegExp(
  [
    String.raw`\r(?!\n)`,
    String.raw`^ *\t`,
    String.raw`^\ufeff?[ \t]*(?:---|\.\.\.)`,
    String.raw`[^]\ufeff`,
    String.raw`^\ufeff[ \t]`,
    String.raw`^[ \t]*(?:-[ \t]+)+(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[[{][^\n]*[\]}])[ \t]*[^ \t\r\n#]`,
  ].join('|'),
  'm',
);

/**
 * The document of `text` as plain values (mappings as objects), or undefined when it is left to
 * the yaml library: a syntax error, several documents or none, or YAML whose reading may differ.
 */
export function loadPlainly(text: string): { readonly value: unknown } | undefined {
  if (READ_OTHERWISE.test(text)) return undefined;
  try {
    const { schema, readsAlike } = fastLoader();
    const events = jsYaml.parseEvents(text, {});
    if (!events.every(readsAlike)) return undefined;
    const documents = jsYaml.constructFromEvents(events, { source: text, schema, maxAliases: 0 });
    return documents.length === 1 ? { value: documents[0] } : undefined;
  } catch {
    // Whatever js-yaml refuses, the yaml library reports precisely.
    return undefined;
  }
}

/** Whether the yaml library reads an event as js-yaml does: no directives, tags, anchors or block scalars. */
function readsAlikeTest(): (event: Event) => boolean {
  const { EVENT_ID, SCALAR_STYLE } = jsYaml;
  return (event) => {
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
  };
}

function hasNoProperties(event: { readonly tagStart: number; readonly anchorStart: number }): boolean {
  return event.tagStart === -1 && event.anchorStart === -1;
}
