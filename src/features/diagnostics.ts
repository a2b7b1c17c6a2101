import * as vscode from 'vscode';
import type { ParseProblem, ProblemCode } from '../core/model';
import { ClippingParseCache } from './parseCache';
import { toRange } from './ranges';

const UPDATE_DELAY_MS = 300;

/** Publishes the parser's problems (unmatched table-of-contents entries and articles…) to the Problems panel. */
export function registerDiagnostics(parses: ClippingParseCache): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('clippings');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const update = (document: vscode.TextDocument) => {
    if (document.languageId !== 'clipping') {
      collection.delete(document.uri);
      return;
    }
    const settings = vscode.workspace.getConfiguration('clippings', document);
    const problems = parses.get(document).problems.filter((problem) => isEnabled(problem.code, settings));
    collection.set(document.uri, problems.map((problem) => toDiagnostic(document, problem)));
  };
  const scheduleUpdate = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => {
      pending.delete(key);
      update(document);
    }, UPDATE_DELAY_MS));
  };

  // Problems need every article's details: never at activation, where they would delay everything else.
  vscode.workspace.textDocuments.forEach(scheduleUpdate);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(scheduleUpdate),
    vscode.workspace.onDidChangeTextDocument((event) => scheduleUpdate(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      clearTimeout(pending.get(document.uri.toString()));
      collection.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('clippings.diagnostics')) {
        vscode.workspace.textDocuments.forEach(update);
      }
    }),
    { dispose: () => pending.forEach((timer) => clearTimeout(timer)) },
  );
}

function isEnabled(code: ProblemCode, settings: vscode.WorkspaceConfiguration): boolean {
  const tocProblem = code === 'toc-entry-without-article' || code === 'article-without-toc-entry';
  return !tocProblem || settings.get<boolean>('diagnostics.tableOfContents', true);
}

function toDiagnostic(document: vscode.TextDocument, problem: ParseProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, problem), localizedMessage(problem), severityOf(problem.code));
  diagnostic.source = 'clippings';
  diagnostic.code = problem.code;
  return diagnostic;
}

function localizedMessage(problem: ParseProblem): string {
  switch (problem.code) {
    case 'toc-entry-without-article':
      return vscode.l10n.t('No article matches this table-of-contents entry.');
    case 'article-without-toc-entry':
      return vscode.l10n.t('This article has no entry in the table of contents.');
    case 'unreadable-date':
      return vscode.l10n.t('This date could not be read: {0}', problem.message);
  }
}

function severityOf(code: ProblemCode): vscode.DiagnosticSeverity {
  return code === 'unreadable-date' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information;
}
