import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderMarkdown, type ReportDocument } from '../../core/summary';
import type { SidecarParser } from '../annotations/sidecarParsing';
import type { SpeakerRegistryStore } from '../annotations/speakerRegistry';

/** What the report commands need from the extension. */
export interface ReportServices {
  readonly log: vscode.LogOutputChannel;
  readonly registry: Pick<SpeakerRegistryStore, 'speakersFor'>;
  /** Parses sidecars read directly (the agreement report's files), large ones off the extension host's thread. */
  readonly sidecarParser: Pick<SidecarParser, 'parse'>;
}

/** A report ready to show: worded for people, and its data for the JSON export. */
export interface ShownReport {
  /** Reports of one kind share a panel: showing a new one replaces the old. */
  readonly kind: 'agreement' | 'summary';
  readonly document: ReportDocument;
  /** What "Save as JSON" writes. */
  readonly data: unknown;
  /** The suggested file name, without extension. */
  readonly fileName: string;
  /** Where the save dialog starts. */
  readonly folder: vscode.Uri | undefined;
}

type ReportFormat = 'markdown' | 'json';

/** What the webview may ask (media/report/report.js posts these). */
type WebviewRequest = { readonly command: 'save'; readonly format: ReportFormat } | { readonly command: 'preview' };

const MEDIA_FOLDER = ['media', 'report'] as const;
const RTL_LANGUAGES = /^(ar|fa|he|ur)\b/;

/**
 * The report panels: one webview per kind of report, drawn by media/report/report.js from
 * the report document embedded as JSON. The page loads nothing but that script and its
 * stylesheet (strict Content Security Policy, no inline handlers), follows the theme's
 * colors, and reads right to left in an Arabic VS Code.
 */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<ShownReport['kind'], { panel: vscode.WebviewPanel; report: ShownReport }>();
  private readonly markdown = new MarkdownReports();
  private readonly markdownProvider = vscode.workspace.registerTextDocumentContentProvider(MarkdownReports.scheme, this.markdown);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Shows the report as a command's arguments ask: `view: 'markdown'` opens a Markdown
   * preview instead of the panel; `saveTo` (a URI) also writes it there without a dialog,
   * as JSON for a `.json` file and Markdown otherwise.
   */
  async present(report: ShownReport, args: Record<string, unknown>): Promise<void> {
    const saveTo = uriArgument(args.saveTo);
    if (saveTo) {
      await writeReport(report, saveTo, formatOf(saveTo));
    }
    if (args.view === 'markdown') {
      await this.markdown.preview(report);
    } else {
      this.show(report);
    }
  }

  show(report: ShownReport): vscode.WebviewPanel {
    const shown = this.panels.get(report.kind);
    if (shown) {
      shown.report = report;
      shown.panel.title = report.document.title;
      shown.panel.webview.html = this.html(shown.panel.webview, report);
      shown.panel.reveal();
      return shown.panel;
    }
    const panel = vscode.window.createWebviewPanel(`clippings.${report.kind}Report`, report.document.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, ...MEDIA_FOLDER)],
    });
    const entry = { panel, report };
    this.panels.set(report.kind, entry);
    panel.webview.onDidReceiveMessage((message: unknown) => void this.answer(entry.report, message));
    panel.onDidDispose(() => this.panels.delete(report.kind));
    panel.webview.html = this.html(panel.webview, report);
    return panel;
  }

  dispose(): void {
    this.panels.forEach(({ panel }) => panel.dispose());
    this.panels.clear();
    this.markdownProvider.dispose();
    this.markdown.dispose();
  }

  private async answer(report: ShownReport, message: unknown): Promise<void> {
    const request = requestOf(message);
    try {
      if (request?.command === 'save') {
        await saveWithDialog(report, request.format);
      } else if (request?.command === 'preview') {
        await this.markdown.preview(report);
      }
    } catch (error) {
      this.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be saved: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  private html(webview: vscode.Webview, report: ShownReport): string {
    const nonce = randomBytes(16).toString('base64');
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...MEDIA_FOLDER, file));
    const language = vscode.env.language;
    const payload = {
      document: report.document,
      labels: {
        saveMarkdown: vscode.l10n.t('Save as Markdown'),
        saveJson: vscode.l10n.t('Save as JSON'),
        preview: vscode.l10n.t('Open as Markdown Preview'),
        total: vscode.l10n.t('Total'),
      },
    };
    return `<!DOCTYPE html>
<html lang="${escapeAttribute(language)}" dir="${RTL_LANGUAGES.test(language) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('report.css').toString()}">
<title>${escapeAttribute(report.document.title)}</title>
</head>
<body>
<main id="report"></main>
<script nonce="${nonce}" id="report-data" type="application/json">${scriptSafeJson(payload)}</script>
<script nonce="${nonce}" src="${media('report.js').toString()}"></script>
</body>
</html>`;
  }
}

function reportText(report: ShownReport, format: ReportFormat): string {
  return format === 'json' ? JSON.stringify(report.data, null, 2) + '\n' : renderMarkdown(report.document);
}

async function writeReport(report: ShownReport, uri: vscode.Uri, format: ReportFormat): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(reportText(report, format)));
}

function formatOf(uri: vscode.Uri): ReportFormat {
  return uri.path.toLowerCase().endsWith('.json') ? 'json' : 'markdown';
}

async function saveWithDialog(report: ShownReport, format: ReportFormat): Promise<void> {
  const extension = format === 'json' ? 'json' : 'md';
  const folder = report.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: folder && vscode.Uri.joinPath(folder, `${report.fileName}.${extension}`),
    filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
    saveLabel: vscode.l10n.t('Save Report'),
  });
  if (uri) {
    await writeReport(report, uri, format);
  }
}

/**
 * Reports as read-only Markdown documents, for the Markdown preview: an untitled document
 * would ask to be saved when closed.
 */
class MarkdownReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'clippings-report';
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  async preview(report: ShownReport): Promise<void> {
    const uri = vscode.Uri.from({ scheme: MarkdownReports.scheme, path: `/${report.fileName}.md` });
    this.texts.set(uri.toString(), reportText(report, 'markdown'));
    this.changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function requestOf(message: unknown): WebviewRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { command, format } = message as { command?: unknown; format?: unknown };
  if (command === 'save' && (format === 'markdown' || format === 'json')) return { command, format };
  if (command === 'preview') return { command };
  return undefined;
}

/** JSON that cannot end its <script> element early nor open a comment in it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URI given to a command as a Uri or as its string form. */
export function uriArgument(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : typeof value === 'string' && value.trim() !== '' ? vscode.Uri.parse(value) : undefined;
}
