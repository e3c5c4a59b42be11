/**
 * CSV for spreadsheets, one rule for every file the product writes (error reports, templates,
 * registry and report exports). A cell a spreadsheet would run as a formula — text starting with
 * = + - @ | tab or CR, also after spaces, or with a full-width ＝ ＋ － ＠ — is prefixed with ' and
 * shown as text (OWASP "CSV injection"). Numbers stay numbers. Files start with a UTF-8 byte-order
 * mark so that Excel reads Thai correctly.
 */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

export function safeCell(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = value ?? '';
  return /^\s*[=+\-@|\t\r]/.test(text) || /^[＝＋－＠]/.test(text) ? `'${text}` : text;
}

/** A safe cell, quoted when it holds a comma, semicolon, quote or line break. */
export function csvCell(value: CsvValue): string {
  const text = safeCell(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
