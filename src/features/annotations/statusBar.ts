import * as vscode from 'vscode';
import { fileNameOf, type TextProblem } from '../../core/annotations';
import { countAnnotations } from './annotationGroups';
import { AnnotationStore } from './annotationStore';
import type { ClippingAnnotations } from './clippingAnnotations';

/**
 * The number of annotations in the active clipping, in the status bar; a click opens the
 * sidecar. A sidecar that does not parse shows a warning instead, and a click opens it at the error.
 */
export function registerAnnotationStatusBar(store: AnnotationStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('clippings.annotations', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Clipping Annotations');

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !AnnotationStore.canAnnotate(document)) {
      item.hide();
      return;
    }
    const annotations = store.peek(document);
    if (!annotations) {
      // Not read yet: show it once the sidecar is read (no change event comes when there is none).
      item.hide();
      void store.annotationsOf(document).then(update);
      return;
    }
    showIn(item, document, annotations);
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    // Detection may turn the active text file into a clipping.
    vscode.workspace.onDidOpenTextDocument(update),
    store.onDidChangeForViews((document) => {
      if (document === vscode.window.activeTextEditor?.document) {
        update();
      }
    }),
  );
}

function showIn(item: vscode.StatusBarItem, document: vscode.TextDocument, annotations: ClippingAnnotations): void {
  const problem = annotations.problem;
  if (problem) {
    showProblem(item, annotations.sidecarUri, problem);
  } else {
    showCount(item, document, annotations);
  }
  item.show();
}

function showCount(item: vscode.StatusBarItem, document: vscode.TextDocument, annotations: ClippingAnnotations): void {
  const counts = countAnnotations(annotations.annotations);
  const total = annotations.annotations.length;
  item.text = `$(tag) ${total}`;
  item.backgroundColor = undefined;
  item.accessibilityInformation = { label: vscode.l10n.t('Annotations in this clipping: {0}', total) };
  item.tooltip = [
    vscode.l10n.t('Annotations of {0}', fileNameOf(document.uri.path)),
    vscode.l10n.t('Speakers: {0}', counts.speaker),
    vscode.l10n.t('Stances: {0}', counts.stance),
    vscode.l10n.t('Sources: {0}', counts.source),
    ...(counts.orphaned > 0 ? [vscode.l10n.t('Not found in the text any more: {0}', counts.orphaned)] : []),
    '',
    vscode.l10n.t('Click to open the annotations file'),
  ].join('\n');
  item.command = { title: vscode.l10n.t('Open Annotations File'), command: 'clippings.openSidecar', arguments: [{ uri: document.uri }] };
}

function showProblem(item: vscode.StatusBarItem, sidecar: vscode.Uri, problem: TextProblem): void {
  const where = new vscode.Position(problem.line, problem.column);
  item.text = `$(warning) ${vscode.l10n.t('annotations file has an error')}`;
  item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  item.accessibilityInformation = undefined;
  item.tooltip = [
    vscode.l10n.t('{0}, line {1}, column {2}: {3}', fileNameOf(sidecar.path), problem.line + 1, problem.column + 1, problem.message),
    '',
    vscode.l10n.t('Annotations cannot be saved until it is fixed. Click to open it at the error.'),
  ].join('\n');
  item.command = { title: vscode.l10n.t('Open Annotations File'), command: 'vscode.open', arguments: [sidecar, { selection: new vscode.Range(where, where) }] };
}
