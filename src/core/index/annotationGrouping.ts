/**
 * How the Annotations view arranges the annotations of the whole workspace: by speaker, by
 * stance target and polarity, by source, or by file, with orphans apart. Pure and one pass
 * over the index, so the view stays quick with a million annotations (bench/workspace.bench.ts).
 */
import { normalizeForMatching } from '../arabic';
import { compareText, POLARITIES, type Annotation, type SourceTag } from '../annotations';
import type { IndexedClipping } from '../workspaceModel';

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
  /** The first spelling met (target, outlet), the relative path (file), else the key itself. */
  readonly label: string;
  /** Annotations in the group and in its subgroups. */
  readonly count: number;
  /** Only targets have subgroups: one per polarity. */
  readonly subgroups: readonly AnnotationGroup[];
  /** By file, then in document order. */
  readonly items: readonly AnnotationRef[];
}

/** Called once per level of an annotation's group: the group, then (for targets) the polarity. */
type PlaceVisitor = (kind: GroupKind, key: string, label: string) => void;

/**
 * The groups of `clippings` (walked in the order given) under `mode`, orphans first in a group
 * of their own, the others by size (largest first); only annotations `matches` accepts.
 */
export function groupAnnotations(clippings: readonly IndexedClipping[], mode: GroupingMode, matches?: (ref: AnnotationRef) => boolean): AnnotationGroup[] {
  const placer = new GroupPlacer(mode);
  const root = new GroupBuilder('orphans', '', '');
  const orphans = new GroupBuilder('orphans', '', '');
  // One visitor for the whole walk: nothing is allocated per annotation but its reference.
  let group: GroupBuilder = root;
  const descend: PlaceVisitor = (kind, key, label) => {
    group = group.child(kind, key, label);
  };
  for (const clipping of clippings) {
    for (const annotation of clipping.annotations) {
      const ref = { clipping, annotation };
      if (matches && !matches(ref)) continue;
      if (annotation.anchor.orphaned) {
        orphans.items.push(ref);
        continue;
      }
      group = root;
      placer.place(ref, descend);
      if (group !== root) group.items.push(ref);
    }
  }
  const groups = root.subgroups(mode === 'file' ? byLabel : bySize);
  return orphans.items.length > 0 ? [orphans.build(bySize), ...groups] : groups;
}

/** The group (and subgroup) an annotation belongs to, or undefined when the mode leaves it out. */
export function groupPlaceOf(ref: AnnotationRef, mode: GroupingMode): readonly { kind: GroupKind; key: string }[] | undefined {
  if (ref.annotation.anchor.orphaned) return [{ kind: 'orphans', key: '' }];
  const path: { kind: GroupKind; key: string }[] = [];
  new GroupPlacer(mode).place(ref, (kind, key) => path.push({ kind, key }));
  return path.length > 0 ? path : undefined;
}

class GroupPlacer {
  /** Normalization is the costly part; targets and outlets repeat, so each is normalized once. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly mode: GroupingMode) {}

  /** Tells `visit` the groups of an annotation that is not orphaned; nothing when the mode leaves it out. */
  place({ clipping, annotation }: AnnotationRef, visit: PlaceVisitor): void {
    switch (this.mode) {
      case 'speaker':
        if (annotation.type === 'speaker') visit('speaker', annotation.speaker, annotation.speaker);
        else if (annotation.type === 'stance') visit('speaker', annotation.holder, annotation.holder);
        return;
      case 'stance':
        if (annotation.type === 'stance') {
          visit('target', this.keyOf(annotation.target), annotation.target);
          visit('polarity', annotation.polarity, annotation.polarity);
        }
        return;
      case 'source':
        if (annotation.type === 'source') this.placeSource(annotation, visit);
        return;
      case 'file':
        visit('file', clipping.uri, clipping.relativePath);
        return;
    }
  }

  private placeSource(source: SourceTag, visit: PlaceVisitor): void {
    const outlet = source.outlet?.trim();
    const key = outlet ? this.keyOf(outlet) : '';
    if (outlet && key) visit('outlet', key, outlet);
    else visit('sourceKind', source.kind, source.kind);
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
  readonly items: AnnotationRef[] = [];
  private readonly children = new Map<string, GroupBuilder>();

  constructor(
    private readonly kind: GroupKind,
    private readonly key: string,
    private readonly label: string,
  ) {}

  child(kind: GroupKind, key: string, label: string): GroupBuilder {
    let child = this.children.get(key);
    if (!child) {
      child = new GroupBuilder(kind, key, label);
      this.children.set(key, child);
    }
    return child;
  }

  subgroups(order: (a: AnnotationGroup, b: AnnotationGroup) => number): AnnotationGroup[] {
    return [...this.children.values()].map((child) => child.build(order)).sort(order);
  }

  build(order: (a: AnnotationGroup, b: AnnotationGroup) => number): AnnotationGroup {
    const subgroups = this.kind === 'target' ? this.polaritySubgroups() : this.subgroups(order);
    const count = this.items.length + subgroups.reduce((sum, group) => sum + group.count, 0);
    return { kind: this.kind, key: this.key, label: this.label, count, subgroups, items: this.items };
  }

  private polaritySubgroups(): AnnotationGroup[] {
    return POLARITIES.flatMap((polarity) => {
      const child = this.children.get(polarity);
      return child ? [child.build(bySize)] : [];
    });
  }
}

function bySize(a: AnnotationGroup, b: AnnotationGroup): number {
  return b.count - a.count || compareText(a.label, b.label);
}

function byLabel(a: AnnotationGroup, b: AnnotationGroup): number {
  return compareText(a.label, b.label) || compareText(a.key, b.key);
}
