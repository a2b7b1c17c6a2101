/**
 * Loads syntaxes/clipping.tmLanguage.json into the engine VS Code uses (vscode-textmate on
 * the Oniguruma WebAssembly build), for the grammar's unit tests and benchmark.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, IGrammar, parseRawGrammar, Registry, StackElement } from 'vscode-textmate';

export const GRAMMAR_FILE = path.resolve(__dirname, '..', '..', 'syntaxes', 'clipping.tmLanguage.json');
const SCOPE_NAME = 'text.clipping';

let grammar: Promise<IGrammar> | undefined;

export function loadClippingGrammar(): Promise<IGrammar> {
  grammar ??= createGrammar();
  return grammar;
}

async function createGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new OnigScanner(sources),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === SCOPE_NAME ? parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
  });
  const loaded = await registry.loadGrammar(SCOPE_NAME);
  if (!loaded) {
    throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_FILE}`);
  }
  return loaded;
}

export interface ScopedText {
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Tokenizes a whole document line by line, carrying the rule stack as the editor does. */
export function tokenizeDocument(loaded: IGrammar, text: string): ScopedText[][] {
  let state: StackElement = INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const result = loaded.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}
