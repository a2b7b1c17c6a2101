import * as vscode from 'vscode';
import {
  applyTextChanges,
  clippingPathForSidecar,
  compareAnnotations,
  fileNameOf,
  insertAnnotationEdit,
  reanchorAllInSteps,
  removeAnnotationEdit,
  replaceAnnotationEdit,
  replaceAnnotationTexts,
  serializeSidecar,
  sidecarLayoutInSteps,
  withAnnotationInOrder,
  writeMovedAnnotationsText,
  SIDECAR_VERSION,
  type Annotation,
  type ArticleSpan,
  type MovedAnnotation,
  type Sidecar,
  type SidecarEdit,
  type SidecarLayout,
  type TextChange,
  type TextProblem,
} from '../../core/annotations';
import type { FileParse, GuardedYamlFile } from './guardedYamlFile';
import { nextTurn, runInSlices } from './slices';
import { ANCHOR_SIDECAR_MEASURE, recordDuration } from './timings';

/** A list long enough for its sorting and its views' redraw to want turns of their own. */
export const LARGE_LIST = 2_000;

/**
 * How long a slice of the scan for a sidecar's layout runs: it goes on beside a tag and the
 * views' redraw, whose steps run in the same turns as its slices (the immediates queued in one
 * turn of Node's event loop all run before the next), so its share of each turn is kept small.
 */
const LAYOUT_SLICE_MS = 3;

/** What the clipping looks like now: its live text and its articles (for anchors' article refs). */
export interface ClippingText {
  readonly text: () => string;
  readonly articles: () => readonly ArticleSpan[];
}

/** writeMovedAnnotationsText, possibly in a worker thread for a large sidecar; `bytes`, when given, are the UTF-8 of `text`. */
export type WriteMoved = (text: string, moved: readonly MovedAnnotation[], bytes?: Uint8Array) => Promise<string>;

type Change = { readonly kind: 'add'; readonly annotation: Annotation } | { readonly kind: 'remove'; readonly id: string } | { readonly kind: 'replace'; readonly annotation: Annotation };

/**
 * The annotations of one open clipping, kept on their words while the clipping is edited.
 *
 * - Tagging, editing and removing change the list at once (decorations follow immediately)
 *   and then write only that annotation's block of the sidecar. A write that cannot happen
 *   (the sidecar is broken) undoes the change in memory and rejects.
 * - Edits of the clipping move the anchors in memory; the moved anchors are written when the
 *   clipping is saved (`writeMovedAnchors`), so an unsaved, discarded edit leaves the sidecar as it was.
 * - When the sidecar changes on disk, its annotations are read again and re-anchored, a slice
 *   at a time when there are thousands; edits of the clipping made meanwhile move the result.
 */
export class ClippingAnnotations implements vscode.Disposable {
  private list: Annotation[] = [];
  private readonly moved = new Set<string>();
  /** Each annotation as its block in the sidecar has it: to tell an anchor that only moved. */
  private persisted = new Map<string, Annotation>();
  /**
   * Where the blocks are in the sidecar's text: given by the last tag, edit or removal for the
   * text it wrote, or found (in slices) in a large sidecar just read, so that a tag places its
   * block without scanning ten thousand blocks. It is for that text only: any other (changed on
   * disk, or written otherwise) is scanned when edited.
   */
  private layout: { readonly text: string; readonly layout: Promise<SidecarLayout | undefined> } | undefined;
  /** Settles when what the sidecar was last read to hold is in place (adoptions run one at a time). */
  private adopting: Promise<void> = Promise.resolve();
  /** The last adoption itself, which rejects when it failed. */
  private lastAdoption: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Edits of the clipping made while an adoption re-anchors against the text of before them. */
  private editsDuringAdoption: (readonly TextChange[])[] | undefined;
  private readonly undoStack: Change[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private reloadListener: vscode.Disposable;

  constructor(
    private file: GuardedYamlFile<Sidecar>,
    private readonly clipping: ClippingText,
    private readonly writeMoved: WriteMoved = async (text, moved) => writeMovedAnnotationsText(text, moved),
  ) {
    this.reloadListener = file.onDidReload((parse) => this.adopt(parse));
  }

  get sidecarUri(): vscode.Uri {
    return this.file.uri;
  }

  /** In document order. Orphans keep their last known place. */
  get annotations(): readonly Annotation[] {
    return this.list;
  }

  /** Why the sidecar cannot be read, when it cannot. */
  get problem(): TextProblem | undefined {
    return this.file.problem;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Reads the sidecar (again, if it changed on disk) and re-anchors its annotations. */
  async refresh(): Promise<void> {
    const changed = await this.file.refresh();
    await (changed ? this.lastAdoption : this.adopting);
  }

  /** The clipping was renamed: its sidecar was moved along with it. */
  moveSidecarTo(uri: vscode.Uri): void {
    this.reloadListener.dispose();
    this.file = this.file.moveTo(uri);
    this.reloadListener = this.file.onDidReload((parse) => this.adopt(parse));
  }

  find(id: string): Annotation | undefined {
    return this.list.find((annotation) => annotation.id === id);
  }

  add(annotation: Annotation): Promise<void> {
    return this.perform({ kind: 'add', annotation }, true);
  }

  replace(annotation: Annotation): Promise<void> {
    return this.perform({ kind: 'replace', annotation }, true);
  }

  remove(id: string): Promise<void> {
    return this.perform({ kind: 'remove', id }, true);
  }

  /** Takes back the last tag, edit or removal made in this window. Resolves false when there is none. */
  async undo(): Promise<boolean> {
    const inverse = this.undoStack.pop();
    if (!inverse) {
      return false;
    }
    await this.perform(inverse, false);
    return true;
  }

  /** Moves anchors through edits of the clipping (VS Code's content changes, in its order). */
  applyEdits(changes: readonly TextChange[]): void {
    if (changes.length === 0) {
      return;
    }
    this.editsDuringAdoption?.push(changes);
    const list = moveThrough(this.list, changes, this.moved);
    if (list !== this.list) {
      this.list = list;
      this.changed.fire();
    }
  }

  /**
   * Writes the anchors that edits moved since the last save. An anchor that only moved (same
   * words, same context) has just its two offsets changed in its block; any other change
   * rewrites the block.
   */
  async writeMovedAnchors(): Promise<void> {
    // What is being read must be in place first: it decides what moved.
    await this.adopting;
    const moved = this.list.filter((annotation) => this.moved.has(annotation.id));
    if (moved.length === 0 || !this.file.exists) {
      return;
    }
    this.moved.clear();
    let persisted = true;
    try {
      await this.file.edit(async (text, changedOnDisk, bytes) => {
        if (text === undefined || changedOnDisk) {
          // Their file is read as it is now once written: the blocks are rewritten whole.
          persisted = false;
          return replaceAnnotationTexts(text ?? this.newSidecarText([]), moved);
        }
        return this.writeMoved(text, await runInSlices(movedAnnotations(moved, this.persisted)), bytes);
      });
    } catch (error) {
      // Not written: they are still to be written at the next save.
      moved.forEach((annotation) => this.moved.add(annotation.id));
      throw error;
    }
    if (persisted) {
      moved.forEach((annotation) => this.persisted.set(annotation.id, annotation));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.reloadListener.dispose();
    this.changed.dispose();
  }

  private async perform(change: Change, recordUndo: boolean): Promise<void> {
    // With thousands of annotations, each step in a turn of its own: a command that waited for
    // the sidecar to be read would otherwise run on in the same task as the reading's end,
    // redrawing ten thousand highlights twice and then writing (100 ms and more in one block).
    // A small list shows the change at once.
    if (this.list.length > LARGE_LIST) await nextTurn();
    const before = this.list;
    const inverse = this.inverseOf(change);
    const after = applyChange(this.list, change);
    this.list = after;
    this.changed.fire();
    let persisted = true;
    try {
      await nextTurn();
      await this.file.edit(async (text, changedOnDisk) => {
        // After someone else's change, the file is read as a whole once written.
        persisted = !changedOnDisk;
        if (text === undefined) return this.newSidecarText(after);
        const edit = applyChangeToText(text, await this.layoutOf(text), change);
        this.layout = edit.layout && { text: edit.text, layout: Promise.resolve(edit.layout) };
        return edit;
      });
    } catch (error) {
      this.list = before;
      this.changed.fire();
      throw error;
    } finally {
      // A reading of the sidecar under way (or started by this write) settles first.
      await this.adopting;
    }
    if (persisted) {
      if (change.kind === 'remove') this.persisted.delete(change.id);
      else this.persisted.set(change.annotation.id, change.annotation);
    }
    if (this.list !== after) {
      // The sidecar was read again while this change waited to be written: what was read
      // lacks it, and the file now has it. Every change applies twice without harm.
      this.list = applyChange(this.list, change);
      this.changed.fire();
    }
    if (recordUndo) {
      this.undoStack.push(inverse);
    }
  }

  private inverseOf(change: Change): Change {
    switch (change.kind) {
      case 'add':
        return { kind: 'remove', id: change.annotation.id };
      case 'remove':
      case 'replace': {
        const id = change.kind === 'remove' ? change.id : change.annotation.id;
        const previous = this.find(id);
        if (!previous) {
          throw new Error(`No annotation ${id} in ${fileNameOf(this.file.uri.path)}`);
        }
        return change.kind === 'remove' ? { kind: 'add', annotation: previous } : { kind: 'replace', annotation: previous };
      }
    }
  }

  /** The layout of `text`, the sidecar's: the one kept for it, else found in slices (and kept). */
  private layoutOf(text: string): Promise<SidecarLayout | undefined> {
    if (this.layout?.text !== text) {
      this.layout = { text, layout: runInSlices(sidecarLayoutInSteps(text), LAYOUT_SLICE_MS) };
    }
    return this.layout.layout;
  }

  private newSidecarText(annotations: readonly Annotation[]): string {
    const clipping = fileNameOf(clippingPathForSidecar(this.file.uri.path) ?? this.file.uri.path);
    return serializeSidecar({ version: SIDECAR_VERSION, clipping, annotations });
  }

  /** The sidecar changed on disk: its annotations replace ours, anchored in the current text. */
  private adopt(parse: FileParse<Sidecar> | undefined): void {
    const adoption = this.adopting.then(() => this.adoptNow(parse));
    this.lastAdoption = adoption;
    this.adopting = adoption.catch(() => undefined);
  }

  private async adoptNow(parse: FileParse<Sidecar> | undefined): Promise<void> {
    if (parse && !parse.ok) {
      // Keep showing what we had: the broken file is reported, not trusted.
      this.changed.fire();
      return;
    }
    const annotations = parse ? parse.model.annotations : [];
    const edits: (readonly TextChange[])[] = [];
    this.editsDuringAdoption = edits;
    const moved = new Set<string>();
    let list: Annotation[];
    const anchorStart = performance.now();
    try {
      const outcomes = await runInSlices(reanchorAllInSteps(annotations.map((annotation) => annotation.anchor), this.clipping.text(), { articles: this.clipping.articles() }));
      list = annotations
        .map((annotation, index) => {
          const anchor = outcomes[index].anchor;
          if (anchor === annotation.anchor) {
            return annotation;
          }
          moved.add(annotation.id);
          return { ...annotation, anchor };
        })
        .sort(compareAnnotations);
      // The views' redraw (ten thousand highlights) in a turn of its own.
      if (list.length > LARGE_LIST) await nextTurn();
    } finally {
      this.editsDuringAdoption = undefined;
    }
    recordDuration(ANCHOR_SIDECAR_MEASURE, anchorStart);
    if (this.disposed) {
      return;
    }
    // The clipping was edited while its anchors were found again: they move with those edits.
    for (const changes of edits) {
      list = moveThrough(list, changes, moved);
    }
    this.list = list;
    this.persisted = new Map(annotations.map((annotation) => [annotation.id, annotation]));
    this.moved.clear();
    moved.forEach((id) => this.moved.add(id));
    this.changed.fire();
    // The layout of a large sidecar found while the person reads, from the next turn on (this one
    // redrew the views): their first tag does not wait for it.
    const text = this.file.text;
    if (list.length > LARGE_LIST && text !== undefined) void nextTurn().then(() => this.layoutOf(text));
  }
}

/** The annotations moved through one change event of the clipping; the same list when none moved. */
function moveThrough(list: Annotation[], changes: readonly TextChange[], moved: Set<string>): Annotation[] {
  if (list.length === 0) {
    return list;
  }
  const anchors = applyTextChanges(list.map((annotation) => annotation.anchor), changes);
  let anyMoved = false;
  const result = list.map((annotation, index) => {
    if (anchors[index] === annotation.anchor) {
      return annotation;
    }
    anyMoved = true;
    moved.add(annotation.id);
    return { ...annotation, anchor: anchors[index] };
  });
  return anyMoved ? result : list;
}

/** What writeMovedAnnotationsText needs of each moved annotation, a step per annotation (thousands after an edit near the top). */
function* movedAnnotations(moved: readonly Annotation[], persisted: ReadonlyMap<string, Annotation>): Generator<void, MovedAnnotation[], void> {
  const result: MovedAnnotation[] = [];
  for (const annotation of moved) {
    const recorded = persisted.get(annotation.id);
    result.push({ annotation, recorded: recorded && onlyOffsetsDiffer(recorded, annotation) ? recorded.anchor : undefined });
    yield;
  }
  return result;
}

/** Whether `current` is `recorded` with its anchor moved, and nothing else changed: words, context, article, orphan state, fields. */
function onlyOffsetsDiffer(recorded: Annotation, current: Annotation): boolean {
  const was = recorded.anchor;
  const is = current.anchor;
  if (
    was.quote !== is.quote ||
    was.prefix !== is.prefix ||
    was.suffix !== is.suffix ||
    Boolean(was.orphaned) !== Boolean(is.orphaned) ||
    was.article?.index !== is.article?.index ||
    was.article?.title !== is.article?.title
  ) {
    return false;
  }
  const keys = Object.keys(current) as (keyof Annotation)[];
  return keys.length === Object.keys(recorded).length && keys.every((key) => key === 'anchor' || current[key] === recorded[key]);
}

function applyChange(list: readonly Annotation[], change: Change): Annotation[] {
  switch (change.kind) {
    case 'add':
      return withAnnotationInOrder(list, change.annotation);
    case 'remove':
      return list.filter((annotation) => annotation.id !== change.id);
    case 'replace':
      return list.map((annotation) => (annotation.id === change.annotation.id ? change.annotation : annotation));
  }
}

function applyChangeToText(text: string, layout: SidecarLayout | undefined, change: Change): SidecarEdit {
  switch (change.kind) {
    case 'add':
      return insertAnnotationEdit(text, layout, change.annotation);
    case 'remove':
      return removeAnnotationEdit(text, layout, change.id);
    case 'replace':
      return replaceAnnotationEdit(text, layout, change.annotation.id, change.annotation);
  }
}
