import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, safeCell } from './csv.ts';

describe('CSV cells', () => {
  it('defuses whatever a spreadsheet would run as a formula', () => {
    for (const text of [
      '=1+1',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '|cmd',
      '\t=1',
      '\r=1',
      ' =1',
      '＝1',
      '＋1',
      '－1',
      '＠A',
    ]) {
      expect(safeCell(text), text).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(safeCell('สมชาย ใจดี')).toBe('สมชาย ใจดี');
    expect(safeCell('0812345678')).toBe('0812345678');
    expect(safeCell(-3)).toBe('-3');
    expect(safeCell(Number.NaN)).toBe('');
    expect(safeCell(null)).toBe('');
  });

  it('quotes separators and doubles quotes', () => {
    expect(csvCell('หมู่ 1, บ้านหัวเขา')).toBe('"หมู่ 1, บ้านหัวเขา"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
