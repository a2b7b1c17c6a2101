/**
 * brat standoff (https://brat.nlplab.org/standoff.html), which INCEpTION reads too: for each
 * clipping a `.txt` with its text and a `.ann` with one text-bound annotation (`T`) per tag,
 * its attributes (`A`) and a note (`#`) naming the people; one `annotation.conf` declares them.
 *
 * brat reads the `.txt` with universal newlines and counts offsets in characters (code
 * points), and requires each `T` line's text to equal the text at its offsets. So the `.txt`
 * holds the text with `\n` line breaks, offsets are converted, and a quote running over line
 * breaks becomes a discontinuous span of its lines (`0 5;6 9`), whose texts brat joins with
 * one space, because an `.ann` line cannot hold a line break.
 */

import { ATTRIBUTION_KINDS, POLARITIES, SOURCE_KINDS, SOURCE_SCOPES, type Annotation } from '../annotations';
import { CodePointOffsets, foldLineBreaks } from './codePoints';
import type { ExportRow } from './rows';

export const BRAT_CONFIGURATION_FILE = 'annotation.conf';

/** Entity types and their attributes; every value list comes from the annotation model. */
export const BRAT_CONFIGURATION = [
  '# Press Clippings annotations for brat and INCEpTION.',
  '[entities]',
  'Speaker',
  'Stance',
  'Source',
  '',
  '[relations]',
  '# Tags overlap (a stance inside a quotation): allow every overlap.',
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  `Speech\tArg:Speaker, Value:${ATTRIBUTION_KINDS.join('|')}`,
  `Polarity\tArg:Stance, Value:${POLARITIES.join('|')}`,
  `SourceKind\tArg:Source, Value:${SOURCE_KINDS.join('|')}`,
  `Scope\tArg:Source, Value:${SOURCE_SCOPES.join('|')}`,
  '',
].join('\n');

const ENTITY_TYPES = { speaker: 'Speaker', stance: 'Stance', source: 'Source' } as const satisfies Record<Annotation['type'], string>;

/**
 * Characters that end a line for some reader of `.ann` files (Python's `splitlines` among
 * them): never written inside an annotation line.
 */
const LINE_BREAK_CHARACTERS = '\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029';
const LINE_BREAKS = new RegExp(`[${LINE_BREAK_CHARACTERS}]`, 'g');
const LINE_CONTENTS = new RegExp(`[^${LINE_BREAK_CHARACTERS}]+`, 'g');

export interface BratDocument {
  /** The `.txt` file: the clipping's text with `\n` line breaks. */
  readonly text: string;
  /** The `.ann` file. */
  readonly annotations: string;
  /** Annotations whose words are not at their offsets (orphaned, or the text changed since): brat could not show them. */
  readonly skipped: readonly Annotation[];
}

/** The files of a clipping at `relativePath`, keeping its full name so that `a.clip` and `a.txt` stay apart. */
export function bratPathsFor(relativePath: string): { readonly text: string; readonly annotations: string } {
  return { text: `${relativePath}.txt`, annotations: `${relativePath}.ann` };
}

/** The brat files of one clipping: its text, and the rows of its annotations. */
export function bratDocument(clippingText: string, rows: readonly ExportRow[]): BratDocument {
  const offsets = CodePointOffsets.of(clippingText, 'crlf-as-lf');
  const lines: string[] = [];
  const skipped: Annotation[] = [];
  let entities = 0;
  let attributes = 0;
  for (const row of rows) {
    const { annotation } = row;
    const fragments = anchoredLines(clippingText, annotation);
    if (fragments.length === 0) {
      skipped.push(annotation);
      continue;
    }
    const entity = `T${++entities}`;
    const spans = fragments.map(([start, end]) => `${offsets.at(start)} ${offsets.at(end)}`).join(';');
    lines.push(`${entity}\t${ENTITY_TYPES[annotation.type]} ${spans}\t${fragments.map(([start, end]) => clippingText.slice(start, end)).join(' ')}`);
    for (const [name, value] of attributesOf(annotation)) {
      lines.push(`A${++attributes}\t${name} ${entity} ${value}`);
    }
    lines.push(`#${entities}\tAnnotatorNotes ${entity}\t${noteOf(row).replace(LINE_BREAKS, ' ')}`);
  }
  return { text: foldLineBreaks(clippingText), annotations: lines.map((line) => line + '\n').join(''), skipped };
}

/** The non-empty lines of the annotation's span, as UTF-16 ranges; none when its quote is not at its offsets. */
function anchoredLines(text: string, annotation: Annotation): (readonly [number, number])[] {
  const { quote, start, end, orphaned } = annotation.anchor;
  if (orphaned || text.slice(start, end) !== quote) return [];
  return [...quote.matchAll(LINE_CONTENTS)].map((line) => [start + line.index, start + line.index + line[0].length] as const);
}

function attributesOf(annotation: Annotation): (readonly [string, string])[] {
  switch (annotation.type) {
    case 'speaker':
      return [['Speech', annotation.kind]];
    case 'stance':
      return [['Polarity', annotation.polarity]];
    case 'source':
      return [
        ['SourceKind', annotation.kind],
        ['Scope', annotation.scope],
      ];
  }
}

/** Who, about what, from where; and the annotation's id, to find it again in its sidecar. */
function noteOf(row: ExportRow): string {
  return [...noteParts(row).filter((part) => part !== undefined && part !== ''), row.annotation.id].join(' · ');
}

function noteParts({ annotation, personName }: ExportRow): (string | undefined)[] {
  switch (annotation.type) {
    case 'speaker':
      return [personName];
    case 'stance':
      return [`${personName} → ${annotation.target}`, annotation.note];
    case 'source':
      return [annotation.outlet, ...(annotation.agencies ?? []), annotation.writer];
  }
}
