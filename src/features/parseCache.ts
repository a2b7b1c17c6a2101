import * as vscode from 'vscode';
import type { ClippingDocument } from '../core/model';
import { parseClipping } from '../core/parser';
import { changeBetween, composeChanges, type TextChange } from '../core/revision';

/** How many changes back a feature can ask about: enough for the versions typing makes between two requests. */
const REMEMBERED_CHANGES = 64;

/**
 * Past this many edits since the last parse, reading the text afresh is cheaper than
 * replaying them: each replayed edit copies the whole text once (slicing flattens it).
 */
const MAX_FOLLOWED_EDITS = 4;

/** The changes between the parses of one document while it stays open, the latest last. */
interface History {
  /** Number of the latest parse. */
  number: number;
  /** changes[i]: from the parse numbered `number - changes.length + i` to the next one. */
  readonly changes: TextChange[];
}

/** One parse among those of a document, numbered in order. */
export interface Revision {
  readonly history: History;
  readonly number: number;
}

interface DocumentParses {
  readonly version: number;
  readonly model: ClippingDocument;
  /** The parsed text: the next version's change is measured against it. */
  readonly text: string;
  readonly history: History;
  /** The edits since, in order, while they follow on from `version` one version at a time. */
  followingEdits: { readonly version: number; readonly changes: readonly TextEdit[] } | undefined;
}

/** One change of a change event: `length` characters at `offset` replaced by `text`. */
interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/**
 * Parses each clipping document once per version and shares the result with every feature.
 * Each parse starts from the previous version's: the articles an edit left alone keep the
 * details already read (see parseClipping).
 *
 * Features that derive data from a parse (symbols, folding ranges…) key their own caches on
 * the returned model object: a new version gives a new object, so a WeakMap is enough. A
 * feature that keeps what it built for an older parse can ask what changed since
 * (changeSince), and build again only what the change touched.
 */
export class ClippingParseCache implements vscode.Disposable {
  private readonly entries = new Map<string, DocumentParses>();
  private readonly revisions = new WeakMap<ClippingDocument, Revision>();
  private readonly listeners: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.listeners = vscode.Disposable.from(
      vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((event) => this.follow(event)),
    );
  }

  get(document: vscode.TextDocument): ClippingDocument {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) {
      return cached.model;
    }
    const started = performance.now();
    const edited = cached && editedText(cached, document);
    const text = edited?.text ?? document.getText();
    const change = edited?.change ?? (cached && changeBetween(cached.text, text));
    const model = parseClipping(text, cached && change && { model: cached.model, change });
    this.log.trace(`parsed ${document.uri.path} v${document.version} in ${(performance.now() - started).toFixed(1)} ms`);
    const history = cached?.history ?? { number: -1, changes: [] };
    if (change) {
      history.changes.push(change);
      if (history.changes.length > REMEMBERED_CHANGES) history.changes.shift();
    }
    history.number++;
    this.entries.set(key, { version: document.version, model, text, history, followingEdits: undefined });
    this.revisions.set(model, { history, number: history.number });
    return model;
  }

  revisionOf(model: ClippingDocument): Revision | undefined {
    return this.revisions.get(model);
  }

  /**
   * What changed in the text from the parse `since` to `model`, a later parse of the same
   * document; undefined when that is no longer known (too many changes since, or closed).
   */
  changeSince(since: Revision, model: ClippingDocument): TextChange | undefined {
    const revision = this.revisions.get(model);
    if (!revision || revision.history !== since.history || since.number >= revision.number) return undefined;
    const { changes, number } = since.history;
    const first = changes.length - (number - since.number);
    const last = changes.length - (number - revision.number);
    return first < 0 ? undefined : changes.slice(first + 1, last).reduce(composeChanges, changes[first]);
  }

  dispose(): void {
    this.listeners.dispose();
    this.entries.clear();
  }

  /** Keeps the edits made since a document's last parse, while they follow on from it version by version. */
  private follow({ document, contentChanges }: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(document.uri.toString());
    if (!entry || contentChanges.length === 0 || document.version <= entry.version) return;
    const previous = entry.followingEdits ?? { version: entry.version, changes: [] };
    const follows = previous.version === document.version - 1 && previous.changes.length < MAX_FOLLOWED_EDITS;
    const changes = contentChanges.map(({ rangeOffset, rangeLength, text }) => ({ offset: rangeOffset, length: rangeLength, text }));
    entry.followingEdits = follows ? { version: document.version, changes: [...previous.changes, ...changes] } : { version: -1, changes: [] };
  }
}

/**
 * The document's text made from the last parsed text and the edits since, when they lead to
 * its current version: VS Code joins a large document's lines anew after every edit (20 ms
 * and more for 10 million characters), while replaying an edit costs one copy. The
 * region the edits touched comes with it. Undefined when the edits do not lead there, or
 * when the result does not have the document's length (never expected; a safety net).
 */
function editedText(entry: DocumentParses, document: vscode.TextDocument): { text: string; change: TextChange } | undefined {
  const edits = entry.followingEdits;
  if (!edits || edits.version !== document.version) return undefined;
  let text = entry.text;
  let change: TextChange | undefined;
  for (const { offset, length, text: inserted } of edits.changes) {
    const step = { start: offset, beforeEnd: offset + length, afterEnd: offset + inserted.length, beforeLength: text.length, afterLength: text.length - length + inserted.length };
    text = text.slice(0, offset) + inserted + text.slice(offset + length);
    change = change ? composeChanges(change, step) : step;
  }
  const lastLine = document.lineAt(document.lineCount - 1);
  if (!change || text.length !== document.offsetAt(lastLine.range.end)) return undefined;
  return { text, change };
}

/** Memoizes a value derived from one parse result; it lives exactly as long as that result. */
export function derivedFrom<T>(compute: (model: ClippingDocument, document: vscode.TextDocument) => T) {
  const cache = new WeakMap<ClippingDocument, T>();
  return (model: ClippingDocument, document: vscode.TextDocument): T => {
    let value = cache.get(model);
    if (value === undefined) {
      value = compute(model, document);
      cache.set(model, value);
    }
    return value;
  };
}
