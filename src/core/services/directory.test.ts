import { describe, expect, it } from 'vitest';
import { openingHours, organizationCreate } from '../schemas/organization.ts';
import {
  bangkokWeekTime,
  catchmentOutside,
  distanceOf,
  distanceRank,
  hoursProblems,
  isOpenAt,
  nearPrefixes,
  sortedHours,
} from './directory.ts';

const village = '90150802';
const org = (areaCode: string, catchmentVillageCodes: string[] = []) => ({ areaCode, catchmentVillageCodes });

describe('distanceOf', () => {
  it('ranks catchment before subdistrict before district before province', () => {
    const ranked = [
      org('901503', [village]),
      org('901508'),
      org('90150805'),
      org('901501'),
      org('9015'),
      org('900101'),
      org('90'),
    ].map((o) => distanceOf(o, village));
    expect(ranked).toEqual([
      'catchment',
      'subdistrict',
      'subdistrict',
      'district',
      'district',
      'province',
      'province',
    ]);
    expect(ranked.map((d) => distanceRank(d!))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it('lists the catchment first even when the centre sits in the same subdistrict', () => {
    expect(distanceOf(org('901508', [village]), village)).toBe('catchment');
  });

  it('leaves out another province unless the village is in its catchment', () => {
    expect(distanceOf(org('800101'), village)).toBeNull();
    expect(distanceOf(org('800101', [village]), village)).toBe('catchment');
  });

  it('names the prefixes the SQL ranks by', () => {
    expect(nearPrefixes(village)).toEqual({ subdistrict: '901508', district: '9015', province: '90' });
  });
});

describe('isOpenAt (Thai time, a fixed clock)', () => {
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '16:30' }));

  it('reads the clock in Bangkok whatever the server zone', () => {
    // 2026-01-05 is a Monday; 01:30Z is 08:30 in Bangkok.
    expect(bangkokWeekTime(new Date('2026-01-05T01:30:00Z'))).toEqual({ day: 1, minutes: 510 });
    // Sunday 20:00Z is Monday 03:00 in Bangkok.
    expect(bangkokWeekTime(new Date('2026-01-04T20:00:00Z'))).toEqual({ day: 1, minutes: 180 });
    expect(bangkokWeekTime(new Date('2026-01-04T05:00:00Z')).day).toBe(7);
  });

  it('is open from the opening minute up to, not including, the closing minute', () => {
    expect(isOpenAt(weekdays, new Date('2026-01-05T01:29:00Z'))).toBe(false);
    expect(isOpenAt(weekdays, new Date('2026-01-05T01:30:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, new Date('2026-01-05T09:29:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, new Date('2026-01-05T09:30:00Z'))).toBe(false);
  });

  it('is closed on a day without sessions and unknown without any hours', () => {
    expect(isOpenAt(weekdays, new Date('2026-01-10T03:00:00Z'))).toBe(false); // Saturday 10:00
    expect(isOpenAt([], new Date('2026-01-05T03:00:00Z'))).toBeNull();
  });

  it('honours a lunch break (two sessions)', () => {
    const split = [
      { day: 3, opens: '08:00', closes: '12:00' },
      { day: 3, opens: '13:00', closes: '16:00' },
    ];
    expect(isOpenAt(split, new Date('2026-01-07T05:30:00Z'))).toBe(false); // Wed 12:30
    expect(isOpenAt(split, new Date('2026-01-07T06:30:00Z'))).toBe(true); // Wed 13:30
  });
});

describe('opening hours rules', () => {
  it('wants each session to close after it opens and not to overlap its day', () => {
    expect(
      hoursProblems([
        { day: 1, opens: '08:00', closes: '12:00' },
        { day: 1, opens: '13:00', closes: '13:00' },
        { day: 1, opens: '11:00', closes: '14:00' },
        { day: 2, opens: '11:00', closes: '14:00' },
      ]),
    ).toEqual([
      { index: 1, field: 'closes', code: 'hours_order' },
      { index: 2, field: 'closes', code: 'hours_overlap' },
    ]);
  });

  it('is checked by the shared schema, with the path of the session', () => {
    const bad = openingHours.safeParse([{ day: 1, opens: '16:30', closes: '08:30' }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['0.closes', 'hours_order'],
    ]);
    expect(openingHours.safeParse([{ day: 8, opens: '08:30', closes: '16:30' }]).success).toBe(false);
    expect(openingHours.safeParse([{ day: 1, opens: '8:30', closes: '16:30' }]).success).toBe(false);
    expect(
      organizationCreate.safeParse({
        name: 'รพ.สต.ทดสอบ',
        type: 'shph',
        areaCode: '901508',
        openingHours: [{ day: 1, opens: '08:30', closes: '16:30' }],
        catchmentVillageCodes: ['9015080'],
      }).error?.issues[0]?.path,
    ).toEqual(['catchmentVillageCodes', 0]);
  });

  it('sorts sessions by day and time', () => {
    expect(
      sortedHours([
        { day: 2, opens: '08:00', closes: '09:00' },
        { day: 1, opens: '13:00', closes: '14:00' },
        { day: 1, opens: '08:00', closes: '12:00' },
      ]).map((s) => `${s.day} ${s.opens}`),
    ).toEqual(['1 08:00', '1 13:00', '2 08:00']);
  });

  it('finds catchment villages outside the province', () => {
    expect(catchmentOutside('901508', ['90150801', '80010101', '90010101'])).toEqual([1]);
    expect(catchmentOutside('90', ['90150801'])).toEqual([]);
  });
});
