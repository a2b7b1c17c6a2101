import * as vscode from 'vscode';

/**
 * The extensions VS Code activates once its start-up is over (`onStartupFinished`: git,
 * merge-conflict, debug-auto-launch…): while they load, the extension host's thread is VS
 * Code's, so heavy work (the workspace index's first pass) and measurements wait for them.
 */
export function onStartupFinishedExtensions(): vscode.Extension<unknown>[] {
  return vscode.extensions.all.filter((extension) => {
    const events = (extension.packageJSON as { activationEvents?: unknown }).activationEvents;
    return Array.isArray(events) && events.includes('onStartupFinished');
  });
}
