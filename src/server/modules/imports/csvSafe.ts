/**
 * CSV for spreadsheets. A cell that starts with = + - @ tab or CR is a
 * formula to Excel and LibreOffice (OWASP "CSV injection"), so it is
 * prefixed with ' and shown as text. Files start with a UTF-8 BOM so that
 * Excel reads Thai correctly.
 */
export const UTF8_BOM = '\uFEFF';

export function safeCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells
    .map((c) => {
      const text = safeCell(c);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',')}\r\n`;
}
