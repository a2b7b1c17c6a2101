/**
 * CSV (RFC 4180): a header, one record per annotation, CRLF after every record, fields quoted
 * when they hold a comma, a quote or a line break. The text starts with a byte order mark:
 * spreadsheet programs read a CSV without one in the system's legacy code page, which turns
 * Arabic into mojibake. Text that a spreadsheet would run as a formula is written after an
 * apostrophe.
 */

import { COLUMNS, flatten, type CellValue, type ExportRow } from './rows';

export const BYTE_ORDER_MARK = '\uFEFF';
const RECORD_END = '\r\n';
/** Several agencies share one cell. */
export const LIST_SEPARATOR = '; ';

/** The lines of the CSV file, each with its CRLF, the first with the byte order mark. */
export function* csvLines(rows: Iterable<ExportRow>): Generator<string> {
  yield BYTE_ORDER_MARK + COLUMNS.join(',') + RECORD_END;
  for (const row of rows) {
    const fields = flatten(row);
    yield COLUMNS.map((column) => csvField(fields[column])).join(',') + RECORD_END;
  }
}

export function csvField(value: CellValue): string {
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : withoutFormula(cellText(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula, and a quote from a web page can start with anything (OWASP, "CSV
 * injection"). Such a text cell is written after an apostrophe, which the programs show and
 * do not run. Numbers are written as numbers. JSON Lines, the format for reading exports
 * back, keeps every text as it is.
 */
function withoutFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(value: Exclude<CellValue, number | boolean>): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.join(LIST_SEPARATOR);
}
