import * as vscode from 'vscode';
import type { Annotation, TextChange } from '../../core/annotations';
import type { TextSpan } from '../../core/model';
import { toRange } from '../ranges';
import { HIGHLIGHT_KINDS, highlightParts, LinePositions, type HighlightKind } from './annotationGroups';
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

/** One part of a kind's highlights (highlightParts): the spans, and their ranges once they are first sent. */
interface PartHighlights {
  readonly spans: readonly TextSpan[];
  ranges?: vscode.Range[];
}

type Highlights = ReadonlyMap<HighlightKind, readonly PartHighlights[]>;

/**
 * The edits of a document, in order, from some point on: each drawing starts a new link, and
 * what an editor was sent refers to the link of its drawing, so that the edits since are the
 * changes of that link and of those after it.
 */
interface EditLog {
  readonly changes: TextChange[];
  next?: EditLog;
}

/** What an editor was last sent for one part of a kind, and the edits of its document since. */
interface Sent {
  readonly spans: readonly TextSpan[];
  readonly since: EditLog;
}

/** More edits than this since a kind was sent, and it is sent again rather than followed through them. */
const MAX_FOLLOWED_CHANGES = 64;

/**
 * At most this many ranges (one part at least) are sent to an editor in one turn of the host's
 * thread; the parts left go in the next turns. Drawing ten thousand highlights at once (a
 * clipping opened) took 15 ms and more of a single turn.
 */
const RANGES_PER_TURN = 2_000;

/**
 * Colours the annotated words of every visible clipping, one decoration type per kind and part
 * of it (six in all, and fifteen more for each kind with thousands: highlightParts), with marks
 * in the overview ruler.
 *
 * A part is sent to an editor only when VS Code does not hold its ranges already: VS Code moves
 * the highlights itself as the text is edited, so after typing (or a tag of another kind or
 * part, or switching editors) the ranges are usually what it has, and sending ten thousand of
 * them again only costs both sides (the workbench, in code-server, over its websocket).
 */
export function registerDecorations(store: AnnotationStore): vscode.Disposable {
  // The parts of each kind; the first made now, the others when a kind first has that many.
  const types = new Map(HIGHLIGHT_KINDS.map((kind) => [kind, [createDecorationType(kind)]]));
  const typeOf = (kind: HighlightKind, part: number) => {
    const parts = types.get(kind) ?? [];
    while (parts.length <= part) parts.push(createDecorationType(kind));
    return parts[part];
  };
  // The store replaces its list whenever an anchor moves, so one list always has the same ranges:
  // switching editors redraws without recomputing.
  const spansOf = new WeakMap<readonly Annotation[], Highlights>();
  // Editors are new objects each time they are shown, holding no decorations. Each part's type keys what it was sent.
  const sentTo = new WeakMap<vscode.TextEditor, Map<vscode.TextEditorDecorationType, Sent>>();
  const editLogs = new WeakMap<vscode.TextDocument, EditLog>();
  // Editors with parts left to send, drawn again in the next turn.
  const drawingOn = new WeakSet<vscode.TextEditor>();
  let disposed = false;

  const highlightsFor = (document: vscode.TextDocument): Highlights | undefined => {
    const annotations = store.peek(document)?.annotations;
    if (!annotations || !decorationsEnabled(document)) {
      return undefined;
    }
    let highlights = spansOf.get(annotations);
    if (!highlights) {
      highlights = new Map([...highlightParts(annotations)].map(([kind, parts]) => [kind, parts.map((spans) => ({ spans }))]));
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
    for (const [kind, parts] of types) {
      const wantedParts = highlights?.get(kind) ?? [];
      for (let part = 0; part < Math.max(parts.length, wantedParts.length); part++) {
        const type = typeOf(kind, part);
        const wanted = wantedParts[part] ?? NONE;
        const before = sent.get(type);
        // A part never sent holds nothing: nothing to send while it has nothing.
        if (!before && part > 0 && wanted.spans.length === 0) continue;
        if (before && heldAlready(before, wanted.spans)) {
          skipped++;
        } else if (ranges > 0 && ranges + wanted.spans.length > RANGES_PER_TURN) {
          // Left for the next turn: what this editor was sent of it stays as it was.
          drawOn(editor);
          continue;
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
        sent.set(type, { spans: wanted.spans, since: log });
      }
    }
    countSent({ highlightCalls: calls, highlightRanges: ranges, highlightCallsSkipped: skipped });
  };
  const drawOn = (editor: vscode.TextEditor) => {
    if (drawingOn.has(editor)) return;
    drawingOn.add(editor);
    setImmediate(() => {
      drawingOn.delete(editor);
      if (!disposed && vscode.window.visibleTextEditors.includes(editor)) draw(editor, highlightsFor(editor.document));
    });
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
    {
      dispose: () => {
        disposed = true;
        types.forEach((parts) => parts.forEach((type) => type.dispose()));
      },
    },
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

const NONE: PartHighlights = { spans: [], ranges: [] };

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
