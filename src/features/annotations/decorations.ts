import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations';
import { toRange } from '../ranges';
import { HIGHLIGHT_KINDS, highlightSpans, LinePositions, type HighlightKind } from './annotationGroups';
import { AnnotationStore } from './annotationStore';

const BACKGROUND_COLORS: Record<HighlightKind, string> = {
  speaker: 'clippings.speakerBackground',
  'stance-favor': 'clippings.stanceFavorBackground',
  'stance-against': 'clippings.stanceAgainstBackground',
  'stance-neutral': 'clippings.stanceNeutralBackground',
  'stance-mixed': 'clippings.stanceMixedBackground',
  source: 'clippings.sourceBackground',
};

type Highlights = ReadonlyMap<HighlightKind, readonly vscode.Range[]>;

/**
 * Colours the annotated words of every visible clipping, one decoration type per kind (six in
 * all, whatever the number of annotations), with marks in the overview ruler.
 */
export function registerDecorations(store: AnnotationStore): vscode.Disposable {
  const types = new Map(HIGHLIGHT_KINDS.map((kind) => [kind, createDecorationType(kind)]));
  // The store replaces its list whenever an anchor moves, so one list always has the same ranges:
  // switching editors redraws without recomputing.
  const rangesOf = new WeakMap<readonly Annotation[], Highlights>();

  const highlightsFor = (document: vscode.TextDocument): Highlights | undefined => {
    const annotations = store.peek(document)?.annotations;
    if (!annotations || !decorationsEnabled(document)) {
      return undefined;
    }
    let highlights = rangesOf.get(annotations);
    if (!highlights) {
      const positions = new LinePositions(document.getText());
      highlights = new Map([...highlightSpans(annotations)].map(([kind, spans]) => [kind, spans.map((span) => toRange(positions, span))]));
      rangesOf.set(annotations, highlights);
    }
    return highlights;
  };
  const draw = (editor: vscode.TextEditor, highlights: Highlights | undefined) => {
    types.forEach((type, kind) => editor.setDecorations(type, highlights?.get(kind) ?? []));
  };
  const redraw = (document: vscode.TextDocument) => {
    const editors = vscode.window.visibleTextEditors.filter((editor) => editor.document === document);
    if (editors.length > 0) {
      const highlights = highlightsFor(document);
      editors.forEach((editor) => draw(editor, highlights));
    }
  };
  const redrawVisible = () => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (AnnotationStore.canAnnotate(editor.document)) {
        draw(editor, highlightsFor(editor.document));
        // The first time a clipping is shown its sidecar is read; the store's change event redraws it.
        void store.annotationsOf(editor.document);
      }
    }
  };

  redrawVisible();
  return vscode.Disposable.from(
    ...types.values(),
    store.onDidChangeForViews(redraw),
    vscode.window.onDidChangeVisibleTextEditors(redrawVisible),
    // Detection may turn an open text file into a clipping without changing the visible editors.
    vscode.workspace.onDidOpenTextDocument(redrawVisible),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('clippings.annotations.decorations')) {
        redrawVisible();
      }
    }),
  );
}

function createDecorationType(kind: HighlightKind): vscode.TextEditorDecorationType {
  const color = new vscode.ThemeColor(BACKGROUND_COLORS[kind]);
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: color,
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    // Like anchors: typing at either edge of the words does not make them part of the tag.
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

function decorationsEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('clippings', document).get<boolean>('annotations.decorations', true);
}
