/**
 * A report as plain blocks: headings, facts, tables and stacked bars, already worded for
 * people. The webview (media/report/report.js) draws it and renderMarkdown writes it, so
 * the agreement report and the summary report are each worded once and shown two ways.
 */

export type Cell = string | number;

export type ReportBlock =
  /** Label–value lines: the headline numbers. */
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, Cell])[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly Cell[])[] }
  /**
   * One horizontal bar per row, split into the categories' counts. `key` names a category
   * for styling (`favor`, `against`…); the webview draws SVG, Markdown a table.
   */
  | {
      readonly kind: 'bars';
      readonly rowHeading: string;
      readonly categories: readonly { readonly key: string; readonly label: string }[];
      readonly rows: readonly { readonly label: string; readonly counts: readonly number[] }[];
    }
  | { readonly kind: 'text'; readonly text: string };

export interface ReportSection {
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

export interface ReportDocument {
  readonly title: string;
  readonly sections: readonly ReportSection[];
}

export function renderMarkdown(document: ReportDocument): string {
  const parts = [`# ${escapeMarkdown(document.title)}`];
  for (const section of document.sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}`, ...section.blocks.map(blockMarkdown));
  }
  return parts.join('\n\n') + '\n';
}

function blockMarkdown(block: ReportBlock): string {
  switch (block.kind) {
    case 'facts':
      return block.rows.map(([label, value]) => `- ${cellMarkdown(label)}: **${cellMarkdown(value)}**`).join('\n');
    case 'table':
      return tableMarkdown(block.columns, block.rows);
    case 'bars':
      return tableMarkdown(
        [block.rowHeading, ...block.categories.map((category) => category.label)],
        block.rows.map((row) => [row.label, ...row.counts]),
      );
    case 'text':
      return escapeMarkdown(block.text);
  }
}

/** A GitHub-flavoured table; numeric columns are aligned to the end. */
function tableMarkdown(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const numeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => typeof row[index] === 'number'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map(escapeMarkdown)),
    line(numeric.map((isNumeric) => (isNumeric ? '---:' : '---'))),
    ...rows.map((row) => line(row.map(cellMarkdown))),
  ].join('\n');
}

/**
 * A value escaped, and isolated when it holds right-to-left letters: in `سمير: 8` the colon
 * and the number would otherwise join the Arabic run and show as `8 :سمير`.
 */
function cellMarkdown(value: Cell): string {
  const text = escapeMarkdown(String(value));
  return RIGHT_TO_LEFT.test(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko… and the Arabic presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Text as itself: the punctuation that formats inline escaped, and what would start a
 * heading or a list escaped at the start; line breaks, which would end a table row, become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}
