import { describe, expect, it } from 'vitest';
import { hoursLines } from './hours.ts';

const names = ['', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์', 'อาทิตย์'];
const day = (d: number) => names[d]!;
const time = (o: string, c: string) => `${o}–${c}`;

describe('hoursLines', () => {
  it('runs consecutive days with the same sessions together', () => {
    const week = [5, 4, 3, 2, 1].map((d) => ({ day: d, opens: '08:30', closes: '16:30' }));
    expect(hoursLines([...week, { day: 6, opens: '08:30', closes: '12:00' }], day, time)).toEqual([
      { days: 'จันทร์–ศุกร์', times: ['08:30–16:30'] },
      { days: 'เสาร์', times: ['08:30–12:00'] },
    ]);
  });

  it('keeps a lunch break and breaks the run at a gap or a different day', () => {
    const hours = [
      { day: 1, opens: '13:00', closes: '16:00' },
      { day: 1, opens: '08:00', closes: '12:00' },
      { day: 2, opens: '08:00', closes: '12:00' },
      { day: 4, opens: '08:00', closes: '12:00' },
    ];
    expect(hoursLines(hours, day, time)).toEqual([
      { days: 'จันทร์', times: ['08:00–12:00', '13:00–16:00'] },
      { days: 'อังคาร', times: ['08:00–12:00'] },
      { days: 'พฤหัสบดี', times: ['08:00–12:00'] },
    ]);
    expect(hoursLines([], day, time)).toEqual([]);
  });
});
