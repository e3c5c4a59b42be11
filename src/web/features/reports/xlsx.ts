/**
 * The report as an Excel workbook: one sheet per section, the heading on top of each. ExcelJS is
 * large, so it is loaded only when someone asks for the file and stays out of the page's bundle.
 * Cells hold plain values (text or numbers), never formulas.
 */
import type { Section } from './exportRows.ts';

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
  return name;
}

const WIDTH_MIN = 10;
const WIDTH_MAX = 60;

export async function reportWorkbook(
  heading: readonly string[],
  sections: readonly Section[],
): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Toemsuk';
  const taken = new Set<string>();
  for (const section of sections) {
    const name = sheetName(section.title, taken);
    taken.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name);
    for (const line of heading) sheet.addRow([line]);
    sheet.addRow([]);
    sheet.addRow(section.header).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map((cell) => cell ?? null));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        String(section.header[i] ?? '').length,
        ...section.rows.map((row) => String(row[i] ?? '').length),
      );
      column.width = Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, longest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
