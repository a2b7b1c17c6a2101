import * as vscode from 'vscode';
import type { ClippingDocument } from '../core/model';
import { parseClipping } from '../core/parser';

/**
 * Parses each clipping document once per version and shares the result with every feature.
 *
 * Features that derive data from a parse (symbols, folding ranges…) key their own caches on
 * the returned model object: a new version gives a new object, so a WeakMap is enough.
 */
export class ClippingParseCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; model: ClippingDocument }>();
  private readonly closeListener: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.closeListener = vscode.workspace.onDidCloseTextDocument((document) => {
      this.entries.delete(document.uri.toString());
    });
  }

  get(document: vscode.TextDocument): ClippingDocument {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) {
      return cached.model;
    }
    const started = performance.now();
    const model = parseClipping(document.getText());
    this.log.trace(`parsed ${document.uri.path} v${document.version} in ${(performance.now() - started).toFixed(1)} ms`);
    this.entries.set(key, { version: document.version, model });
    return model;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.entries.clear();
  }
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
