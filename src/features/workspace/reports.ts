import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';
import { registerAgreementReport } from './agreementReport';
import { registerSummaryReport } from './summaryReport';
import { ReportPanels, type ReportServices } from './reportWebview';

/** The two report commands and the webview panels they share. */
export function registerReports(index: WorkspaceIndex, extensionUri: vscode.Uri, services: ReportServices): vscode.Disposable {
  const panels = new ReportPanels(extensionUri, services.log);
  return vscode.Disposable.from(panels, registerAgreementReport(panels, services), registerSummaryReport(index, panels, services));
}
