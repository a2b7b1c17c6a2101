import * as vscode from 'vscode';
import type { Annotation, TextChange } from '../../core/annotations';
import type { TextSpan } from '../../core/model';
import { toRange } from '../ranges';
import { HIGHLIGHT_KINDS, highlightSpans, LinePositions, type HighlightKind } from './annotationGroups';
import { AnnotationStore } from './annotationStore';
import { countSent } from './timings';

const BACKGROUND_COLORS: Record<HighlightKind, string> = {
  speaker: 'clippings.speakerBackground',
  'stance-favor': 'clippings.stanceFavorBackground',
  'stance-against': 'clippings.stanceAgainstBackground',
  'stance-neutral': 'clippings.stanceNeutralBackground',
  'stance-mixed': 'clippings.stanceMixedBackground',
  source: 'clippings.sourceBackground',
};

/** One kind's highlights: the spans, and their ranges once they are first sent. */
interface KindHighlights {
  readonly spans: readonly TextSpan[];
  ranges?: vscode.Range[];
}

type Highlights = ReadonlyMap<HighlightKind, KindHighlights>;

/**
 * The edits of a document, in order, from some point on: each drawing starts a new link, and
 * what an editor was sent refers to the link of its drawing, so that the edits since are the
 * changes of that link and of those after it.
 */
interface EditLog {
  readonly changes: TextChange[];
  next?: EditLog;
}

/** What an editor was last sent for one kind, and the edits of its document since. */
interface Sent {
  readonly spans: readonly TextSpan[];
  readonly since: EditLog;
}

/** More edits than this since a kind was sent, and it is sent again rather than followed through them. */
const MAX_FOLLOWED_CHANGES = 64;

/**
 * Colours the annotated words of every visible clipping, one decoration type per kind (six in
 * all, whatever the number of annotations), with marks in the overview ruler.
 *
 * A kind is sent to an editor only when VS Code does not hold its ranges already: VS Code moves
 * the highlights itself as the text is edited, so after typing (or a tag of another kind, or
 * switching editors) the ranges are usually what it has, and sending ten thousand of them again
 * only costs both sides (the workbench, in code-server, over its websocket).
 */
export function registerDecorations(store: AnnotationStore): vscode.Disposable {
  const types = new Map(HIGHLIGHT_KINDS.map((kind) => [kind, createDecorationType(kind)]));
  // The store replaces its list whenever an anchor moves, so one list always has the same ranges:
  // switching editors redraws without recomputing.
  const spansOf = new WeakMap<readonly Annotation[], Highlights>();
  // Editors are new objects each time they are shown, holding no decorations.
  const sentTo = new WeakMap<vscode.TextEditor, Map<HighlightKind, Sent>>();
  const editLogs = new WeakMap<vscode.TextDocument, EditLog>();

  const highlightsFor = (document: vscode.TextDocument): Highlights | undefined => {
    const annotations = store.peek(document)?.annotations;
    if (!annotations || !decorationsEnabled(document)) {
      return undefined;
    }
    let highlights = spansOf.get(annotations);
    if (!highlights) {
      highlights = new Map([...highlightSpans(annotations)].map(([kind, spans]) => [kind, { spans }]));
      spansOf.set(annotations, highlights);
    }
    return highlights;
  };
  const draw = (editor: vscode.TextEditor, highlights: Highlights | undefined) => {
    const document = editor.document;
    const log: EditLog = { changes: [] };
    const previous = editLogs.get(document);
    if (previous) previous.next = log;
    editLogs.set(document, log);
    let sent = sentTo.get(editor);
    if (!sent) {
      sent = new Map();
      sentTo.set(editor, sent);
    }
    let positions: LinePositions | undefined;
    let calls = 0;
    let ranges = 0;
    let skipped = 0;
    for (const [kind, type] of types) {
      const wanted = highlights?.get(kind) ?? NONE;
      const before = sent.get(kind);
      if (before && heldAlready(before, wanted.spans)) {
        skipped++;
      } else {
        if (!wanted.ranges) {
          positions ??= new LinePositions(document.getText());
          const at = positions;
          wanted.ranges = wanted.spans.map((span) => toRange(at, span));
        }
        editor.setDecorations(type, wanted.ranges);
        calls++;
        ranges += wanted.ranges.length;
      }
      sent.set(kind, { spans: wanted.spans, since: log });
    }
    countSent({ highlightCalls: calls, highlightRanges: ranges, highlightCallsSkipped: skipped });
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
    vscode.workspace.onDidChangeTextDocument((event) => {
      const log = editLogs.get(event.document);
      if (log && log.changes.length <= MAX_FOLLOWED_CHANGES) {
        // In the event's order: each change against the text the one before it left (as anchors move).
        log.changes.push(...event.contentChanges.map((change) => ({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text })));
      }
    }),
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

const NONE: KindHighlights = { spans: [], ranges: [] };

/** Whether VS Code, having been sent `sent` and moved it through the edits since, holds `spans` now. */
function heldAlready(sent: Sent, spans: readonly TextSpan[]): boolean {
  if (sent.spans.length !== spans.length) {
    return false;
  }
  const changes: TextChange[] = [];
  for (let log: EditLog | undefined = sent.since; log; log = log.next) {
    if (log.changes.length > MAX_FOLLOWED_CHANGES || changes.length > MAX_FOLLOWED_CHANGES) {
      return false;
    }
    changes.push(...log.changes);
  }
  if (changes.length === 0) {
    return sent.spans === spans || sent.spans.every((span, at) => span.start === spans[at].start && span.end === spans[at].end);
  }
  return sent.spans.every((span, at) => {
    const moved = movedAsVsCodeDoes(span, changes);
    return moved !== undefined && moved.start === spans[at].start && moved.end === spans[at].end;
  });
}

/**
 * Where VS Code has moved a highlight through `changes`, in the cases where that is certain
 * (the decoration types never grow at their edges: DecorationRangeBehavior.ClosedClosed), or
 * undefined: an edit across an edge, a replacement at an edge (VS Code keeps a marker in place
 * within the replaced length), any edit at an empty span.
 */
export function movedAsVsCodeDoes(span: TextSpan, changes: readonly TextChange[]): TextSpan | undefined {
  let { start, end } = span;
  for (const change of changes) {
    const delta = change.text.length - (change.end - change.start);
    const replaces = change.end > change.start && change.text.length > 0;
    const atEdgeOnly = !replaces && start < end;
    if (change.end < start || (change.end === start && atEdgeOnly)) {
      start += delta;
      end += delta;
    } else if (change.start > end || (change.start === end && atEdgeOnly)) {
      // After it: nothing moves.
    } else if (start < change.start && change.end < end) {
      end += delta;
    } else {
      return undefined;
    }
  }
  return { start, end };
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
