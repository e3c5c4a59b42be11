import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personNames, persons } from '../src/server/db/schema.ts';
import { prefixEnd } from '../src/server/modules/persons/repo.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

/**
 * Registry search: the exact-first one-word lookup, word-by-word name search, their cursors, scopes
 * as ranges, and `bedbound` from the ADL screening. People are inserted straight into the table
 * (set-up); what is tested is GET /api/v1/persons.
 */
let t: TestApp;
let admin: Client; // area admin of subdistrict 901508
let district: Client; // social worker of district 9015
let district1019: Client; // social worker of district 1019 (Bangkok): a prefix ending in 9
let operator: Client;

interface Listed {
  id: string;
  firstName: string;
  lastName: string;
  address: { areaCode: string };
}
interface Page {
  items: Listed[];
  nextCursor: string | null;
}

let seq = 0;
async function person(
  firstName: string,
  lastName: string,
  areaCode = '901508',
  extra: Partial<typeof persons.$inferInsert> = {},
) {
  seq += 1;
  const [row] = await t.database.db
    .insert(persons)
    .values({
      areaCode,
      idType: 'none',
      noIdReason: 'ทดสอบ',
      firstName,
      lastName,
      sex: seq % 2 ? 'male' : 'female',
      birthDate: '1980-01-01',
      ...extra,
    })
    .returning();
  return row!;
}

/** The five มานพ of ป่าขาด, in list order (surname, given name, id). */
let manopHere: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  district = (await loginAs(t, { roles: ['social_worker'], areaCodes: ['9015'] })).client;
  district1019 = (await loginAs(t, { roles: ['social_worker'], areaCodes: ['1019'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;

  const here = [
    await person('มานพ', 'ก้อนทอง'),
    await person('มานพ', 'ขาวสะอาด'),
    await person('มานพ', 'ขาวสะอาด'),
    await person('มานพ', 'มีสุข'),
    await person('มานพ', 'รักไทย'),
  ];
  manopHere = [...here]
    .sort((a, b) => cmp(a.lastName, b.lastName) || cmp(a.firstName, b.firstName) || cmp(a.id, b.id))
    .map((p) => p.id);
  await person('มานพย์', 'ดีงาม'); // a similar given name, not the same
  await person('สมหมาย', 'รักไทย');
  await person('สมหมาย', 'บุญมา'); // the same given name, another surname
  await person('วิไล', 'ศรีสวัสดิ์');
  await person('ประไพ', 'ศรีสวัสดิ์');
  await person('สุดา', 'ศรีสวัสดี'); // a similar surname, not the same
  await person('มานพ', 'นอกตำบล', '901501'); // same district, another subdistrict
  await person('มานพ', 'นอกอำเภอ', '901601'); // another district
  await person('มานพ', 'กรุงเทพ', '101901'); // district 1019
  await person('มานพ', 'ถัดไป', '102001'); // district 1020: past the end of 1019's range
  await person('มานพ', 'ควบรวม', '901508', {
    mergedInto: '00000000-0000-4000-8000-000000000000',
  }); // history, not a person
});
afterAll(() => t.close());

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function search(c: Client, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return c.request({ method: 'GET', url: `/api/v1/persons?${qs}` });
}

async function page(c: Client, query: Record<string, string | number>): Promise<Page> {
  const res = await search(c, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

/** Every page of a search, following nextCursor (bounded, so a cursor that never ends fails the test). */
async function walk(c: Client, query: Record<string, string | number>): Promise<Listed[][]> {
  const pages: Listed[][] = [];
  let cursor: string | null = null;
  do {
    const p = await page(c, cursor ? { ...query, cursor } : query);
    pages.push(p.items);
    cursor = p.nextCursor;
  } while (cursor && pages.length < 20);
  expect(cursor).toBeNull();
  return pages;
}

const names = (items: Listed[]) => items.map((p) => `${p.firstName} ${p.lastName}`);

describe('one word: exact given name or surname first', () => {
  it('a full page of exact given-name matches is that page, in list order, without similar names', async () => {
    const p = await page(admin, { q: 'มานพ', limit: 5 });
    expect(p.items.map((x) => x.id)).toEqual(manopHere);
    expect(names(p.items)).not.toContain('มานพย์ ดีงาม');
    expect(p.nextCursor).toBeNull();
  });

  it('a full page of exact surname matches, without the similar surname', async () => {
    const p = await page(admin, { q: 'ศรีสวัสดิ์', limit: 2 });
    expect(names(p.items).sort()).toEqual(['ประไพ ศรีสวัสดิ์', 'วิไล ศรีสวัสดิ์']);
    expect(p.nextCursor).toBeNull();
  });

  it('any exact match is the answer, even less than a page: similar names are not added', async () => {
    const p = await page(admin, { q: 'มานพ', limit: 50 });
    expect(p.items.map((x) => x.id)).toEqual(manopHere);
    const surnames = await page(admin, { q: 'ศรีสวัสดิ์' });
    expect(names(surnames.items)).toEqual(['ประไพ ศรีสวัสดิ์', 'วิไล ศรีสวัสดิ์']);
    // The typo-tolerant search does know the similar ones.
    expect(names((await page(admin, { q: 'มานพย' })).items)).toEqual(
      expect.arrayContaining(['มานพย์ ดีงาม', 'มานพ ก้อนทอง']),
    );
  });

  it('a typo finds no exact match and falls back to the typo-tolerant search', async () => {
    const p = await page(admin, { q: 'มานบ' });
    expect(p.items.map((x) => x.id)).toEqual(expect.arrayContaining(manopHere));
    expect(names(p.items)).not.toContain('สมหมาย บุญมา');
    expect(p.items.every((x) => x.address.areaCode === '901508')).toBe(true);
    // A part of a word still finds it.
    expect(names((await page(admin, { q: 'สวัสด' })).items)).toEqual(
      expect.arrayContaining(['ประไพ ศรีสวัสดิ์', 'วิไล ศรีสวัสดิ์', 'สุดา ศรีสวัสดี']),
    );
    expect((await page(admin, { q: 'ซซซซซ' })).items).toEqual([]);
    // Fewer than three letters: exact matches only (a trigram index has nothing to look up).
    expect(names((await page(admin, { q: 'มาน' })).items)).toContain('มานพ ก้อนทอง');
    expect((await page(admin, { q: 'มา' })).items).toEqual([]);
  });

  it('follows nextCursor through the exact matches, in list order, each once', async () => {
    const pages = await walk(admin, { q: 'มานพ', limit: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((x) => x.id)).toEqual(manopHere);
  });

  it('follows nextCursor through a ranked search (a typo) without repeats or gaps', async () => {
    const whole = (await page(admin, { q: 'มานบ', limit: 50 })).items.map((x) => x.id);
    expect(whole.length).toBeGreaterThan(3);
    const pages = await walk(admin, { q: 'มานบ', limit: 2 });
    expect(pages.flat().map((x) => x.id)).toEqual(whole);
  });
});

describe('two or more words: word by word', () => {
  it('finds the person with a typo in the surname or in the given name', async () => {
    expect(names((await page(admin, { q: 'สมหมาย รักไธย' })).items)).toEqual(['สมหมาย รักไทย']);
    expect(names((await page(admin, { q: 'สมหมาญ รักไทย' })).items)).toEqual(['สมหมาย รักไทย']);
  });

  it('the exact name ranks first; the same given name with another surname does not match', async () => {
    const found = names((await page(admin, { q: 'สมหมาย  รักไทย' })).items);
    expect(found[0]).toBe('สมหมาย รักไทย');
    expect(found).not.toContain('สมหมาย บุญมา');
    expect((await page(admin, { q: 'สมหมาย ซซซซซซ' })).items).toEqual([]);
  });

  it('a full name found exactly is the answer, without similar names', async () => {
    await person('สมหมาย', 'รักไทยดี');
    expect(names((await page(admin, { q: 'สมหมาย รักไทย' })).items)).toEqual(['สมหมาย รักไทย']);
    const typo = names((await page(admin, { q: 'สมหมาย รักไธย' })).items);
    expect(typo[0]).toBe('สมหมาย รักไทย');
    expect(typo).toContain('สมหมาย รักไทยดี');
  });

  it('the whole query inside the full name still matches (a surname typed in part)', async () => {
    expect(names((await page(admin, { q: 'สมหมาย รัก' })).items).sort()).toEqual([
      'สมหมาย รักไทย',
      'สมหมาย รักไทยดี',
    ]);
  });
});

describe('the names the typo-tolerant search looks in (person_name)', () => {
  it('a new name, a renamed person and an updated surname are found with a typo at once', async () => {
    const fresh = await person('ประดิษฐ์ชัย', 'เลิศล้ำเลอค่า');
    expect(names((await page(admin, { q: 'ประดิษฐ์ชาย' })).items)).toEqual(['ประดิษฐ์ชัย เลิศล้ำเลอค่า']);
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/v1/persons/${fresh.id}`,
      payload: { lastName: 'อุดมสมบูรณ์ยิ่ง' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(names((await page(admin, { q: 'อุดมสมบูรณ์ยอง' })).items)).toEqual(['ประดิษฐ์ชัย อุดมสมบูรณ์ยิ่ง']);
    // The old surname is still a known name, but nobody holds it now: it finds no one.
    expect((await page(admin, { q: 'เลิศล้ำเลอคา' })).items).toEqual([]);
  });

  it('every distinct name once, whatever wrote the person (one statement of many rows too)', async () => {
    await t.database.db.insert(persons).values(
      ['ก', 'ข', 'ค'].map((suffix) => ({
        areaCode: '901508',
        idType: 'none',
        noIdReason: 'ทดสอบ',
        firstName: 'ทดสอบชื่อ',
        lastName: `นามสกุลหมู่${suffix}`,
        sex: 'female',
        birthDate: '1990-01-01',
      })),
    );
    const rows = await t.database.db.select().from(personNames).where(like(personNames.name, '%ทดสอบชื่อ%'));
    expect(rows).toEqual([{ kind: 'given', name: 'ทดสอบชื่อ' }]);
    const surnames = await t.database.db
      .select({ name: personNames.name })
      .from(personNames)
      .where(and(eq(personNames.kind, 'surname'), like(personNames.name, 'นามสกุลหมู่%')));
    expect(surnames.map((r) => r.name).sort()).toEqual(['นามสกุลหมู่ก', 'นามสกุลหมู่ข', 'นามสกุลหมู่ค']);
  });
});

describe('cursors name the ordering they came from', () => {
  it('a ranked cursor on a list in list order (the list, a phone number, an ID) is refused', async () => {
    const ranked = await page(admin, { q: 'มานบ', limit: 1 });
    expect(ranked.nextCursor).not.toBeNull();
    const lists: Record<string, string>[] = [{}, { q: '0812345678' }, { q: '1103700123458' }];
    for (const query of lists) {
      const cursor = ranked.nextCursor!;
      const res = await search(admin, { ...query, cursor });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe('query.cursor');
    }
  });

  it('a full name shared by several people pages in list order', async () => {
    const twins = [await person('บุญมี', 'ซ้ำชื่อ'), await person('บุญมี', 'ซ้ำชื่อ'), await person('บุญมี', 'ซ้ำชื่อ')];
    const pages = await walk(admin, { q: 'บุญมี ซ้ำชื่อ', limit: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().map((x) => x.id)).toEqual(twins.map((x) => x.id).sort());
  });

  it('a ranked cursor on a one-word query goes on with the ranked search', async () => {
    const first = await page(admin, { q: 'มานบ', limit: 2 });
    const second = await page(admin, { q: 'มานบ', limit: 2, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(2);
    expect(second.items.map((x) => x.id)).not.toContain(first.items[0]!.id);
  });

  it('malformed cursors are a 400, never a server error', async () => {
    const bad = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      bad(['rank', -1]),
      bad(['rank', 1.5]),
      bad(['other', 2]),
      bad(['ขาว', 'มานพ', 'not-a-uuid']),
      bad([1, 2, 3]),
    ]) {
      const res = await search(admin, { q: 'มานพ', cursor });
      expect(res.statusCode, `${cursor}: ${res.body}`).toBe(400);
    }
  });
});

describe('scopes hold in every way of searching', () => {
  const everyWay: Record<string, string | number>[] = [
    { q: 'มานพ', limit: 2 }, // exact, list order
    { q: 'มานพ' }, // exact first, then ranked
    { q: 'มานบ' }, // ranked (typo)
    { q: 'มานพ กรุงเทพ' }, // word by word
    {}, // the list
  ];

  it('a subdistrict admin sees only that subdistrict, never a merged record', async () => {
    for (const query of everyWay) {
      for (const p of await walk(admin, query)) {
        for (const x of p) {
          expect(x.address.areaCode).toBe('901508');
          expect(x.lastName).not.toBe('ควบรวม');
        }
      }
    }
  });

  it('a district social worker sees the whole district (a range of codes) and nothing outside', async () => {
    const found = (await walk(district, { q: 'มานพ', limit: 3 })).flat();
    expect(found.map((x) => x.lastName)).toContain('นอกตำบล');
    expect(found.map((x) => x.lastName)).not.toContain('นอกอำเภอ');
    expect(found).toHaveLength(6);
    for (const query of everyWay) {
      const all = (await walk(district, query)).flat();
      expect(all.every((x) => x.address.areaCode.startsWith('9015'))).toBe(true);
    }
  });

  it('a district code ending in 9 ends its range at the next code (1019 → 102)', async () => {
    const ways: Record<string, string | number>[] = [
      { q: 'มานพ' },
      { q: 'มานพ', limit: 1 },
      { q: 'มานบ' },
      {},
    ];
    for (const query of ways) {
      const all = (await walk(district1019, query)).flat();
      expect(names(all)).toEqual(['มานพ กรุงเทพ']);
    }
    expect(prefixEnd('9015')).toBe('9016');
    expect(prefixEnd('1019')).toBe('102');
    expect(prefixEnd('90')).toBe('91');
    expect(prefixEnd('199')).toBe('2');
    expect(prefixEnd('99')).toBeNull();
  });

  it('a village filter keeps to the village; an area filter narrows the operator', async () => {
    const inDistrict = (await walk(operator, { q: 'มานพ', area: '9015', limit: 2 })).flat();
    expect(inDistrict.every((x) => x.address.areaCode.startsWith('9015'))).toBe(true);
    expect(inDistrict).toHaveLength(6);
    const everywhere = (await walk(operator, { q: 'มานพ', limit: 2 })).flat();
    expect(everywhere).toHaveLength(9);
    expect((await page(operator, { q: 'มานพ', area: '90150899' })).items).toEqual([]);
  });
});

describe('beyond a district, names must match exactly', () => {
  it('the operator finds exact names everywhere, similar ones only within an area of a district or less', async () => {
    expect((await page(operator, { q: 'มานบ' })).items).toEqual([]);
    const exact = await page(operator, { q: 'มานพ' });
    expect(exact.items).toHaveLength(9);
    expect(names(exact.items)).not.toContain('มานพย์ ดีงาม');
    expect(exact.nextCursor).toBeNull();
    const inDistrict = names((await page(operator, { q: 'มานบ', area: '9015' })).items);
    expect(inDistrict).toEqual(expect.arrayContaining(['มานพ ก้อนทอง', 'มานพ นอกตำบล', 'มานพย์ ดีงาม']));
    expect(inDistrict).not.toContain('มานพ นอกอำเภอ');
    expect((await page(operator, { q: 'มานบ', area: '90' })).items).toEqual([]);
    expect(names((await page(operator, { q: 'สมหมาย รักไทย' })).items)).toEqual(['สมหมาย รักไทย']);
    expect((await page(operator, { q: 'สมหมาย รักไธย' })).items).toEqual([]);
  });

  it('a province-wide user too; a ranked cursor is refused there', async () => {
    const { client: province } = await loginAs(t, { roles: ['social_worker'], areaCodes: ['90'] });
    expect((await page(province, { q: 'มานบ' })).items).toEqual([]);
    expect((await page(province, { q: 'มานพ', limit: 3 })).items).toHaveLength(3);
    const ranked = await page(admin, { q: 'มานบ', limit: 1 });
    const res = await search(province, { q: 'มานบ', cursor: ranked.nextCursor! });
    expect(res.statusCode).toBe(400);
  });
});

describe('the bedbound filter', () => {
  it('matches people recorded as bed-bound and people whose latest ADL screening says so', async () => {
    const byAdl = await person('ทองใบ', 'ติดเตียง', '901508', { adlGroup: 'bed_bound' });
    const recorded = await person('ทองดี', 'ติดเตียง', '901508', { vulnerability: ['bedbound'] });
    const home = await person('ทองคำ', 'ติดบ้าน', '901508', { adlGroup: 'home_bound' });
    const outside = await person('ทองสุข', 'ติดเตียง', '901501', { adlGroup: 'bed_bound' });
    const ids = (await walk(admin, { vulnerability: 'bedbound' })).flat().map((x) => x.id);
    expect(ids.sort()).toEqual([byAdl.id, recorded.id].sort());
    expect(ids).not.toContain(home.id);
    expect(ids).not.toContain(outside.id);
    const byName = (await page(admin, { vulnerability: 'bedbound', q: 'ทองใบ' })).items.map((x) => x.id);
    expect(byName).toEqual([byAdl.id]);
  });
});
