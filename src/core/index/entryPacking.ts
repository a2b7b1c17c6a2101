/**
 * Index entries packed flat, for the trip from the indexing worker and for the cache: the
 * strings that repeat (authors, times, types, speaker ids, targets, outlets, article titles)
 * once in a string table, referred to by number; the other strings (paths, ids, quotes and
 * their context) in one list, in the order they are read back; every number (offsets,
 * references, counts, flags) in one Int32Array, and file stamps in one Float64Array. No object
 * or array per annotation: handing a packed shard of two thousand annotations over (a
 * structured clone, or v8.deserialize of a cache file) costs a few string copies and two
 * buffers, and unpacking makes each annotation's objects once, sharing the pooled strings.
 */
import type { Annotation, ArticleRef, AttributionKind, Polarity, SourceKind, SourceScope } from '../annotations';
import { anchorOf, sourceTagOf, speakerTagOf, stanceTagOf } from './annotationObjects';
import type { IndexedArticle } from '../workspaceModel';
import type { IndexEntry, TitlePosition } from './indexEntry';

/** An index into the string table; NONE for an absent optional string. */
type Ref = number;
const NONE = -1;
const SPEAKER = 0;
const STANCE = 1;
const SOURCE = 2;

/** Packed entries: read back in the order they were written, with the same reader. */
export interface FlatPack {
  /** The strings that repeat, each once. */
  readonly strings: readonly string[];
  /** The other strings, in order. */
  readonly texts: readonly string[];
  readonly ints: Int32Array;
  /** Numbers beyond 32 bits (file times and sizes); NaN for none. */
  readonly stamps: Float64Array;
}

/** The string table a packer fills: each string once. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly refs = new Map<string, number>();

  ref(text: string): Ref {
    let ref = this.refs.get(text);
    if (ref === undefined) {
      ref = this.strings.push(text) - 1;
      this.refs.set(text, ref);
    }
    return ref;
  }

  optional(text: string | undefined): Ref {
    return text === undefined ? NONE : this.ref(text);
  }
}

/**
 * The strings entries share once unpacked, whichever table they came from: an author, a time
 * or an outlet is one string in memory however many annotations carry it.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The table with each string replaced by the pool's copy. */
  adopt(table: readonly string[]): string[] {
    return table.map((text) => {
      const known = this.strings.get(text);
      if (known !== undefined) return known;
      this.strings.set(text, text);
      return text;
    });
  }
}

/** Packs entries (and, for the cache, their stamps) one after the other; `finish` gives the pack. */
export class EntryPacker {
  private readonly table = new StringTable();
  private readonly texts: string[] = [];
  private readonly ints: number[] = [];
  private readonly stamps: number[] = [];

  text(text: string): void {
    this.texts.push(text);
  }

  int(value: number): void {
    this.ints.push(value);
  }

  stamp(value: number | undefined): void {
    this.stamps.push(value ?? Number.NaN);
  }

  entry({ clipping, titles }: IndexEntry): void {
    const { table, ints } = this;
    this.text(clipping.relativePath);
    ints.push(clipping.sidecarProblem === undefined ? 0 : 1);
    if (clipping.sidecarProblem !== undefined) this.text(clipping.sidecarProblem);
    ints.push(clipping.articles.length);
    for (const article of clipping.articles) ints.push(article.index, table.ref(article.title), table.optional(article.outlet), table.optional(article.date), article.start, article.end);
    ints.push(titles.length);
    for (const title of titles) ints.push(title.line, title.character, title.endCharacter);
    ints.push(clipping.annotations.length);
    for (const annotation of clipping.annotations) this.annotation(annotation);
  }

  finish(): FlatPack {
    return { strings: this.table.strings, texts: this.texts, ints: Int32Array.from(this.ints), stamps: Float64Array.from(this.stamps) };
  }

  private annotation(annotation: Annotation): void {
    const { table, ints } = this;
    const { anchor } = annotation;
    this.texts.push(annotation.id, anchor.quote, anchor.prefix, anchor.suffix);
    const type = annotation.type === 'speaker' ? SPEAKER : annotation.type === 'stance' ? STANCE : SOURCE;
    ints.push(type, table.ref(annotation.author), table.ref(annotation.created), table.ref(annotation.modified), anchor.start, anchor.end);
    ints.push(anchor.article?.index ?? NONE, table.optional(anchor.article?.title), anchor.orphaned ? 1 : 0);
    switch (annotation.type) {
      case 'speaker':
        ints.push(table.ref(annotation.speaker), table.ref(annotation.kind), table.optional(annotation.cue));
        break;
      case 'stance':
        ints.push(table.ref(annotation.holder), table.ref(annotation.polarity), table.ref(annotation.target), table.optional(annotation.note));
        break;
      case 'source':
        ints.push(table.ref(annotation.scope), table.ref(annotation.kind), table.optional(annotation.outlet), table.optional(annotation.writer));
        ints.push(annotation.agencies ? annotation.agencies.length : NONE);
        annotation.agencies?.forEach((agency) => ints.push(table.ref(agency)));
        break;
    }
  }
}

/**
 * Reads a pack back in the order it was written, with the pack's strings as adopted by a
 * pool. A damaged pack reads past its end: `intact` then says so.
 */
export class EntryUnpacker {
  private textAt = 0;
  private intAt = 0;
  private stampAt = 0;
  /** Set when a string reference or a count did not fit the pack. */
  private badRef = false;

  constructor(
    private readonly pack: FlatPack,
    private readonly strings: readonly string[],
  ) {}

  /** Whether everything was read, and nothing beyond. */
  get done(): boolean {
    return this.textAt === this.pack.texts.length && this.intAt === this.pack.ints.length && this.stampAt === this.pack.stamps.length;
  }

  /** Whether no read went past the end, and every string reference was in the table. */
  get intact(): boolean {
    return this.textAt <= this.pack.texts.length && this.intAt <= this.pack.ints.length && this.stampAt <= this.pack.stamps.length && !this.badRef;
  }

  text(): string {
    return this.pack.texts[this.textAt++];
  }

  int(): number {
    return this.pack.ints[this.intAt++];
  }

  /** A stamp, undefined for none. */
  stamp(): number | undefined {
    const value = this.pack.stamps[this.stampAt++];
    return Number.isNaN(value) ? undefined : value;
  }

  /** The next entry, for clipping `uri`. */
  entry(uri: string): IndexEntry {
    const relativePath = this.text();
    const sidecarProblem = this.int() === 1 ? this.text() : undefined;
    // Arrays made at their final length: grown by pushing, a million annotations' arrays kept megabytes of spare room.
    const articles = Array.from({ length: this.count() }, (): IndexedArticle => ({ index: this.int(), title: this.string(), outlet: this.optional(), date: this.optional(), start: this.int(), end: this.int() }));
    const titles = Array.from({ length: this.count() }, (): TitlePosition => ({ line: this.int(), character: this.int(), endCharacter: this.int() }));
    // Anchors made in the same article share one article reference.
    const articleRefs = new Map<number, ArticleRef>();
    const annotations = Array.from({ length: this.count() }, (): Annotation => this.annotation(articleRefs));
    return { clipping: { uri, relativePath, articles, annotations, sidecarProblem }, titles };
  }

  private annotation(articleRefs: Map<number, ArticleRef>): Annotation {
    const id = this.text();
    const quote = this.text();
    const prefix = this.text();
    const suffix = this.text();
    const type = this.int();
    const author = this.string();
    const created = this.string();
    const modified = this.string();
    const start = this.int();
    const end = this.int();
    const articleIndex = this.int();
    const articleTitle = this.int();
    const orphaned = this.int() === 1;
    let article: ArticleRef | undefined;
    if (articleIndex !== NONE) {
      const key = articleIndex * 0x1_0000_0000 + articleTitle;
      article = articleRefs.get(key);
      if (!article) articleRefs.set(key, (article = { index: articleIndex, title: this.stringAt(articleTitle) }));
    }
    const base = { id, anchor: anchorOf(quote, prefix, suffix, start, end, article, orphaned), author, created, modified };
    switch (type) {
      case SPEAKER:
        return speakerTagOf(base, this.string(), this.string() as AttributionKind, this.optional());
      case STANCE:
        return stanceTagOf(base, this.string(), this.string() as Polarity, this.string(), this.optional());
      default: {
        const scope = this.string() as SourceScope;
        const kind = this.string() as SourceKind;
        const outlet = this.optional();
        const writer = this.optional();
        const agencyCount = this.int();
        const agencies = agencyCount === NONE ? undefined : Array.from({ length: this.countOf(agencyCount) }, () => this.string());
        return sourceTagOf(base, scope, kind, outlet, agencies, writer);
      }
    }
  }

  private count(): number {
    return this.countOf(this.int());
  }

  /** A count as read, or 0 when a damaged pack gives none that makes sense (then `intact` is false). */
  private countOf(value: number): number {
    if (value >= 0 && value <= this.pack.ints.length) return value;
    this.badRef = true;
    this.intAt = this.pack.ints.length + 1;
    return 0;
  }

  private string(): string {
    return this.stringAt(this.int());
  }

  private optional(): string | undefined {
    const ref = this.int();
    return ref === NONE ? undefined : this.stringAt(ref);
  }

  private stringAt(ref: Ref): string {
    const text = this.strings[ref];
    if (text === undefined) this.badRef = true;
    return text;
  }
}

/** One entry packed on its own (what the indexing worker hands over for a file). */
export function packEntry(entry: IndexEntry): FlatPack {
  const packer = new EntryPacker();
  packer.entry(entry);
  return packer.finish();
}

/** The entry of clipping `uri` packed on its own by packEntry, its strings adopted by a pool; undefined when the pack is damaged. */
export function unpackEntry(uri: string, pack: FlatPack, strings: readonly string[]): IndexEntry | undefined {
  const unpacker = new EntryUnpacker(pack, strings);
  const entry = unpacker.entry(uri);
  return unpacker.intact && unpacker.done ? entry : undefined;
}
