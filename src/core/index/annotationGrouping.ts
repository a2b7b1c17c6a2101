/**
 * How the Annotations view arranges the annotations of the whole workspace: by speaker, by
 * stance target and polarity, by source, or by file, with orphans apart. Pure, and one pass
 * over the index that reads packed annotations where they are (forEachAnnotation) and
 * allocates nothing per annotation, so the view stays quick with a million annotations
 * (bench/workspace.bench.ts). The counts can also be kept up to date clipping by
 * clipping (GroupTally), so that a changed file costs its own annotations, not the index's.
 */
import { normalizeForMatching } from '../arabic';
import { compareText, POLARITIES, type Annotation } from '../annotations';
import { factsOf, forEachAnnotation, type AnnotationFacts, type IndexedClipping } from '../workspaceModel';

export type GroupingMode = 'speaker' | 'stance' | 'source' | 'file';
export const GROUPING_MODES: readonly GroupingMode[] = ['speaker', 'stance', 'source', 'file'];

export interface AnnotationRef {
  readonly clipping: IndexedClipping;
  readonly annotation: Annotation;
}

/**
 * What a group gathers. Its key is stable for its kind: a speaker id, a target or an outlet
 * after Arabic normalization (spelling variants share a group), a polarity, a source kind when
 * no outlet is named, a file URI.
 */
export type GroupKind = 'orphans' | 'speaker' | 'target' | 'polarity' | 'outlet' | 'sourceKind' | 'file';

export interface AnnotationGroup {
  readonly kind: GroupKind;
  readonly key: string;
  /**
   * The spelling most annotations use, the first in code-unit order on a tie (target, outlet),
   * the relative path (file), else the key itself.
   */
  readonly label: string;
  /** Annotations in the group and in its subgroups. */
  readonly count: number;
  /** Only targets have subgroups: one per polarity. */
  readonly subgroups: readonly AnnotationGroup[];
  /** The URI of a clipping the group's annotations come from: its registry names a speaker group. */
  readonly sampleUri: string;
}

/** Where a group is: its kind and key, then its subgroup's for a subgroup. */
export type GroupPath = readonly { readonly kind: GroupKind; readonly key: string }[];

/** Which annotations a view shows. Given one, grouping makes every annotation it tests (see IndexedClipping.annotations). */
export type AnnotationTest = (clipping: IndexedClipping, annotation: Annotation) => boolean;

/** Called once per level of an annotation's group: the group, then (for targets) the polarity. */
type PlaceVisitor = (kind: GroupKind, key: string, label: string) => void;

const ORPHANS: GroupPath = [{ kind: 'orphans', key: '' }];

/**
 * The groups of `clippings` under `mode` with their counts, orphans first in a group of their
 * own, the others by size (largest first), files by path; only annotations `matches` accepts.
 * Counting is all the view needs to open: a group's annotations are gathered when it is
 * expanded (annotationsInGroup).
 */
export function groupAnnotations(clippings: readonly IndexedClipping[], mode: GroupingMode, matches?: AnnotationTest): AnnotationGroup[] {
  const tally = new GroupTally(mode, matches);
  for (const clipping of clippings) tally.add(clipping);
  return tally.groups();
}

/**
 * The counts of groupAnnotations, kept as clippings come and go: `add` a clipping once, and
 * `remove` that same object when it is replaced or gone (IndexedClipping objects do not change).
 * Each call walks the clipping's annotations only; `groups()` costs the number of groups.
 */
export class GroupTally {
  private readonly placer: GroupPlacer;
  private readonly root = new GroupBuilder('orphans', '', '', '');
  private orphans: GroupBuilder | undefined;
  /** One visitor for every walk: nothing is allocated per annotation. */
  private group: GroupBuilder = this.root;
  private sampleUri = '';
  private sign = 1;
  private readonly descend: PlaceVisitor = (kind, key, label) => {
    this.group = this.group.child(kind, key, label, this.sampleUri);
    this.group.spell(label, this.sign);
  };

  constructor(
    readonly mode: GroupingMode,
    private readonly matches?: AnnotationTest,
  ) {
    this.placer = new GroupPlacer(mode);
  }

  add(clipping: IndexedClipping): void {
    this.count(clipping, 1);
  }

  remove(clipping: IndexedClipping): void {
    this.count(clipping, -1);
  }

  groups(): AnnotationGroup[] {
    const groups = this.root.subgroups(this.mode === 'file' ? byLabel : bySize);
    return this.orphans && this.orphans.ownCount > 0 ? [this.orphans.build(bySize), ...groups] : groups;
  }

  private count(clipping: IndexedClipping, sign: number): void {
    this.sign = sign;
    this.sampleUri = clipping.uri;
    const { matches } = this;
    forEachAnnotation(clipping, (facts, annotation) => {
      if (matches && !matches(clipping, annotation())) return;
      if (facts.orphaned) {
        this.orphans ??= new GroupBuilder('orphans', '', '', clipping.uri);
        this.orphans.ownCount += sign;
        return;
      }
      this.group = this.root;
      this.placer.place(clipping, facts, this.descend);
      if (this.group !== this.root) this.group.ownCount += sign;
    });
  }
}

/** The annotations of the group at `path` (not of its subgroups), in the order of `clippings`. */
export function annotationsInGroup(clippings: readonly IndexedClipping[], mode: GroupingMode, path: GroupPath, matches?: AnnotationTest): AnnotationRef[] {
  const placer = new GroupPlacer(mode);
  const wantsOrphans = path.length === 1 && path[0].kind === 'orphans';
  let depth = 0;
  let onPath = true;
  const follow: PlaceVisitor = (kind, key) => {
    const step = path[depth++];
    onPath &&= step !== undefined && step.kind === kind && step.key === key;
  };
  const found: AnnotationRef[] = [];
  for (const clipping of clippings) {
    forEachAnnotation(clipping, (facts, make) => {
      let annotation: Annotation | undefined;
      if (matches && !matches(clipping, (annotation = make()))) return;
      if (facts.orphaned !== wantsOrphans) return;
      if (!wantsOrphans) {
        depth = 0;
        onPath = true;
        placer.place(clipping, facts, follow);
        if (!onPath || depth !== path.length) return;
      }
      found.push({ clipping, annotation: annotation ?? make() });
    });
  }
  return found;
}

/** The path of the group an annotation is shown in, or undefined when the mode leaves it out. */
export function groupPlaceOf(ref: AnnotationRef, mode: GroupingMode): GroupPath | undefined {
  if (ref.annotation.anchor.orphaned) return ORPHANS;
  const path: { kind: GroupKind; key: string }[] = [];
  new GroupPlacer(mode).place(ref.clipping, factsOf(ref.annotation), (kind, key) => path.push({ kind, key }));
  return path.length > 0 ? path : undefined;
}

class GroupPlacer {
  /** Normalization is the costly part; targets and outlets repeat, so each is normalized once. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly mode: GroupingMode) {}

  /** Tells `visit` the groups of an annotation that is not orphaned; nothing when the mode leaves it out. */
  place(clipping: IndexedClipping, facts: AnnotationFacts, visit: PlaceVisitor): void {
    switch (this.mode) {
      case 'speaker':
        if (facts.type !== 'source') visit('speaker', facts.person, facts.person);
        return;
      case 'stance':
        if (facts.type === 'stance') {
          visit('target', this.keyOf(facts.target), facts.target);
          visit('polarity', facts.polarity, facts.polarity);
        }
        return;
      case 'source':
        if (facts.type === 'source') this.placeSource(facts, visit);
        return;
      case 'file':
        visit('file', clipping.uri, clipping.relativePath);
        return;
    }
  }

  private placeSource(source: AnnotationFacts, visit: PlaceVisitor): void {
    const outlet = source.outlet?.trim();
    const key = outlet ? this.keyOf(outlet) : '';
    if (outlet && key) visit('outlet', key, outlet);
    else visit('sourceKind', source.sourceKind, source.sourceKind);
  }

  private keyOf(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      key = normalizeForMatching(text);
      this.keys.set(text, key);
    }
    return key;
  }
}

class GroupBuilder {
  /** Annotations in this group itself, not in its subgroups. */
  ownCount = 0;
  private readonly children = new Map<string, GroupBuilder>();
  /** How many annotations use each spelling, for the kinds whose keys are normalized. */
  private readonly spellings: Map<string, number> | undefined;

  constructor(
    private readonly kind: GroupKind,
    private readonly key: string,
    private readonly label: string,
    private readonly sampleUri: string,
  ) {
    if (kind === 'target' || kind === 'outlet') this.spellings = new Map();
  }

  /** Counts one annotation (or takes one back, `sign` -1) spelling the group `label`. */
  spell(label: string, sign: number): void {
    this.spellings?.set(label, (this.spellings.get(label) ?? 0) + sign);
  }

  private get shownLabel(): string {
    if (!this.spellings) return this.label;
    let best = this.label;
    let most = 0;
    for (const [spelling, count] of this.spellings) {
      if (count > most || (count === most && count > 0 && compareText(spelling, best) < 0)) {
        best = spelling;
        most = count;
      }
    }
    return best;
  }

  child(kind: GroupKind, key: string, label: string, sampleUri: string): GroupBuilder {
    let child = this.children.get(key);
    if (!child) {
      child = new GroupBuilder(kind, key, label, sampleUri);
      this.children.set(key, child);
    }
    return child;
  }

  /** The groups below, those left empty by removals left out. */
  subgroups(order: (a: AnnotationGroup, b: AnnotationGroup) => number): AnnotationGroup[] {
    const groups: AnnotationGroup[] = [];
    for (const [key, child] of this.children) {
      const group = child.build(order);
      if (group.count > 0) groups.push(group);
      else this.children.delete(key);
    }
    return groups.sort(order);
  }

  build(order: (a: AnnotationGroup, b: AnnotationGroup) => number): AnnotationGroup {
    const subgroups = this.kind === 'target' ? this.polaritySubgroups() : this.subgroups(order);
    const count = this.ownCount + subgroups.reduce((sum, group) => sum + group.count, 0);
    return { kind: this.kind, key: this.key, label: this.shownLabel, count, subgroups, sampleUri: this.sampleUri };
  }

  private polaritySubgroups(): AnnotationGroup[] {
    return POLARITIES.flatMap((polarity) => {
      const child = this.children.get(polarity)?.build(bySize);
      return child && child.count > 0 ? [child] : [];
    });
  }
}

function bySize(a: AnnotationGroup, b: AnnotationGroup): number {
  return b.count - a.count || compareText(a.label, b.label);
}

function byLabel(a: AnnotationGroup, b: AnnotationGroup): number {
  return compareText(a.label, b.label) || compareText(a.key, b.key);
}
