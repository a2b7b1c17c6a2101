import * as vscode from 'vscode';
import type { Anchor } from '../../core/annotations';
import { AnnotationStore } from '../annotations/annotationStore';
import { UserFacingError } from '../annotations/commandTargets';

/**
 * Opens a clipping and selects an annotation's words: where they are now in the editor (the
 * annotation store follows unsaved edits), else where `indexed` says they were. An orphan
 * shows its last known place.
 */
export async function revealAnnotation(store: AnnotationStore, uri: vscode.Uri, id: string, indexed?: Anchor): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const live = AnnotationStore.canAnnotate(document) ? (await store.annotationsOf(document)).find(id) : undefined;
  const anchor = live?.anchor ?? indexed;
  if (!anchor) {
    throw new UserFacingError(vscode.l10n.t('There is no annotation {0} in this clipping.', id));
  }
  const range = new vscode.Range(document.positionAt(anchor.start), document.positionAt(anchor.end));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
