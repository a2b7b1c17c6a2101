import * as vscode from 'vscode';
import {
  annotationsInGroup,
  GROUPING_MODES,
  groupPlaceOf,
  GroupTally,
  type AnnotationGroup,
  type AnnotationRef,
  type AnnotationTest,
  type GroupingMode,
  type GroupPath,
} from '../../core/index/annotationGrouping';
import { annotationMatcher, articleOf, selectAnnotations } from '../../core/index/workspaceQueries';
import type { Polarity, SourceKind, Speaker } from '../../core/annotations';
import type { IndexedClipping } from '../../core/workspaceModel';
import { describeAnnotation, iconOf } from '../annotations/annotationLabels';
import { quotePreview } from '../annotations/annotationGroups';
import { polarityLabel, sourceKindLabel } from '../annotations/pickers';
import { nextTurn, runInSlices, SLICE_MS } from '../annotations/slices';
import type { ClippingWorkspaceIndex } from './clippingWorkspaceIndex';

export const VIEW_ID = 'clippings.annotations';
const MODE_KEY = 'clippings.annotations.groupBy';
const FILTERED_CONTEXT = 'clippings.annotations.filtered';

export interface GroupNode {
  readonly type: 'group';
  readonly group: AnnotationGroup;
  readonly parent: GroupNode | undefined;
  readonly path: GroupPath;
  readonly id: string;
  /** Made on first expansion and kept, so that `reveal` finds the same objects. */
  children?: Promise<readonly ViewNode[]>;
}

export interface ItemNode {
  readonly type: 'item';
  readonly ref: AnnotationRef;
  readonly parent: GroupNode;
}

export type ViewNode = GroupNode | ItemNode;

/** Whether a command argument is an annotation of this view (what its context menu passes). */
export function isItemNode(value: unknown): value is ItemNode {
  return typeof value === 'object' && value !== null && (value as Partial<ItemNode>).type === 'item' && typeof (value as Partial<ItemNode>).ref === 'object';
}

/** The tree as plain data, for tests (`clippings._annotationsTree`). */
export interface TreeSnapshot {
  readonly mode: GroupingMode;
  readonly filter: string;
  readonly groups: readonly SnapshotNode[];
}

export interface SnapshotNode {
  readonly label: string;
  readonly description: string;
  readonly contextValue: string | undefined;
  /** `uri#id` for an annotation. */
  readonly id: string;
  readonly children?: readonly SnapshotNode[];
}

/**
 * The Annotations view: every annotation of the workspace index, grouped by speaker, by
 * stance target and polarity, by source or by file, orphans in a group of their own, narrowed
 * by a filter that matches any spelling. Without a filter the group counts are kept up to date
 * clipping by clipping: after a change, only the clippings that changed are counted again, so
 * that the view follows an index being built without going over a million annotations each
 * time. A filter, and a group's annotations, go over the index in slices.
 */
export class AnnotationsTreeProvider implements vscode.TreeDataProvider<ViewNode> {
  private roots: Promise<GroupNode[]> | undefined;
  /** One computation of the roots at a time: they share the tally. */
  private computing: Promise<unknown> = Promise.resolve();
  /** The counts without a filter, for `tally.mode`, and the clipping objects counted in them by URI. */
  private tally: GroupTally | undefined;
  private readonly counted = new Map<string, IndexedClipping>();
  /** The filter's test, as the current roots were counted with it: their groups' items are gathered with it too. */
  private test: AnnotationTest | undefined;
  private filterText = '';
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly index: ClippingWorkspaceIndex,
    private readonly state: vscode.Memento,
  ) {}

  get mode(): GroupingMode {
    const stored = this.state.get<string>(MODE_KEY);
    return GROUPING_MODES.find((mode) => mode === stored) ?? 'speaker';
  }

  get filter(): string {
    return this.filterText;
  }

  async setMode(mode: GroupingMode): Promise<void> {
    await this.state.update(MODE_KEY, mode);
    this.refresh();
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterText !== '');
    this.refresh();
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    return node ? this.childrenOf(node) : this.rootNodes();
  }

  private async childrenOf(node: ViewNode): Promise<ViewNode[]> {
    if (node.type === 'item') return [];
    node.children ??= node.group.subgroups.length > 0 ? Promise.resolve(node.group.subgroups.map((group) => groupNode(group, node))) : this.itemsOf(node);
    return [...(await node.children)];
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    return node.type === 'group' ? this.groupItem(node) : this.annotationItem(node);
  }

  /** The node showing annotation `id` of `uri`, when the current grouping and filter show it. */
  async nodeFor(uri: string, id: string): Promise<ItemNode | undefined> {
    const clipping = this.index.clippings(vscode.Uri.parse(uri)).find((candidate) => candidate.uri === uri);
    const annotation = clipping?.annotations.find((candidate) => candidate.id === id);
    const path = clipping && annotation && groupPlaceOf({ clipping, annotation }, this.mode);
    let level: readonly ViewNode[] = await this.rootNodes();
    for (const step of path ?? []) {
      const group = level.find((node): node is GroupNode => node.type === 'group' && node.group.kind === step.kind && node.group.key === step.key);
      if (!group) return undefined;
      level = await this.childrenOf(group);
    }
    return level.find((node): node is ItemNode => node.type === 'item' && node.ref.clipping.uri === uri && node.ref.annotation.id === id);
  }

  /** The whole tree as it is shown, every group expanded. */
  async snapshot(): Promise<TreeSnapshot> {
    const describe = async (node: ViewNode): Promise<SnapshotNode> => {
      const item = this.getTreeItem(node);
      return {
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : '',
        contextValue: item.contextValue,
        id: item.id ?? '',
        ...(node.type === 'group' && { children: await Promise.all((await this.childrenOf(node)).map(describe)) }),
      };
    };
    return { mode: this.mode, filter: this.filterText, groups: await Promise.all((await this.rootNodes()).map(describe)) };
  }

  dispose(): void {
    this.changed.dispose();
  }

  private rootNodes(): Promise<GroupNode[]> {
    if (!this.roots) {
      const roots = this.computing.then(() => this.computeRoots());
      this.computing = roots.catch(() => undefined);
      this.roots = roots;
    }
    return this.roots;
  }

  /** The top groups: the kept counts brought up to date, or, with a filter, the annotations it selects counted anew. */
  private async computeRoots(): Promise<GroupNode[]> {
    const mode = this.mode;
    const matcher = annotationMatcher(this.filterText, (uri, id) => namesOf(this.index.speakerOf(uri, id)));
    if (!matcher) {
      if (this.tally?.mode !== mode) {
        this.tally = new GroupTally(mode);
        this.counted.clear();
      }
      await this.catchUp(this.tally);
      this.test = undefined;
      return this.tally.groups().map((group) => groupNode(group, undefined));
    }
    const clippings = this.index.unorderedClippings();
    const test = await selectAnnotations(clippings, matcher, nextTurn, SLICE_MS);
    const tally = new GroupTally(mode, test);
    await inSlices(clippings, (clipping) => tally.add(clipping));
    this.test = test;
    return tally.groups().map((group) => groupNode(group, undefined));
  }

  /** Counts the clippings that changed since the last call in `tally`, and takes back those gone. */
  private async catchUp(tally: GroupTally): Promise<void> {
    const current = this.index.unorderedClippings();
    const present = new Set<string>();
    await inSlices(current, (clipping) => {
      present.add(clipping.uri);
      const before = this.counted.get(clipping.uri);
      if (before === clipping) return;
      if (before) tally.remove(before);
      tally.add(clipping);
      this.counted.set(clipping.uri, clipping);
    });
    this.counted.forEach((clipping, uri) => {
      if (present.has(uri)) return;
      tally.remove(clipping);
      this.counted.delete(uri);
    });
  }

  /** A group's annotations: gathered when it is expanded, in one pass over the index, in slices. */
  private itemsOf(node: GroupNode): Promise<ItemNode[]> {
    return runInSlices(groupItems(node, this.index.clippings(), this.mode, this.test));
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const { group } = node;
    const item = new vscode.TreeItem(this.groupLabel(group), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = String(group.count);
    item.contextValue = `group.${group.kind}`;
    if (group.kind === 'file') {
      item.resourceUri = vscode.Uri.parse(group.key);
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = groupIcon(group);
    }
    return item;
  }

  private groupLabel(group: AnnotationGroup): string {
    switch (group.kind) {
      case 'orphans':
        return vscode.l10n.t('Orphaned annotations');
      case 'speaker':
        return this.index.speakerOf(group.sampleUri, group.key)?.name ?? group.key;
      case 'polarity':
        return polarityLabel(group.key as Polarity);
      case 'sourceKind':
        return sourceKindLabel(group.key as SourceKind);
      case 'target':
      case 'outlet':
      case 'file':
        return group.label;
    }
  }

  private annotationItem(node: ItemNode): vscode.TreeItem {
    const { clipping, annotation } = node.ref;
    const item = new vscode.TreeItem(quotePreview(annotation.anchor.quote, 80), vscode.TreeItemCollapsibleState.None);
    item.id = `${clipping.uri}#${annotation.id}`;
    const article = articleOf(clipping, annotation);
    item.description = [article?.title, this.mode === 'file' ? undefined : clipping.relativePath].filter(Boolean).join(' — ');
    const speakerIds = annotation.type === 'speaker' ? [annotation.speaker] : annotation.type === 'stance' ? [annotation.holder] : [];
    const speakers = speakerIds.map((id) => this.index.speakerOf(clipping.uri, id)).filter((speaker): speaker is Speaker => speaker !== undefined);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(describeAnnotation(annotation, speakers)).appendMarkdown('\n\n').appendText(`«${annotation.anchor.quote}»`);
    tooltip.appendMarkdown('\n\n').appendText([clipping.relativePath, article?.title, article?.date].filter(Boolean).join(' · '));
    item.tooltip = tooltip;
    const orphaned = annotation.anchor.orphaned === true;
    item.contextValue = orphaned ? 'orphan' : 'annotation';
    item.iconPath = orphaned ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('clippings.orphanForeground')) : new vscode.ThemeIcon(codiconName(iconOf(annotation)));
    item.command = { command: 'clippings.revealAnnotation', title: vscode.l10n.t('Show Annotation'), arguments: [{ uri: clipping.uri, id: annotation.id }] };
    return item;
  }
}

/** Clippings gathered from at a time when a group is expanded. */
const CLIPPINGS_PER_STEP = 100;

/** The annotations of `node`'s group among `clippings`, CLIPPINGS_PER_STEP clippings a step. */
function* groupItems(node: GroupNode, clippings: readonly IndexedClipping[], mode: GroupingMode, test: AnnotationTest | undefined): Generator<void, ItemNode[], void> {
  const items: ItemNode[] = [];
  for (let from = 0; from < clippings.length; from += CLIPPINGS_PER_STEP) {
    for (const ref of annotationsInGroup(clippings.slice(from, from + CLIPPINGS_PER_STEP), mode, node.path, test)) items.push({ type: 'item', ref, parent: node });
    yield;
  }
  return items;
}

/** Calls `visit` on each item, the thread given back between slices (runInSlices). */
function inSlices<T>(items: readonly T[], visit: (item: T) => void): Promise<void> {
  return runInSlices(visiting(items, visit));
}

function* visiting<T>(items: readonly T[], visit: (item: T) => void): Generator<void, void, void> {
  for (const item of items) {
    visit(item);
    yield;
  }
}

function groupNode(group: AnnotationGroup, parent: GroupNode | undefined): GroupNode {
  const step = { kind: group.kind, key: group.key };
  return { type: 'group', group, parent, path: parent ? [...parent.path, step] : [step], id: `${parent ? `${parent.id}/` : ''}${group.kind}:${group.key}` };
}

function namesOf(speaker: Speaker | undefined): readonly string[] {
  return speaker ? [speaker.name, ...speaker.aliases] : [];
}

/** `$(person)` → `person`: the labels' icons as theme icons. */
function codiconName(label: string): string {
  return label.replace(/^\$\((.*)\)$/, '$1');
}

const POLARITY_ICONS: Readonly<Record<Polarity, string>> = { favor: 'thumbsup', against: 'thumbsdown', neutral: 'dash', mixed: 'arrow-swap' };

function groupIcon(group: AnnotationGroup): vscode.ThemeIcon {
  switch (group.kind) {
    case 'orphans':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('clippings.orphanForeground'));
    case 'speaker':
      return new vscode.ThemeIcon('person');
    case 'target':
      return new vscode.ThemeIcon('law');
    case 'polarity':
      return new vscode.ThemeIcon(POLARITY_ICONS[group.key as Polarity]);
    case 'outlet':
    case 'sourceKind':
      return new vscode.ThemeIcon('globe');
    case 'file':
      return vscode.ThemeIcon.File;
  }
}

export function modeLabel(mode: GroupingMode): string {
  switch (mode) {
    case 'speaker':
      return vscode.l10n.t('By speaker');
    case 'stance':
      return vscode.l10n.t('By stance target and polarity');
    case 'source':
      return vscode.l10n.t('By source');
    case 'file':
      return vscode.l10n.t('By file');
  }
}
