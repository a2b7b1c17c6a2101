import * as vscode from 'vscode';
import type { Annotation, TextProblem } from '../../core/annotations';
import { toRange } from '../ranges';
import { quotePreview } from './annotationGroups';
import { AnnotationStore } from './annotationStore';
import { readTextFile } from './fileIo';
import { countSent } from './timings';

/** Quotes are cut in messages: the Problems panel shows one line. */
const QUOTE_PREVIEW_LENGTH = 60;

/**
 * The Problems panel side of annotations: each orphan as a warning on the clipping where its
 * words last were, and a sidecar that does not parse as an error on the sidecar at the fault.
 * The sidecars of open clippings are read as they open, so both show without hovering first.
 */
export function registerOrphanDiagnostics(store: AnnotationStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('clippings-annotations');
  /** The sidecar each clipping last reported an error on, to clear it when fixed or closed. */
  const reportedSidecars = new Map<string, vscode.Uri>();
  /** The clippings last given an empty list of orphans: a redraw with none again sends nothing. */
  const reportedNone = new Set<string>();

  const clearSidecar = (document: vscode.TextDocument) => {
    const sidecar = reportedSidecars.get(document.uri.toString());
    if (sidecar) {
      collection.delete(sidecar);
      reportedSidecars.delete(document.uri.toString());
    }
  };
  const update = async (document: vscode.TextDocument) => {
    const annotations = store.peek(document);
    if (!annotations) {
      return;
    }
    const orphans = annotations.annotations.filter((annotation) => annotation.anchor.orphaned);
    const key = document.uri.toString();
    if (orphans.length > 0 || !reportedNone.has(key)) {
      collection.set(document.uri, orphans.map((orphan) => orphanDiagnostic(document, orphan)));
      countSent({ problemSets: 1, problems: orphans.length });
      if (orphans.length === 0) reportedNone.add(key);
      else reportedNone.delete(key);
    }
    const problem = annotations.problem;
    if (!problem) {
      clearSidecar(document);
      return;
    }
    const diagnostic = await sidecarDiagnostic(annotations.sidecarUri, problem);
    // Another update may have run while the sidecar was read: only the latest state is shown.
    if (annotations.problem === problem && store.peek(document) === annotations) {
      clearSidecar(document);
      collection.set(annotations.sidecarUri, [diagnostic]);
      reportedSidecars.set(document.uri.toString(), annotations.sidecarUri);
    }
  };
  const load = (document: vscode.TextDocument) => {
    if (AnnotationStore.canAnnotate(document)) {
      // A clipping without a sidecar announces no change once read, hence the explicit update.
      void store.annotationsOf(document).then(() => update(document));
    }
  };

  vscode.workspace.textDocuments.forEach(load);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(load),
    store.onDidChangeForViews((document) => void update(document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      // Closing the broken sidecar itself leaves its error: the file is still broken.
      if (AnnotationStore.canAnnotate(document)) {
        collection.delete(document.uri);
        reportedNone.delete(document.uri.toString());
        clearSidecar(document);
      }
    }),
  );
}

function orphanDiagnostic(document: vscode.TextDocument, orphan: Annotation): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    // positionAt clamps offsets past the end: the clipping may have shrunk since the words were last seen.
    toRange(document, orphan.anchor),
    vscode.l10n.t('Annotation could not be found again: «{0}»', quotePreview(orphan.anchor.quote, QUOTE_PREVIEW_LENGTH)),
    vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'clippings';
  diagnostic.code = 'orphaned-annotation';
  return diagnostic;
}

async function sidecarDiagnostic(sidecar: vscode.Uri, problem: TextProblem): Promise<vscode.Diagnostic> {
  const line = (await readTextFile(sidecar).catch(() => undefined))?.split(/\r?\n/)[problem.line] ?? '';
  const range = new vscode.Range(problem.line, problem.column, problem.line, Math.max(problem.column, line.length));
  const diagnostic = new vscode.Diagnostic(range, vscode.l10n.t('The annotations file has an error: {0}', problem.message), vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'clippings';
  diagnostic.code = 'broken-annotations-file';
  return diagnostic;
}
