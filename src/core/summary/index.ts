/**
 * The summary of annotated clippings (pure), and the report document that both reports,
 * this one and the agreement report, are worded into and rendered from.
 */

export { summarize, type CitationLine, type ClippingLine, type HolderLine, type PolarityCounts, type SourceLine, type SpeakerLine, type StanceLine, type Summary } from './summary';
export { escapeMarkdown, renderMarkdown, type Cell, type ReportBlock, type ReportDocument, type ReportSection } from './reportDocument';
