import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Section } from './exportRows.ts';
import { reportWorkbook, sheetName } from './xlsx.ts';

describe('reportWorkbook', () => {
  it('writes one sheet per section: the heading, the header in bold, the rows with numbers as numbers and hidden cells empty', async () => {
    const sections: Section[] = [
      {
        id: 'a',
        title: 'ภาพรวม',
        header: ['รายการ', 'ค่า'],
        rows: [
          ['ลงทะเบียน', 120],
          ['คัดกรองแล้ว', null],
        ],
      },
      { id: 'b', title: 'แยกตาม: หมู่บ้าน/ครัวเรือน', header: ['หมู่บ้าน', 'แดง'], rows: [['=1+1', 3]] },
    ];
    const blob = await reportWorkbook(['heading', 'note'], sections);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['ภาพรวม', 'แยกตาม  หมู่บ้าน ครัวเรือน']);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('heading');
    expect(sheet?.getCell('A4').value).toBe('รายการ');
    expect(sheet?.getCell('A4').font?.bold).toBe(true);
    expect(sheet?.getCell('B5').value).toBe(120);
    expect(sheet?.getCell('B6').value).toBeNull();
    // Text that looks like a formula stays text.
    expect(workbook.worksheets[1]?.getCell('A5').value).toBe('=1+1');
  });
});

describe('sheetName', () => {
  it('keeps Excel’s rules: no : \\ / ? * [ ], at most 31 characters, unique', () => {
    expect(sheetName('a/b:c', new Set())).toBe('a b c');
    expect(sheetName('x'.repeat(40), new Set()).length).toBeLessThanOrEqual(31);
    expect(sheetName('Trend', new Set(['trend']))).toBe('Trend 2');
  });
});
