/**
 * Pairs table-of-contents entries with articles by how alike their titles are, not by
 * position: dossiers drop articles from the contents, reorder them, retype titles.
 *
 * Titles are compared as sets of word keys (normalizeForMatching, then clitics stripped, so
 * `وكيري` meets `كيري`), scored with the Dice coefficient; a title that starts with the other
 * (an entry that joins title and subtitle with `...`) scores high too. Each article is also
 * compared with its title and subtitle joined. Pairs are then taken best score first, each
 * entry and article at most once; equal scores go in document order.
 *
 * An inverted index from word keys to articles keeps this near-linear: an entry is only
 * scored against articles sharing one of its rarest words, and only its eight best
 * articles go on to the assignment. Titles that share most of their words with hundreds of
 * others (generated ones, say) may then miss a match; real dossiers do not come close.
 */
import { normalizeForMatching, stripCliticPrefixes } from './arabic';

/**
 * An article's title and subtitle as normalizeForMatching writes them: normalized once per
 * article (see normalizeTitles), since matching runs again after every edit.
 */
export interface NormalizedTitles {
  readonly title: string;
  readonly subtitle?: string;
}

export function normalizeTitles(title: string, subtitle?: string): NormalizedTitles {
  return subtitle === undefined ? { title: normalizeForMatching(title) } : { title: normalizeForMatching(title), subtitle: normalizeForMatching(subtitle) };
}

/** Below this score an entry and an article are not the same piece. */
const MIN_SCORE = 0.5;
/** Score of a pair where one normalized title is a prefix of the other. */
const PREFIX_SCORE = 0.9;
/** A prefix must be this long to count: `كيري` alone is not evidence. */
const MIN_PREFIX_LENGTH = 16;
/** Candidate articles read per entry before the entry's more common words are ignored. */
const CANDIDATE_BUDGET = 512;
/** Best-scoring articles kept per entry for the one-to-one assignment. */
const PAIRS_PER_ENTRY = 8;
/** One-letter keys (a lone `و`) say nothing. */
const MIN_KEY_LENGTH = 2;

interface Title {
  readonly normalized: string;
  /** Sorted, unique word ids. */
  readonly words: readonly number[];
}

/** Sorts a title's few word ids in place (insertion sort) and drops repeats. */
function sortedUnique(ids: number[]): number[] {
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i];
    let j = i - 1;
    for (; j >= 0 && ids[j] > id; j--) ids[j + 1] = ids[j];
    ids[j + 1] = id;
  }
  let kept = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[kept++] = ids[i];
  ids.length = kept;
  return ids;
}

class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();

  title(normalized: string): Title {
    const ids: number[] = [];
    for (let from = 0; from < normalized.length; ) {
      const space = normalized.indexOf(' ', from);
      const to = space < 0 ? normalized.length : space;
      const id = this.wordId(normalized.slice(from, to));
      if (id >= 0) ids.push(id);
      from = to + 1;
    }
    return { normalized, words: sortedUnique(ids) };
  }

  /** The id of a word's key, or -1 for words too short to matter. Keys are computed once per distinct word. */
  private wordId(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const key = stripCliticPrefixes(word);
    let id = -1;
    if (key.length >= MIN_KEY_LENGTH) {
      id = this.keyIds.get(key) ?? this.keyIds.size;
      this.keyIds.set(key, id);
    }
    this.ids.set(word, id);
    return id;
  }
}

/** Title and subtitle read as one title, without normalizing them again. */
function joined(title: Title, subtitle: Title): Title {
  return { normalized: `${title.normalized} ${subtitle.normalized}`, words: sortedUnique([...title.words, ...subtitle.words]) };
}

function dice(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

function startsWithOther(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= MIN_PREFIX_LENGTH && longer.startsWith(shorter);
}

function score(entry: Title, article: readonly Title[]): number {
  let best = 0;
  for (const title of article) {
    best = Math.max(best, startsWithOther(entry.normalized, title.normalized) ? PREFIX_SCORE : 0, dice(entry.words, title.words));
  }
  return best;
}

interface Pair {
  readonly entry: number;
  readonly article: number;
  readonly score: number;
}

/**
 * Word id → articles whose titles hold it, for the words of `wanted` (the entries' words: the
 * only ones candidatesFor looks up). An article's last title holds all its words: the title
 * alone, or the title joined with the subtitle.
 */
function invertedIndex(articles: readonly (readonly Title[])[], wanted: ReadonlySet<number>): Map<number, number[]> {
  const index = new Map<number, number[]>();
  articles.forEach((titles, article) => {
    for (const word of titles[titles.length - 1].words) {
      if (!wanted.has(word)) continue;
      const postings = index.get(word);
      if (postings) postings.push(article);
      else index.set(word, [article]);
    }
  });
  return index;
}

/** Articles sharing the entry's rarest words, read until the budget is spent (the rarest word always). */
function candidatesFor(entry: Title, index: Map<number, number[]>, seen: Int32Array, stamp: number): number[] {
  const postingLists = Array.from(entry.words, (word) => index.get(word) ?? []).sort((a, b) => a.length - b.length);
  const candidates: number[] = [];
  let spent = 0;
  for (const postings of postingLists) {
    if (spent > 0 && spent + postings.length > CANDIDATE_BUDGET) break;
    spent += postings.length;
    for (const article of postings) {
      if (seen[article] === stamp) continue;
      seen[article] = stamp;
      candidates.push(article);
    }
  }
  return candidates;
}

/** Best score first; equal scores in document order. */
function byScoreThenOrder(a: Pair, b: Pair): number {
  return b.score - a.score || a.article - b.article || a.entry - b.entry;
}

/** Inserts `pair` into `best`, kept sorted and at most PAIRS_PER_ENTRY long. */
function keepBest(best: Pair[], pair: Pair): void {
  let at = best.length;
  while (at > 0 && byScoreThenOrder(pair, best[at - 1]) < 0) at--;
  if (at >= PAIRS_PER_ENTRY) return;
  best.splice(at, 0, pair);
  if (best.length > PAIRS_PER_ENTRY) best.pop();
}

/**
 * For each entry title, the index of the article it names, or undefined. One-to-one: no
 * article is given to two entries.
 */
export function matchTocEntries(entryTitles: readonly string[], articles: readonly NormalizedTitles[]): (number | undefined)[] {
  const vocabulary = new Vocabulary();
  const entries = entryTitles.map((text) => vocabulary.title(normalizeForMatching(text)));
  const articleTitles = articles.map(({ title, subtitle }) => {
    const titleWords = vocabulary.title(title);
    return subtitle === undefined ? [titleWords] : [titleWords, joined(titleWords, vocabulary.title(subtitle))];
  });
  const index = invertedIndex(articleTitles, new Set(entries.flatMap((entry) => entry.words)));
  const seen = new Int32Array(articles.length);
  const pairs: Pair[] = [];
  entries.forEach((title, entry) => {
    const best: Pair[] = [];
    for (const article of candidatesFor(title, index, seen, entry + 1)) {
      const pairScore = score(title, articleTitles[article]);
      if (pairScore >= MIN_SCORE) keepBest(best, { entry, article, score: pairScore });
    }
    pairs.push(...best);
  });
  pairs.sort(byScoreThenOrder);

  const matches = new Array<number | undefined>(entryTitles.length).fill(undefined);
  const taken = new Uint8Array(articles.length);
  for (const pair of pairs) {
    if (matches[pair.entry] !== undefined || taken[pair.article]) continue;
    matches[pair.entry] = pair.article;
    taken[pair.article] = 1;
  }
  return matches;
}
