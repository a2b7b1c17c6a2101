/**
 * Index entries packed flat, for the trip from the indexing worker, for the cache and for the
 * index itself: the strings that repeat (authors, times, types, speaker ids, targets, outlets,
 * article titles) once in a string table, referred to by number; the strings an entry keeps
 * for itself (its path) in a list; the annotations' own strings (ids, quotes and their
 * context) one after the other in one string, each one's length among the numbers; every number (offsets, lengths, references, counts, flags) in one Int32Array,
 * and file stamps in one Float64Array. No object or array per annotation: handing a packed
 * shard of two thousand annotations over (a structured clone, or v8.deserialize of a cache
 * file) copies one string and two buffers.
 *
 * The index keeps entries so (PackedClipping): an entry's articles are objects, its
 * annotations stay packed and are made when asked for, and dropped by whoever asked. A
 * million annotations kept as objects were half a gigabyte of small objects and strings that
 * V8's young generation copied at every minor collection (docs/workspace.md); packed, they are
 * a few large strings (over 128 KB: never copied) and buffers outside the heap.
 *
 * An annotation's record is spelled out field by field in four places: EntryPacker.annotation
 * writes it, PackReader.annotation and PackReader.facts read it, PackedClipping.packInto copies
 * it; a change to the record changes all four, and the round-trip tests in indexCache.test.ts
 * fail until it does. One layout that generic loops follow was tried (2026-11-23): in a bundled
 * A/B at load 5-8, facts took 2-4 times as long, unpacking 1.3-2 times and making annotations
 * 1.3 times, and these run for every annotation of every query, warm start and export.
 */
import type { Annotation, ArticleRef, AttributionKind, Polarity, SourceKind, SourceScope } from '../annotations';
import { anchorOf, sourceTagOf, speakerTagOf, stanceTagOf } from './annotationObjects';
import type { AnnotationFacts, IndexedArticle, IndexedClipping } from '../workspaceModel';
import type { IndexEntry, TitlePosition } from './indexEntry';

/** An index into the string table; NONE for an absent optional string. */
type Ref = number;
const NONE = -1;
const SPEAKER = 0;
const STANCE = 1;
const SOURCE = 2;
/** Numbers per article (index, title, outlet, date, start, end) and per title position (line, character, end). */
const ARTICLE_INTS = 6;
const TITLE_INTS = 3;

/** Packed entries: read back in the order they were written, with the same reader. */
export interface FlatPack {
  /** The strings that repeat, each once. */
  readonly strings: readonly string[];
  /**
   * The strings an entry keeps as they are (its path, its sidecar's problem, its URI in a
   * shard), in order: each its own string, since keeping a slice of `text` would keep all of it.
   */
  readonly names: readonly string[];
  /** The annotations' strings, one after the other; the length of each is the number written before it. */
  readonly text: string;
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
  private readonly names: string[] = [];
  private readonly texts: string[] = [];
  private readonly ints: number[] = [];
  private readonly stamps: number[] = [];

  name(name: string): void {
    this.names.push(name);
  }

  int(value: number): void {
    this.ints.push(value);
  }

  stamp(value: number | undefined): void {
    this.stamps.push(value ?? Number.NaN);
  }

  entry({ clipping, titles }: IndexEntry): void {
    const { table, ints } = this;
    this.name(clipping.relativePath);
    ints.push(clipping.sidecarProblem === undefined ? 0 : 1);
    if (clipping.sidecarProblem !== undefined) this.name(clipping.sidecarProblem);
    // A clipping kept packed (the cache written from the index) is copied as it is: no article or annotation made.
    if (clipping instanceof PackedClipping) return clipping.packInto(table, ints, this.texts);
    ints.push(clipping.articles.length);
    for (const article of clipping.articles) ints.push(article.index, table.ref(article.title), table.optional(article.outlet), table.optional(article.date), article.start, article.end);
    ints.push(titles.length);
    for (const title of titles) ints.push(title.line, title.character, title.endCharacter);
    ints.push(clipping.annotations.length);
    for (const annotation of clipping.annotations) this.annotation(annotation);
  }

  finish(): FlatPack {
    return { strings: this.table.strings, names: this.names, text: this.texts.join(''), ints: Int32Array.from(this.ints), stamps: Float64Array.from(this.stamps) };
  }

  private annotation(annotation: Annotation): void {
    const { table, ints } = this;
    const { anchor } = annotation;
    for (const text of [annotation.id, anchor.quote, anchor.prefix, anchor.suffix]) {
      this.texts.push(text);
      ints.push(text.length);
    }
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
 * Where the index keeps a pack's texts and numbers, with the pack's strings as adopted by a
 * pool: the pack's own text, or a longer one that TextArena joined it into, from `base` on.
 */
export class PackSource {
  text: string;
  base = 0;

  constructor(
    pack: FlatPack,
    readonly strings: readonly string[],
    readonly ints: Int32Array = pack.ints,
  ) {
    this.text = pack.text;
  }
}

/**
 * Joins the texts of packs that come one file at a time (the indexing worker's replies) into
 * strings of at least `joinChars` characters. V8 makes strings over 128 KB in its large-object
 * space, which a minor collection never copies; a file's own text (some 30 KB for a hundred
 * annotations) would be copied by every minor collection while it is young, like the small
 * strings of unpacked annotations were.
 */
export class TextArena {
  private pending: PackSource[] = [];
  private chars = 0;

  constructor(private readonly joinChars = 200_000) {}

  add(source: PackSource): void {
    this.pending.push(source);
    this.chars += source.text.length;
    if (this.chars < this.joinChars) return;
    const text = this.pending.map((added) => added.text).join('');
    let base = 0;
    for (const added of this.pending) {
      const length = added.text.length;
      added.text = text;
      added.base = base;
      base += length;
    }
    this.pending = [];
    this.chars = 0;
  }
}

/** Reads a pack's numbers and texts from a position on. */
class PackReader {
  /** Set when a string reference, a length or a count did not fit the pack. */
  badRef = false;
  /** Whether references that are skipped are checked too: when a pack is first read. */
  checking = false;

  constructor(
    readonly source: PackSource,
    public intAt = 0,
    public textAt = 0,
  ) {}

  int(): number {
    return this.source.ints[this.intAt++];
  }

  text(): string {
    const length = this.int();
    if (!(length >= 0)) this.badRef = true;
    const from = this.source.base + this.textAt;
    this.textAt += length;
    return this.source.text.slice(from, from + length);
  }

  string(): string {
    return this.stringAt(this.int());
  }

  optional(): string | undefined {
    const ref = this.int();
    return ref === NONE ? undefined : this.stringAt(ref);
  }

  stringAt(ref: Ref): string {
    const text = this.source.strings[ref];
    if (text === undefined) this.badRef = true;
    return text;
  }

  count(): number {
    return this.countOf(this.int());
  }

  /** Goes past `count` articles, their string references checked, nothing made. */
  articles(count: number): void {
    const { ints, strings } = this.source;
    const end = this.intAt + count * ARTICLE_INTS;
    if (end > ints.length) this.badRef = true;
    for (let at = this.intAt; at < end && !this.badRef; at += ARTICLE_INTS) {
      // title, outlet, date
      if (strings[ints[at + 1]] === undefined || (ints[at + 2] !== NONE && strings[ints[at + 2]] === undefined) || (ints[at + 3] !== NONE && strings[ints[at + 3]] === undefined)) this.badRef = true;
    }
    this.intAt = end;
  }

  /** Goes past `ints` numbers. */
  skip(ints: number): void {
    this.intAt += ints;
    if (this.intAt > this.source.ints.length) this.badRef = true;
  }

  /** A count as read, or 0 when a damaged pack gives none that makes sense (then `badRef`). */
  countOf(value: number): number {
    if (value >= 0 && value <= this.source.ints.length) return value;
    this.badRef = true;
    this.intAt = this.source.ints.length + 1;
    return 0;
  }

  /** The next annotation; anchors in the same article share one reference from `articleRefs`. */
  annotation(articleRefs: Map<number, ArticleRef>): Annotation {
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

  /**
   * Reads the next annotation's facts into `facts`, its texts skipped, nothing made: the record
   * as `annotation` reads it, read here by offset, since every query over the whole index goes
   * through this. The references it does not need are checked only while `checking`.
   */
  facts(facts: MutableFacts): void {
    const { ints, strings } = this.source;
    const at = this.intAt;
    // Lengths of id, quote, prefix, suffix; type; author, created, modified; start, end; article index, title; orphaned.
    this.textAt += ints[at] + ints[at + 1] + ints[at + 2] + ints[at + 3];
    const type = ints[at + 4];
    facts.orphaned = ints[at + 12] === 1;
    const own = at + 13;
    let end: number;
    facts.person = '';
    facts.target = '';
    facts.polarity = '';
    facts.outlet = undefined;
    facts.sourceKind = '';
    switch (type) {
      case SPEAKER: // speaker, kind, cue
        facts.type = 'speaker';
        facts.person = strings[ints[own]];
        end = own + 3;
        break;
      case STANCE: // holder, polarity, target, note
        facts.type = 'stance';
        facts.person = strings[ints[own]];
        facts.polarity = strings[ints[own + 1]];
        facts.target = strings[ints[own + 2]];
        end = own + 4;
        break;
      default: {
        // scope, kind, outlet, writer, how many agencies (NONE for no list), the agencies
        facts.type = 'source';
        facts.sourceKind = strings[ints[own + 1]];
        const outlet = ints[own + 2];
        facts.outlet = outlet === NONE ? undefined : strings[outlet];
        end = own + 5 + Math.max(0, ints[own + 4]);
      }
    }
    if (this.checking) {
      const fits = type === SPEAKER || type === STANCE ? this.recordFits(at, [own, end], end) : ints[own + 4] >= NONE && this.recordFits(at, [own, own + 4, own + 5, end], end);
      if (!fits) this.badRef = true;
    }
    this.intAt = end;
  }

  /** Whether the record from `at` to `end` has lengths that are not negative, and references (the `refs` ranges of the type's own fields, and the common ones) in the table. */
  private recordFits(at: number, refs: readonly number[], end: number): boolean {
    const { ints, strings } = this.source;
    if (end > ints.length || !(ints[at] >= 0 && ints[at + 1] >= 0 && ints[at + 2] >= 0 && ints[at + 3] >= 0)) return false;
    const ranges = [at + 5, at + 8, at + 11, at + 12, ...refs];
    for (let range = 0; range < ranges.length; range += 2) {
      for (let index = ranges[range]; index < ranges[range + 1]; index++) if (ints[index] !== NONE && strings[ints[index]] === undefined) return false;
    }
    return true;
  }
}

type MutableFacts = { -readonly [K in keyof AnnotationFacts]: AnnotationFacts[K] };

/** Facts to be filled in. */
export function blankFacts(): MutableFacts {
  return { type: 'speaker', person: '', target: '', polarity: '', outlet: undefined, sourceKind: '', orphaned: false };
}

/**
 * A clipping as the index keeps it: its articles, their titles' positions and its annotations
 * packed. Articles and title positions are made when first read, and kept (whoever reads them
 * once reads them again: a view's labels, the title search); annotations are made anew at each
 * read of `annotations` (objects that whoever asked drops, and V8 collects young), and
 * `forEachFacts` walks them without making them. Nothing is made per article or annotation
 * while the index is built: what it made then, and kept, V8's young generation copied.
 */
export class PackedClipping implements IndexedClipping {
  private madeArticles: readonly IndexedArticle[] | undefined = undefined;
  private madeTitles: readonly TitlePosition[] | undefined = undefined;

  constructor(
    readonly uri: string,
    readonly relativePath: string,
    readonly sidecarProblem: string | undefined,
    readonly annotationCount: number,
    private readonly source: PackSource,
    /** Where the articles' count is, followed by the articles, the titles' count and the titles. */
    private readonly articlesAt: number,
    private readonly intAt: number,
    private readonly textAt: number,
  ) {}

  get articles(): readonly IndexedArticle[] {
    if (!this.madeArticles) {
      const reader = new PackReader(this.source, this.articlesAt);
      this.madeArticles = Array.from({ length: reader.int() }, (): IndexedArticle => ({ index: reader.int(), title: reader.string(), outlet: reader.optional(), date: reader.optional(), start: reader.int(), end: reader.int() }));
    }
    return this.madeArticles;
  }

  /** Where each article's title is, in article order. */
  get titles(): readonly TitlePosition[] {
    if (!this.madeTitles) {
      const { ints } = this.source;
      const reader = new PackReader(this.source, this.articlesAt + 1 + ints[this.articlesAt] * ARTICLE_INTS);
      this.madeTitles = Array.from({ length: reader.int() }, (): TitlePosition => ({ line: reader.int(), character: reader.int(), endCharacter: reader.int() }));
    }
    return this.madeTitles;
  }

  /**
   * Adds its articles, title positions and annotations to a packer's numbers and texts, as
   * EntryPacker.entry writes them, with string references into the packer's table.
   */
  packInto(table: StringTable, ints: number[], texts: string[]): void {
    const reader = new PackReader(this.source, this.articlesAt, this.textAt);
    const ref = () => table.ref(reader.string());
    const optional = () => table.optional(reader.optional());
    const numbers = (count: number) => {
      for (let left = count; left > 0; left--) ints.push(reader.int());
    };
    const articles = reader.int();
    ints.push(articles);
    for (let left = articles; left > 0; left--) ints.push(reader.int(), ref(), optional(), optional(), reader.int(), reader.int());
    const titles = reader.int();
    ints.push(titles);
    numbers(titles * TITLE_INTS);
    ints.push(reader.int());
    for (let left = this.annotationCount; left > 0; left--) {
      // id, quote, prefix, suffix; type; author, created, modified; start, end; article index, title; orphaned.
      for (let text = 0; text < 4; text++) {
        const read = reader.text();
        texts.push(read);
        ints.push(read.length);
      }
      const type = reader.int();
      ints.push(type, ref(), ref(), ref(), reader.int(), reader.int(), reader.int(), optional(), reader.int());
      if (type === SPEAKER) ints.push(ref(), ref(), optional());
      else if (type === STANCE) ints.push(ref(), ref(), ref(), optional());
      else {
        ints.push(ref(), ref(), optional(), optional());
        const agencies = reader.int();
        ints.push(agencies);
        for (let left = agencies; left > 0; left--) ints.push(ref());
      }
    }
  }

  get annotations(): Annotation[] {
    const reader = new PackReader(this.source, this.intAt, this.textAt);
    const articleRefs = new Map<number, ArticleRef>();
    return Array.from({ length: this.annotationCount }, () => reader.annotation(articleRefs));
  }

  /** Calls `visit` for each annotation with its facts (one object, filled anew each time) and a way to make the annotation itself. */
  forEachFacts(visit: (facts: AnnotationFacts, annotation: () => Annotation) => void): void {
    const reader = new PackReader(this.source, this.intAt, this.textAt);
    const facts = blankFacts();
    const articleRefs = new Map<number, ArticleRef>();
    let intAt = 0;
    let textAt = 0;
    const make = () => new PackReader(this.source, intAt, textAt).annotation(articleRefs);
    for (let left = this.annotationCount; left > 0; left--) {
      intAt = reader.intAt;
      textAt = reader.textAt;
      reader.facts(facts);
      visit(facts, make);
    }
  }
}

/** A packed clipping's entry: its title positions are the clipping's, made when first read. */
class PackedEntry implements IndexEntry {
  constructor(readonly clipping: PackedClipping) {}

  get titles(): readonly TitlePosition[] {
    return this.clipping.titles;
  }
}

/**
 * Reads a pack back in the order it was written. Entries come back as PackedClipping over the
 * pack's source. A damaged pack reads past its end: `intact` then says so.
 */
export class EntryUnpacker {
  private readonly reader: PackReader;
  private nameAt = 0;
  private stampAt = 0;
  private readonly scratch = blankFacts();

  constructor(
    private readonly pack: FlatPack,
    readonly source: PackSource,
  ) {
    this.reader = new PackReader(source);
    this.reader.checking = true;
  }

  /** Whether everything was read, and nothing beyond. */
  get done(): boolean {
    const { reader, pack } = this;
    return this.nameAt === pack.names.length && reader.textAt === pack.text.length && reader.intAt === this.source.ints.length && this.stampAt === pack.stamps.length;
  }

  /** Whether no read went past the end, and every string reference was in the table. */
  get intact(): boolean {
    const { reader, pack } = this;
    return this.nameAt <= pack.names.length && reader.textAt <= pack.text.length && reader.intAt <= this.source.ints.length && this.stampAt <= pack.stamps.length && !reader.badRef;
  }

  name(): string {
    return this.pack.names[this.nameAt++];
  }

  int(): number {
    return this.reader.int();
  }

  /** A stamp, undefined for none. */
  stamp(): number | undefined {
    const value = this.pack.stamps[this.stampAt++];
    return Number.isNaN(value) ? undefined : value;
  }

  /** The next entry, for clipping `uri`: its articles, titles and annotations read through (their references checked), left packed. */
  entry(uri: string): IndexEntry {
    const { reader } = this;
    const relativePath = this.name();
    const sidecarProblem = reader.int() === 1 ? this.name() : undefined;
    const articlesAt = reader.intAt;
    reader.articles(reader.count());
    reader.skip(reader.count() * TITLE_INTS);
    const count = reader.count();
    const { intAt, textAt } = reader;
    for (let left = count; left > 0 && !reader.badRef; left--) reader.facts(this.scratch);
    return new PackedEntry(new PackedClipping(uri, relativePath, sidecarProblem, count, this.source, articlesAt, intAt, textAt));
  }
}

/** One entry packed on its own (what the indexing worker hands over for a file). */
export function packEntry(entry: IndexEntry): FlatPack {
  const packer = new EntryPacker();
  packer.entry(entry);
  return packer.finish();
}

/**
 * The entry of clipping `uri` packed on its own by packEntry, its strings adopted by a pool and
 * its text given to `arena` when there is one; undefined when the pack is damaged.
 */
export function unpackEntry(uri: string, pack: FlatPack, strings: readonly string[], arena?: TextArena): IndexEntry | undefined {
  const unpacker = new EntryUnpacker(pack, new PackSource(pack, strings));
  const entry = unpacker.entry(uri);
  if (!unpacker.intact || !unpacker.done) return undefined;
  arena?.add(unpacker.source);
  return entry;
}
