/**
 * What one dossier, or a folder of them, records: who speaks and how, who is for or against
 * what, and where the articles come from. Pure counting over the workspace index's plain
 * data; docs/reports.md explains each table.
 */

import { normalizeForMatching } from '../arabic';
import { compareText, POLARITIES, SOURCE_KINDS, type Annotation, type Polarity, type SourceKind, type SourceTag } from '../annotations';
import { forEachAnnotation, type IndexedClipping, type SpeakerLookup } from '../workspaceModel';

export type PolarityCounts = Readonly<Record<Polarity, number>>;

export interface ClippingLine {
  readonly uri: string;
  readonly relativePath: string;
  readonly articles: number;
  readonly speakerTags: number;
  readonly stanceTags: number;
  readonly sourceTags: number;
  /** Why its sidecar could not be read: its tags are missing from every count. */
  readonly sidecarProblem: string | undefined;
}

export interface SpeakerLine {
  readonly id: string;
  /** From the speaker registry; the id when the registry does not know it. */
  readonly name: string;
  readonly direct: number;
  readonly reported: number;
}

export interface HolderLine {
  readonly id: string;
  readonly name: string;
  readonly counts: PolarityCounts;
}

export interface StanceLine {
  readonly holder: string;
  readonly holderName: string;
  /** The most frequent spelling among those that normalize alike (see normalizeForMatching). */
  readonly target: string;
  readonly counts: PolarityCounts;
}

export interface SourceLine {
  /** The tag's outlet, or its article's; undefined when neither names one. */
  readonly outlet: string | undefined;
  readonly kind: SourceKind;
  readonly count: number;
}

export interface CitationLine {
  readonly outlet: string | undefined;
  readonly agency: string;
  readonly count: number;
}

export interface Summary {
  readonly clippings: readonly ClippingLine[];
  readonly articles: number;
  readonly speakers: readonly SpeakerLine[];
  /** Every holder's stances over all targets: the rows of the stance chart. */
  readonly holders: readonly HolderLine[];
  /** One line per holder and target. */
  readonly stances: readonly StanceLine[];
  readonly sourceKinds: readonly { readonly kind: SourceKind; readonly count: number }[];
  readonly sources: readonly SourceLine[];
  /** Which outlets cite which agencies: the `agencies` of source tags, under the tag's outlet. */
  readonly citations: readonly CitationLine[];
}

export function summarize(clippings: readonly IndexedClipping[], speakerOf: SpeakerLookup): Summary {
  const tally = new SummaryTally(speakerOf);
  clippings.forEach((clipping) => tally.add(clipping));
  return tally.result(clippings);
}

class SummaryTally {
  private readonly names = new Map<string, string>();
  private readonly speakers = new Map<string, { direct: number; reported: number }>();
  private readonly stances = new Map<string, { holder: string; target: Spellings; counts: Record<Polarity, number> }>();
  /** Outlets and agencies by spelling key, so that a name reads the same in every table. An unnamed outlet has the key ''. */
  private readonly organizations = new Map<string, Spellings>();
  private readonly sources = new Map<string, { outlet: string; kind: SourceKind; count: number }>();
  private readonly citations = new Map<string, { outlet: string; agency: string; count: number }>();

  constructor(private readonly speakerOf: SpeakerLookup) {}

  add(clipping: IndexedClipping): void {
    for (const annotation of clipping.annotations) {
      switch (annotation.type) {
        case 'speaker':
          this.learnName(clipping, annotation.speaker);
          entryOf(this.speakers, annotation.speaker, () => ({ direct: 0, reported: 0 }))[annotation.kind]++;
          break;
        case 'stance': {
          this.learnName(clipping, annotation.holder);
          const target = spellingKey(annotation.target);
          const line = entryOf(this.stances, JSON.stringify([annotation.holder, target]), () => ({ holder: annotation.holder, target: new Spellings(), counts: noStances() }));
          line.target.add(annotation.target);
          line.counts[annotation.polarity]++;
          break;
        }
        case 'source':
          this.addSource(annotation, outletOf(annotation, clipping));
          break;
      }
    }
  }

  result(clippings: readonly IndexedClipping[]): Summary {
    const stances = this.stanceLines();
    const sources = this.sourceLines();
    return {
      clippings: clippings.map(clippingLine),
      articles: clippings.reduce((sum, clipping) => sum + clipping.articles.length, 0),
      speakers: this.speakerLines(),
      holders: holderLines(stances),
      stances,
      sourceKinds: SOURCE_KINDS.map((kind) => ({ kind, count: sources.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.count, 0) })).filter(({ count }) => count > 0),
      sources,
      citations: this.citationLines(),
    };
  }

  private speakerLines(): SpeakerLine[] {
    return [...this.speakers]
      .map(([id, counts]) => ({ id, name: this.nameOf(id), ...counts }))
      .sort((a, b) => b.direct + b.reported - (a.direct + a.reported) || compareText(a.name, b.name));
  }

  /** Grouped by holder, the holder with most stances first, then by target, the most frequent first. */
  private stanceLines(): StanceLine[] {
    const lines = [...this.stances.values()].map(({ holder, target, counts }) => ({ holder, holderName: this.nameOf(holder), target: target.mostFrequent(), counts }));
    const holderTotals = new Map<string, number>();
    lines.forEach((line) => holderTotals.set(line.holder, (holderTotals.get(line.holder) ?? 0) + total(line.counts)));
    const holderTotal = (line: StanceLine) => holderTotals.get(line.holder) ?? 0;
    return lines.sort(
      (a, b) => holderTotal(b) - holderTotal(a) || compareText(a.holderName, b.holderName) || compareText(a.holder, b.holder) || total(b.counts) - total(a.counts) || compareText(a.target, b.target),
    );
  }

  private sourceLines(): SourceLine[] {
    return [...this.sources.values()]
      .map(({ outlet, kind, count }) => ({ outlet: this.organizationName(outlet), kind, count }))
      .sort((a, b) => b.count - a.count || compareOutlets(a.outlet, b.outlet) || SOURCE_KINDS.indexOf(a.kind) - SOURCE_KINDS.indexOf(b.kind));
  }

  private citationLines(): CitationLine[] {
    return [...this.citations.values()]
      .map(({ outlet, agency, count }) => ({ outlet: this.organizationName(outlet), agency: this.organizationName(agency) ?? agency, count }))
      .sort((a, b) => compareOutlets(a.outlet, b.outlet) || b.count - a.count || compareText(a.agency, b.agency));
  }

  private addSource(tag: SourceTag, outletName: string): void {
    const outlet = this.organization(outletName);
    entryOf(this.sources, JSON.stringify([outlet, tag.kind]), () => ({ outlet, kind: tag.kind, count: 0 })).count++;
    for (const agencyName of tag.agencies ?? []) {
      const agency = this.organization(agencyName);
      entryOf(this.citations, JSON.stringify([outlet, agency]), () => ({ outlet, agency, count: 0 })).count++;
    }
  }

  /** Records one spelling of an outlet or agency; returns its key. */
  private organization(name: string): string {
    const key = spellingKey(name);
    entryOf(this.organizations, key, () => new Spellings()).add(name);
    return key;
  }

  /** How an outlet or agency is shown; undefined for the unnamed outlet. */
  private organizationName(key: string): string | undefined {
    return this.organizations.get(key)?.mostFrequent() || undefined;
  }

  /** Registries belong to workspace folders: a speaker id is looked up where it was used. */
  private learnName(clipping: IndexedClipping, speakerId: string): void {
    if (!this.names.has(speakerId)) {
      const name = this.speakerOf(clipping.uri, speakerId)?.name;
      if (name !== undefined) this.names.set(speakerId, name);
    }
  }

  private nameOf(speakerId: string): string {
    return this.names.get(speakerId) ?? speakerId;
  }
}

/** Each holder's stances summed over targets, in the order of the stance lines. */
function holderLines(stances: readonly StanceLine[]): HolderLine[] {
  const holders = new Map<string, HolderLine & { counts: Record<Polarity, number> }>();
  for (const line of stances) {
    const holder = entryOf(holders, line.holder, () => ({ id: line.holder, name: line.holderName, counts: noStances() }));
    POLARITIES.forEach((polarity) => (holder.counts[polarity] += line.counts[polarity]));
  }
  return [...holders.values()];
}

/** A source tag's outlet, or else the outlet the parser read in the article it is in; '' when neither names one. */
function outletOf(tag: SourceTag, clipping: IndexedClipping): string {
  const article = clipping.articles.find((candidate) => candidate.start <= tag.anchor.start && tag.anchor.start < candidate.end);
  return tag.outlet?.trim() || article?.outlet?.trim() || '';
}

function clippingLine(clipping: IndexedClipping): ClippingLine {
  const counts: Record<Annotation['type'], number> = { speaker: 0, stance: 0, source: 0 };
  forEachAnnotation(clipping, (facts) => counts[facts.type]++);
  return {
    uri: clipping.uri,
    relativePath: clipping.relativePath,
    articles: clipping.articles.length,
    speakerTags: counts.speaker,
    stanceTags: counts.stance,
    sourceTags: counts.source,
    sidecarProblem: clipping.sidecarProblem,
  };
}

/** Names written differently by different people (رويترز, رويترز‎, Reuters, reuters) meet when they normalize alike. */
function spellingKey(name: string): string {
  return name.trim() === '' ? '' : normalizeForMatching(name) || name.trim();
}

/** The spellings seen of one name, to show the most frequent. */
class Spellings {
  private readonly counts = new Map<string, number>();

  add(spelling: string): void {
    const trimmed = spelling.trim();
    this.counts.set(trimmed, (this.counts.get(trimmed) ?? 0) + 1);
  }

  /** The most frequent spelling; the first seen among equals. */
  mostFrequent(): string {
    let best = '';
    let bestCount = 0;
    this.counts.forEach((count, spelling) => {
      if (count > bestCount) [best, bestCount] = [spelling, count];
    });
    return best;
  }
}

function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function noStances(): Record<Polarity, number> {
  return { favor: 0, against: 0, neutral: 0, mixed: 0 };
}

function total(counts: PolarityCounts): number {
  return POLARITIES.reduce((sum, polarity) => sum + counts[polarity], 0);
}

/** Named outlets first, in text order; the unnamed last. */
function compareOutlets(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return Number(a === undefined) - Number(b === undefined);
  return compareText(a, b);
}
