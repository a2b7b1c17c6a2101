import * as vscode from 'vscode';
import type { TextChange, TextProblem } from '../../core/annotations';
import { readFileBytes, sameBytes, SerialQueue, writeFileAtomically, type LargeFileWriter } from './fileIo';
import { nextTurn } from './slices';
import { CODING_SLICE, decodeTextInSlices, encodeEditedText, encodesExactly } from './textCoding';
import { recordDuration } from './timings';

export type FileParse<M> = { readonly ok: true; readonly model: M } | { readonly ok: false; readonly error: TextProblem };

/**
 * What an edit makes of a file's text: the new text, or the new text with the change of the
 * current text that makes it, so that only the change is encoded (a block of a large file).
 */
export type EditedText = string | { readonly text: string; readonly change: TextChange };

/** How many times an edit is made again when the file changed on disk while it was being made. */
const MAX_EDIT_ATTEMPTS = 3;

/** Raised instead of writing a file that does not parse: the person must fix it first. */
export class BrokenFileError extends Error {
  constructor(
    readonly uri: vscode.Uri,
    readonly problem: TextProblem,
  ) {
    super(`${uri.path.split('/').pop()}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`);
  }
}

/**
 * A YAML file that this extension edits while people, git and other windows edit it too.
 *
 * - It remembers the text it last read or wrote. Before every edit it reads the file again:
 *   a different text means someone else changed it, so that text is parsed and announced
 *   (onDidReload) and the edit is applied to it: nothing anyone wrote is overwritten.
 * - A file that does not parse is never written: edits fail with BrokenFileError, and the
 *   file stays byte for byte as it is until someone fixes it.
 * - Edits are text transforms (a block spliced in or out), so a large file is not reprinted.
 */
export class GuardedYamlFile<M> implements vscode.Disposable {
  /**
   * What the file held when last read or written; its bytes too, to tell a large file unchanged
   * without decoding it, and whether they are exactly the UTF-8 of the text (to encode only an edit's change).
   */
  private known: { readonly bytes: Uint8Array | undefined; readonly exact: boolean; readonly text: string | undefined; readonly parse: FileParse<M> | undefined } = {
    bytes: undefined,
    exact: false,
    text: undefined,
    parse: undefined,
  };
  private readonly queue = new SerialQueue();
  private readonly reloaded = new vscode.EventEmitter<FileParse<M> | undefined>();
  /**
   * The file changed under us and was read again: its new content (undefined when the file is
   * gone). Edits made through `edit` are not announced: their author already knows them.
   */
  readonly onDidReload = this.reloaded.event;

  constructor(
    readonly uri: vscode.Uri,
    /** Reads the file's text; `bytes`, when given, are the file's, whose decoding the text is. */
    private readonly parse: (text: string, bytes?: Uint8Array) => Promise<FileParse<M>>,
    private readonly options: {
      /** Names under which to record the last read's and parse's durations (timings.ts). */
      readonly measures?: { readonly read: string; readonly parse: string };
      /** Names under which to record the steps of the last edit (timings.ts). */
      readonly editMeasures?: { readonly read: string; readonly transform: string; readonly encode: string; readonly write: string };
      /** How a large local file is written away from the host's thread (fileIo.ts). */
      readonly writeLarge?: LargeFileWriter;
    } = {},
  ) {}

  get exists(): boolean {
    return this.known.text !== undefined;
  }

  /** The text the file held when last read or written here. */
  get text(): string | undefined {
    return this.known.text;
  }

  get problem(): TextProblem | undefined {
    return this.known.parse && !this.known.parse.ok ? this.known.parse.error : undefined;
  }

  /** Reads the file now (the first time, or when a watcher says it changed). Resolves true when it had changed. */
  refresh(): Promise<boolean> {
    return this.queue.run(async () => {
      const changed = await this.readIfChanged();
      if (changed) {
        this.reloaded.fire(this.known.parse);
      }
      return changed;
    });
  }

  /**
   * Applies `transform` to the file's current text (undefined when there is no file yet) and
   * writes the result atomically. `changedOnDisk` tells the transform that the text is not the
   * one last read or written here: someone else changed the file, and what it says was just
   * read (and is announced once written). Rejects with BrokenFileError, writing nothing, when
   * the file does not parse. `bytes`, when given, are the file's, the UTF-8 of `text`.
   */
  edit(transform: (text: string | undefined, changedOnDisk: boolean, bytes: Uint8Array | undefined) => EditedText | Promise<EditedText>): Promise<void> {
    return this.queue.run(async () => {
      const measures = this.options.editMeasures;
      let stepStart = performance.now();
      const step = (name: string | undefined) => {
        if (name) recordDuration(name, stepStart);
        stepStart = performance.now();
      };
      let changedOnDisk = await this.readIfChanged();
      for (let attempt = 1; ; attempt++) {
        // A large file's reading (its bytes compared with ours) and its edit (a scan of every block) in turns of their own.
        if ((this.known.text?.length ?? 0) > CODING_SLICE) await nextTurn();
        step(measures?.read);
        const problem = this.problem;
        if (problem) {
          if (changedOnDisk) {
            this.reloaded.fire(this.known.parse);
          }
          throw new BrokenFileError(this.uri, problem);
        }
        // Whether the thread was given back while the edit was made (a large file, a rewrite in slices): the file may have changed on disk meanwhile.
        let turned = false;
        const probe = setImmediate(() => (turned = true));
        const edited = await transform(this.known.text, changedOnDisk, this.known.exact ? this.known.bytes : undefined);
        step(measures?.transform);
        const text = typeof edited === 'string' ? edited : edited.text;
        const { bytes: knownBytes, exact, text: knownText } = this.known;
        const bytes = await encodeEditedText(text, typeof edited !== 'string' && exact && knownBytes && knownText !== undefined ? { text: knownText, bytes: knownBytes, change: edited.change } : undefined);
        step(measures?.encode);
        // A large file's copy into its new bytes and their copy to the writer's thread (5 MB each for 10,000 annotations) in turns of their own.
        if (bytes.length > CODING_SLICE) await nextTurn();
        clearImmediate(probe);
        if (turned && (await this.readIfChanged())) {
          // Written now, it would overwrite someone else's change, just read: the edit is made again, to what the file holds now.
          changedOnDisk = true;
          if (attempt === MAX_EDIT_ATTEMPTS) {
            this.reloaded.fire(this.known.parse);
            throw new Error(`${this.uri.path.split('/').pop()} kept changing on disk while it was being edited`);
          }
          continue;
        }
        await writeFileAtomically(this.uri, bytes, this.options.writeLarge);
        step(measures?.write);
        // After someone else's change, the result holds their work and ours: read it as a whole.
        this.known = { bytes, exact: true, text, parse: changedOnDisk ? await this.parse(text, bytes) : this.known.parse };
        if (changedOnDisk) {
          this.reloaded.fire(this.known.parse);
        }
        return;
      }
    });
  }

  /** Forgets the file's content: after a rename, the next refresh reads the new place. */
  moveTo(uri: vscode.Uri): GuardedYamlFile<M> {
    const moved = new GuardedYamlFile(uri, this.parse, this.options);
    moved.known = this.known;
    return moved;
  }

  dispose(): void {
    this.reloaded.dispose();
  }

  private async readIfChanged(): Promise<boolean> {
    const readStart = performance.now();
    const bytes = await readFileBytes(this.uri);
    // Our own writes come back through file watchers: the same bytes, or the same text, are no change.
    if (bytes && this.known.bytes && sameBytes(bytes, this.known.bytes)) {
      return false;
    }
    const text = bytes && (await decodeTextInSlices(bytes));
    const exact = bytes !== undefined && text !== undefined && encodesExactly(bytes, text);
    if (text === this.known.text) {
      this.known = { ...this.known, bytes, exact };
      return false;
    }
    const parseStart = performance.now();
    if (this.options.measures) recordDuration(this.options.measures.read, readStart);
    this.known = { bytes, exact, text, parse: text === undefined ? undefined : await this.parse(text, bytes) };
    if (this.options.measures) recordDuration(this.options.measures.parse, parseStart);
    return true;
  }
}
