import * as vscode from 'vscode';
import { looksLikeClipping } from '../core/detect';

/**
 * Opens plain-text files whose content looks like a clipping dossier with the `clipping`
 * language. Only documents still in `plaintext` are considered, so a language the user
 * picked by hand is never overridden.
 */
export function registerTextFileDetection(log: vscode.LogOutputChannel): vscode.Disposable {
  const consider = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || !isEnabled(document)) {
      return;
    }
    if (looksLikeClipping(document.getText())) {
      log.info(`detected clipping content in ${document.uri.toString(true)}`);
      void vscode.languages.setTextDocumentLanguage(document, 'clipping');
    }
  };
  vscode.workspace.textDocuments.forEach(consider);
  return vscode.workspace.onDidOpenTextDocument(consider);
}

function isEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('clippings', document).get<boolean>('detectInTextFiles', true);
}
