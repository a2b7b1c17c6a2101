/**
 * CSV (RFC 4180): a header, one record per annotation, CRLF after every record, fields quoted
 * when they hold a comma, a quote or a line break. The text starts with a byte order mark:
 * spreadsheet programs read a CSV without one in the system's legacy code page, which turns
 * Arabic into mojibake.
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
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.join(LIST_SEPARATOR);
}
