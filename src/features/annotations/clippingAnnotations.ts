import * as vscode from 'vscode';
import {
  applyTextChanges,
  clippingPathForSidecar,
  compareAnnotations,
  fileNameOf,
  insertAnnotationText,
  reanchorAll,
  removeAnnotationText,
  replaceAnnotationText,
  replaceAnnotationTexts,
  serializeSidecar,
  SIDECAR_VERSION,
  type Annotation,
  type ArticleSpan,
  type Sidecar,
  type TextChange,
  type TextProblem,
} from '../../core/annotations';
import type { FileParse, GuardedYamlFile } from './guardedYamlFile';

/** What the clipping looks like now: its live text and its articles (for anchors' article refs). */
export interface ClippingText {
  readonly text: () => string;
  readonly articles: () => readonly ArticleSpan[];
}

type Change = { readonly kind: 'add'; readonly annotation: Annotation } | { readonly kind: 'remove'; readonly id: string } | { readonly kind: 'replace'; readonly annotation: Annotation };

/**
 * The annotations of one open clipping, kept on their words while the clipping is edited.
 *
 * - Tagging, editing and removing change the list at once (decorations follow immediately)
 *   and then write only that annotation's block of the sidecar. A write that cannot happen
 *   (the sidecar is broken) undoes the change in memory and rejects.
 * - Edits of the clipping move the anchors in memory; the moved anchors are written when the
 *   clipping is saved (`writeMovedAnchors`), so an unsaved, discarded edit leaves the sidecar as it was.
 * - When the sidecar changes on disk, its annotations are read again and re-anchored.
 */
export class ClippingAnnotations implements vscode.Disposable {
  private list: Annotation[] = [];
  private readonly moved = new Set<string>();
  private readonly undoStack: Change[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private reloadListener: vscode.Disposable;

  constructor(
    private file: GuardedYamlFile<Sidecar>,
    private readonly clipping: ClippingText,
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
    await this.file.refresh();
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
    if (this.list.length === 0) {
      return;
    }
    const anchors = applyTextChanges(this.list.map((annotation) => annotation.anchor), changes);
    let anyMoved = false;
    this.list = this.list.map((annotation, index) => {
      if (anchors[index] === annotation.anchor) {
        return annotation;
      }
      anyMoved = true;
      this.moved.add(annotation.id);
      return { ...annotation, anchor: anchors[index] };
    });
    if (anyMoved) {
      this.changed.fire();
    }
  }

  /** Writes the anchors that edits moved since the last save, each in its own block. */
  async writeMovedAnchors(): Promise<void> {
    const moved = this.list.filter((annotation) => this.moved.has(annotation.id));
    if (moved.length === 0 || !this.file.exists) {
      return;
    }
    this.moved.clear();
    await this.file.edit((text) => replaceAnnotationTexts(text ?? this.newSidecarText([]), moved));
  }

  dispose(): void {
    this.reloadListener.dispose();
    this.changed.dispose();
  }

  private async perform(change: Change, recordUndo: boolean): Promise<void> {
    const before = this.list;
    const inverse = this.inverseOf(change);
    const after = applyChange(this.list, change);
    this.list = after;
    this.changed.fire();
    try {
      await this.file.edit((text) => (text === undefined ? this.newSidecarText(after) : applyChangeToText(text, change)));
    } catch (error) {
      this.list = before;
      this.changed.fire();
      throw error;
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

  private newSidecarText(annotations: readonly Annotation[]): string {
    const clipping = fileNameOf(clippingPathForSidecar(this.file.uri.path) ?? this.file.uri.path);
    return serializeSidecar({ version: SIDECAR_VERSION, clipping, annotations });
  }

  /** The sidecar changed on disk: its annotations replace ours, anchored in the current text. */
  private adopt(parse: FileParse<Sidecar> | undefined): void {
    if (parse && !parse.ok) {
      // Keep showing what we had: the broken file is reported, not trusted.
      this.changed.fire();
      return;
    }
    const annotations = parse ? [...parse.model.annotations] : [];
    const outcomes = reanchorAll(annotations.map((annotation) => annotation.anchor), this.clipping.text(), { articles: this.clipping.articles() });
    this.moved.clear();
    this.list = annotations
      .map((annotation, index) => {
        const anchor = outcomes[index].anchor;
        if (anchor === annotation.anchor) {
          return annotation;
        }
        this.moved.add(annotation.id);
        return { ...annotation, anchor };
      })
      .sort(compareAnnotations);
    this.changed.fire();
  }
}

function applyChange(list: readonly Annotation[], change: Change): Annotation[] {
  switch (change.kind) {
    case 'add':
      return [...list.filter((annotation) => annotation.id !== change.annotation.id), change.annotation].sort(compareAnnotations);
    case 'remove':
      return list.filter((annotation) => annotation.id !== change.id);
    case 'replace':
      return list.map((annotation) => (annotation.id === change.annotation.id ? change.annotation : annotation));
  }
}

function applyChangeToText(text: string, change: Change): string {
  switch (change.kind) {
    case 'add':
      return insertAnnotationText(text, change.annotation);
    case 'remove':
      return removeAnnotationText(text, change.id);
    case 'replace':
      return replaceAnnotationText(text, change.annotation.id, change.annotation);
  }
}
