/**
 * JSON Lines: one JSON object per annotation and line, holding the flat fields of the CSV
 * (for people and data tools) and the whole annotation object under `annotation` (for import):
 * the row as `flatten` makes it.
 * Reading it back gives every clipping's sidecar exactly: ids, anchors, authors and times.
 */

import { compareAnnotations, fileNameOf, parseSidecar, SIDECAR_VERSION, type Annotation, type Sidecar } from '../annotations';
import { flatten, type ExportRow } from './rows';

/** The lines of the file, each ending with `\n`. Fields the annotation does not have are left out. */
export function* jsonLines(rows: Iterable<ExportRow>): Generator<string> {
  for (const row of rows) {
    yield JSON.stringify(flatten(row)) + '\n';
  }
}

/** What an import found for one clipping: the sidecar its lines describe. */
export interface ImportedClipping {
  /** The `file` of the lines: the clipping's path relative to its workspace folder. */
  readonly file: string;
  readonly sidecar: Sidecar;
}

/** A line that was left out, and why. Lines count from 1. */
export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export interface JsonLinesImport {
  /** In the order their files first appear. */
  readonly clippings: readonly ImportedClipping[];
  readonly problems: readonly ImportProblem[];
}

/**
 * The sidecars a JSON Lines export describes. Lines that are not an annotation the sidecar
 * reader would accept are reported and left out, and so is a second, different annotation
 * with an id already seen for the same file; blank lines are skipped.
 */
export function parseJsonLines(text: string): JsonLinesImport {
  const byFile = new Map<string, Map<string, Annotation>>();
  const problems: ImportProblem[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((content, index) => {
    if (content.trim() === '') return;
    const line = index + 1;
    const record = readRecord(content);
    if (typeof record === 'string') {
      problems.push({ line, message: record });
      return;
    }
    const annotations = byFile.get(record.file) ?? new Map<string, Annotation>();
    byFile.set(record.file, annotations);
    const earlier = annotations.get(record.annotation.id);
    if (earlier && !sameAnnotation(earlier, record.annotation)) {
      problems.push({ line, message: `Another annotation with the id '${record.annotation.id}' came earlier for ${record.file}` });
      return;
    }
    annotations.set(record.annotation.id, record.annotation);
  });
  const clippings = [...byFile].map(([file, annotations]): ImportedClipping => ({
    file,
    sidecar: { version: SIDECAR_VERSION, clipping: fileNameOf(file), annotations: [...annotations.values()].sort(compareAnnotations) },
  }));
  return { clippings, problems };
}

/** The file and annotation of one line, or why it has none. */
function readRecord(content: string): { file: string; annotation: Annotation } | string {
  let record: unknown;
  try {
    record = JSON.parse(content);
  } catch (error) {
    return `Not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'Not a JSON object';
  const { file, annotation } = record as Record<string, unknown>;
  if (typeof file !== 'string' || !isPlainRelativePath(file)) return `'file' must be a path inside the workspace folder, with '/' between names`;
  if (typeof annotation !== 'object' || annotation === null) return `'annotation' must be an object`;
  const read = annotationFromJson(annotation);
  return typeof read === 'string' ? read : { file, annotation: read };
}

/**
 * A path an import may resolve against a workspace folder: no way out of it (`..`, a leading
 * `/`) and no backslash, which Windows would read as a separator.
 */
function isPlainRelativePath(path: string): boolean {
  return !path.includes('\\') && path.split('/').every((name) => name !== '' && name !== '.' && name !== '..');
}

/**
 * Checks an annotation by the sidecar reader's own rules, so that an import never writes a
 * sidecar that then fails to load. JSON is YAML (a flow mapping), so the object goes into a
 * one-item sidecar as it is, and any problem is reported in the sidecar's own words.
 */
export function annotationFromJson(value: object): Annotation | string {
  const parsed = parseSidecar(`version: ${SIDECAR_VERSION}\nclipping: import\nannotations:\n  - ${JSON.stringify(value)}\n`);
  return parsed.ok ? parsed.sidecar.annotations[0] : parsed.error.message;
}

/** Same content, whatever the key order: annotations hold only strings, numbers, booleans, lists and mappings. */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
