import * as vscode from 'vscode';
import { registerAnnotationCodeLens } from './codeLens';
import { registerDecorations } from './decorations';
import { registerAnnotationHover } from './hover';
import { registerOrphanDiagnostics } from './orphanDiagnostics';
import { registerAnnotationStatusBar } from './statusBar';
import type { TagServices } from './tagCommands';

/** Everything that shows annotations: highlights, hovers, lenses, the status bar item and problems. */
export function registerAnnotationViews(services: Pick<TagServices, 'parses' | 'store' | 'registry'>): vscode.Disposable {
  return vscode.Disposable.from(
    registerDecorations(services.store),
    registerAnnotationHover(services.store, services.registry),
    registerAnnotationCodeLens(services.parses, services.store),
    registerAnnotationStatusBar(services.store),
    registerOrphanDiagnostics(services.store),
  );
}
