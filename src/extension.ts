import * as vscode from 'vscode';
import { ClippingParseCache } from './features/parseCache';
import { registerOutline } from './features/outline';
import { registerFolding } from './features/folding';
import { registerSelectionRanges } from './features/selectionRanges';
import { registerTocLinks } from './features/tocLinks';
import { registerDiagnostics } from './features/diagnostics';
import { registerArticleNavigation } from './features/articleNavigation';
import { registerTextFileDetection } from './features/textFileDetection';

/** Composition root: creates the shared services and wires one feature per module. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Press Clippings'), { log: true });
  const parses = new ClippingParseCache(log);
  context.subscriptions.push(
    log,
    parses,
    vscode.commands.registerCommand('clippings.showOutput', () => log.show()),
    registerTextFileDetection(log),
    registerOutline(parses),
    registerFolding(parses),
    registerSelectionRanges(parses),
    registerTocLinks(parses),
    registerDiagnostics(parses),
    registerArticleNavigation(parses),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
