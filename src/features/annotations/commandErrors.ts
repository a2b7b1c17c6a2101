import * as vscode from 'vscode';
import { BrokenFileError } from './guardedYamlFile';
import { UserFacingError } from './commandTargets';

/**
 * Runs an annotation command and turns its failures into messages where people look:
 * a broken sidecar or registry names its line and column and offers to open it there.
 * Resolves to undefined after a failure, so scripted callers see that nothing was made.
 */
export async function runAnnotationCommand<T>(log: vscode.LogOutputChannel, command: () => Promise<T>): Promise<T | undefined> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof UserFacingError) {
      void vscode.window.showWarningMessage(error.message);
    } else if (error instanceof BrokenFileError) {
      log.warn(error.message);
      void offerToOpen(error);
    } else {
      log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      void vscode.window.showErrorMessage(vscode.l10n.t('Annotation failed: {0}', error instanceof Error ? error.message : String(error)));
    }
    return undefined;
  }
}

async function offerToOpen(error: BrokenFileError): Promise<void> {
  const open = vscode.l10n.t('Open File');
  const answer = await vscode.window.showErrorMessage(
    vscode.l10n.t('Nothing was saved: {0} has an error at line {1}, column {2}: {3}. Fix it, then try again.', error.uri.path.split('/').pop() ?? '', error.problem.line + 1, error.problem.column + 1, error.problem.message),
    open,
  );
  if (answer === open) {
    const position = new vscode.Position(error.problem.line, error.problem.column);
    await vscode.window.showTextDocument(error.uri, { selection: new vscode.Range(position, position) });
  }
}
