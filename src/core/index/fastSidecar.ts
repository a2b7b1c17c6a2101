/**
 * Reading sidecars fast, for the workspace index: the subset reader (yamlSubset.ts) and the
 * same shape rules as parseSidecar, minus the error reporting. A sidecar that is valid and in
 * the layout the extension writes reads here about twenty times faster than through the yaml
 * library; anything else (an error, an unusual layout) goes to parseSidecar, which gives the
 * exact result or the exact error. Unit tests check on generated sidecars that both agree.
 */
import {
  ATTRIBUTION_KINDS,
  ID_PATTERN,
  ISO_TIME,
  parseSidecar,
  POLARITIES,
  SIDECAR_VERSION,
  SOURCE_KINDS,
  SOURCE_SCOPES,
  type Anchor,
  type Annotation,
  type AnnotationBase,
  type ArticleRef,
  type Sidecar,
  type TextProblem,
} from '../annotations';
import { anchorOf, sourceTagOf, speakerTagOf, stanceTagOf } from './annotationObjects';
import { readYamlSubset, type YamlMap, type YamlValue } from './yamlSubset';

/** The rule of parseSidecar for `created` and `modified`. */

const BASE_KEYS = ['id', 'type', 'anchor', 'author', 'created', 'modified'];
const KEYS_BY_TYPE: Readonly<Record<Annotation['type'], ReadonlySet<string>>> = {
  speaker: new Set([...BASE_KEYS, 'speaker', 'kind', 'cue']),
  stance: new Set([...BASE_KEYS, 'holder', 'polarity', 'target', 'note']),
  source: new Set([...BASE_KEYS, 'scope', 'kind', 'outlet', 'agencies', 'writer']),
};
const ANCHOR_KEYS = new Set(['quote', 'prefix', 'suffix', 'start', 'end', 'article', 'orphaned']);
const ARTICLE_KEYS = new Set(['index', 'title']);
const SIDECAR_KEYS = new Set(['version', 'clipping', 'annotations']);

export type SidecarReading = { readonly ok: true; readonly sidecar: Sidecar } | { readonly ok: false; readonly error: TextProblem };

/** The sidecar in `text`: through the fast reader when it can, through parseSidecar otherwise. */
export function readSidecar(text: string): SidecarReading {
  const fast = readSidecarFast(text);
  if (fast) return { ok: true, sidecar: fast };
  const exact = parseSidecar(text);
  return exact.ok ? { ok: true, sidecar: exact.sidecar } : { ok: false, error: exact.error };
}

/** The sidecar when `text` is valid and in the subset; undefined means "ask parseSidecar". */
export function readSidecarFast(text: string): Sidecar | undefined {
  const root = readYamlSubset(text);
  if (!isMap(root) || !onlyKeys(root, SIDECAR_KEYS)) return undefined;
  const version = root.get('version');
  const clipping = root.get('clipping');
  const list = root.get('annotations') ?? null;
  if (version !== SIDECAR_VERSION || typeof clipping !== 'string' || !(list === null || Array.isArray(list))) return undefined;
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const item of (list ?? []) as readonly YamlValue[]) {
    const annotation = isMap(item) ? readAnnotation(item) : undefined;
    if (!annotation || ids.has(annotation.id)) return undefined;
    ids.add(annotation.id);
    annotations.push(annotation);
  }
  return { version: SIDECAR_VERSION, clipping, annotations };
}

function readAnnotation(map: YamlMap): Annotation | undefined {
  const id = map.get('id');
  const type = map.get('type');
  const author = map.get('author');
  const created = map.get('created');
  const modified = map.get('modified');
  const anchorMap = map.get('anchor');
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof author !== 'string' || !isTime(created) || !isTime(modified)) return undefined;
  if ((type !== 'speaker' && type !== 'stance' && type !== 'source') || !onlyKeys(map, KEYS_BY_TYPE[type]) || !isMap(anchorMap)) return undefined;
  const anchor = readAnchor(anchorMap);
  return anchor && readBody(type, map, { id, anchor, author, created, modified });
}

function readBody(type: Annotation['type'], map: YamlMap, base: AnnotationBase): Annotation | undefined {
  switch (type) {
    case 'speaker': {
      const speaker = map.get('speaker');
      const kind = oneOf(map.get('kind'), ATTRIBUTION_KINDS);
      const cue = optionalString(map.get('cue'));
      if (typeof speaker !== 'string' || !ID_PATTERN.test(speaker) || !kind || cue === false) return undefined;
      return speakerTagOf(base, speaker, kind, cue);
    }
    case 'stance': {
      const holder = map.get('holder');
      const polarity = oneOf(map.get('polarity'), POLARITIES);
      const target = map.get('target');
      const note = optionalString(map.get('note'));
      if (typeof holder !== 'string' || !ID_PATTERN.test(holder) || !polarity || typeof target !== 'string' || note === false) return undefined;
      return stanceTagOf(base, holder, polarity, target, note);
    }
    case 'source': {
      const scope = oneOf(map.get('scope'), SOURCE_SCOPES);
      const kind = oneOf(map.get('kind'), SOURCE_KINDS);
      const outlet = optionalString(map.get('outlet'));
      const writer = optionalString(map.get('writer'));
      const agencies = optionalStrings(map.has('agencies'), map.get('agencies'));
      if (!scope || !kind || outlet === false || writer === false || agencies === false) return undefined;
      return sourceTagOf(base, scope, kind, outlet, agencies, writer);
    }
  }
}

function readAnchor(map: YamlMap): Anchor | undefined {
  if (!onlyKeys(map, ANCHOR_KEYS)) return undefined;
  const quote = map.get('quote');
  const prefix = optionalString(map.get('prefix'));
  const suffix = optionalString(map.get('suffix'));
  const start = map.get('start');
  const end = map.get('end');
  const orphaned = map.get('orphaned') ?? null;
  const articleMap = map.get('article') ?? null;
  if (typeof quote !== 'string' || quote === '' || prefix === false || suffix === false) return undefined;
  if (typeof start !== 'number' || typeof end !== 'number' || end <= start) return undefined;
  if (!(orphaned === null || typeof orphaned === 'boolean') || !(articleMap === null || isMap(articleMap))) return undefined;
  const article = articleMap === null ? undefined : readArticle(articleMap);
  if (article === false) return undefined;
  return anchorOf(quote, prefix ?? '', suffix ?? '', start, end, article, orphaned === true);
}

function readArticle(map: YamlMap): ArticleRef | false {
  const index = map.get('index');
  const title = map.get('title');
  return onlyKeys(map, ARTICLE_KEYS) && typeof index === 'number' && typeof title === 'string' ? { index, title } : false;
}

function isMap(value: YamlValue | undefined): value is YamlMap {
  return value instanceof Map;
}

function onlyKeys(map: YamlMap, allowed: ReadonlySet<string>): boolean {
  for (const key of map.keys()) if (!allowed.has(key)) return false;
  return true;
}

function isTime(value: YamlValue | undefined): value is string {
  return typeof value === 'string' && ISO_TIME.test(value);
}

function oneOf<T extends string>(value: YamlValue | undefined, values: readonly T[]): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** An optional string: undefined when absent or empty (`key:`), false when it is something else. */
function optionalString(value: YamlValue | undefined): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : false;
}

/** An optional list of strings: `key:` alone reads as an empty list, as parseSidecar reads it. */
function optionalStrings(present: boolean, value: YamlValue | undefined): readonly string[] | undefined | false {
  if (!present) return undefined;
  if (value === null) return [];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : false;
}
