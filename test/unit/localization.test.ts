/**
 * Every string the user sees exists in English and Arabic: the messages passed to
 * `vscode.l10n.t` in src (translated by l10n/bundle.l10n.ar.json) and the `%key%` strings
 * of package.json (package.nls.json, package.nls.ar.json). A message added in code without
 * its translation shows in English to an Arabic-speaking user; this test names it.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** `l10n.t(` followed by a quoted string: the message, with its escapes undone. */
const MESSAGE_CALL = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
/** `l10n.t(` followed by anything: a message not written as a literal cannot be checked here. */
const ANY_CALL = /l10n\.t\(/g;

interface Messages {
  readonly messages: Set<string>;
  readonly unreadable: string[];
}

function messagesInSources(): Messages {
  const messages = new Set<string>();
  const unreadable: string[] = [];
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const literals = [...text.matchAll(MESSAGE_CALL)];
    for (const [, quote, body] of literals) messages.add(quote === '`' ? body : (JSON.parse(`"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string));
    const calls = text.match(ANY_CALL)?.length ?? 0;
    if (calls !== literals.length) unreadable.push(`${path.relative(root, file)}: ${calls - literals.length} call(s) without a literal message`);
  }
  return { messages, unreadable };
}

function placeholders(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])].sort();
}

describe('Localization', () => {
  const arabicBundle = readJson('l10n/bundle.l10n.ar.json');
  const { messages, unreadable } = messagesInSources();

  it('finds the messages of the source (the check below is not vacuous)', () => {
    assert.ok(messages.size > 150, `only ${messages.size} messages found: has the l10n.t call shape changed?`);
    assert.ok(messages.has('Who said this?'));
    assert.deepEqual(unreadable, []);
  });

  it('translates every message of the source into Arabic', () => {
    const missing = [...messages].filter((message) => typeof arabicBundle[message] !== 'string' || arabicBundle[message] === '');
    assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.ar.json');
  });

  it('keeps no Arabic translation of a message the source no longer has', () => {
    assert.deepEqual(Object.keys(arabicBundle).filter((message) => !messages.has(message)), []);
  });

  it('keeps the placeholders of each message in its translation', () => {
    const broken = Object.entries(arabicBundle).filter(([message, arabic]) => placeholders(message, /\{\d+\}/g).join() !== placeholders(String(arabic), /\{\d+\}/g).join());
    assert.deepEqual(broken, []);
  });

  it('gives every %key% of package.json its English and Arabic text', () => {
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = placeholders(manifest, /%[\w.-]+%/g).map((key) => key.slice(1, -1));
    const english = readJson('package.nls.json');
    const arabic = readJson('package.nls.ar.json');
    assert.ok(keys.length > 20);
    assert.deepEqual(keys.filter((key) => !(key in english)), [], 'missing in package.nls.json');
    assert.deepEqual(Object.keys(english).sort(), Object.keys(arabic).sort(), 'package.nls.json and package.nls.ar.json differ in keys');
    assert.deepEqual(Object.keys(english).filter((key) => !keys.includes(key)), [], 'unused in package.json');
  });
});
