import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personCreate } from '../src/core/schemas/person.ts';
import { checkDigit } from '../src/core/thai/nationalId.ts';
import { auditLog, importJobs, personRevisions, persons } from '../src/server/db/schema.ts';
import { AreaResolver } from '../src/server/modules/imports/areaCache.ts';
import { prepareRow } from '../src/server/modules/imports/rows.ts';
import { type ImportWorker, startImportWorker } from '../src/server/modules/imports/worker.ts';
import { NationalIdVault } from '../src/server/modules/persons/nationalIdVault.ts';
import { toInsert } from '../src/server/modules/persons/service.ts';
import { type Client, createTestApp, loginAs, type TestApp } from './support/app.ts';

let t: TestApp;
let worker: ImportWorker;
let admin: Client;
let otherAdmin: Client;
let volunteer: Client;
let operator: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901508'] })).client;
  otherAdmin = (await loginAs(t, { roles: ['area_admin'], areaCodes: ['901501'] })).client;
  volunteer = (await loginAs(t, { roles: ['volunteer'], areaCodes: ['901508'] })).client;
  operator = (await loginAs(t, { roles: ['operator'] })).client;
  // Driven by hand (drain) so each test knows when its job ran; small chunks so files span several.
  worker = startImportWorker(t.app, { autoStart: false, chunkSize: 100, staleMs: 0 });
});
afterAll(() => t.close());

// ---------------------------------------------------------------- helpers

let serial = 1000;
/** A fresh valid Thai national ID (check digit from core/thai). */
function newId(): string {
  const first12 = `3${String(serial++).padStart(11, '0')}`;
  return first12 + checkDigit(first12);
}
const wrongCheckDigit = (id: string) => id.slice(0, 12) + ((Number(id[12]) + 1) % 10);

function csvText(rows: string[][], bom = true): string {
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const body = rows.map((r) => r.map(cell).join(',')).join('\r\n');
  return `${bom ? '\uFEFF' : ''}${body}\r\n`;
}

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const boundary = `----toemsuk${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface UploadSpec {
  content: Buffer | string;
  name?: string;
  format?: string;
  areaCode?: string;
  mode?: 'dry-run' | 'commit';
  mapping?: Record<string, string>;
  lang?: string;
}

function upload(c: Client, s: UploadSpec) {
  const fields: Record<string, string> = {
    format: s.format ?? 'toemsuk-persons',
    areaCode: s.areaCode ?? '901508',
    mode: s.mode ?? 'commit',
  };
  if (s.mapping) fields.mapping = JSON.stringify(s.mapping);
  const body = multipart(fields, { name: s.name ?? 'people.csv', content: s.content });
  return c.request({
    method: 'POST',
    url: '/api/v1/imports',
    payload: body.payload,
    headers: { ...body.headers, ...(s.lang ? { 'accept-language': s.lang } : {}) },
  });
}

function inspect(c: Client, content: Buffer | string, name = 'people.csv') {
  const body = multipart({}, { name, content });
  return c.request({
    method: 'POST',
    url: '/api/v1/imports/inspect',
    payload: body.payload,
    headers: body.headers,
  });
}

interface Job {
  id: string;
  status: string;
  mode: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: { row: number; column: string | null; code: string; message: string }[];
  preview: {
    row: number;
    action: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    areaCode: string;
  }[];
  failure: string | null;
  dryRunId: string | null;
  commitJobId: string | null;
}

async function getJob(c: Client, id: string, lang?: string): Promise<Job> {
  const res = await c.request({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: lang ? { 'accept-language': lang } : {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Uploads, runs the queue, and returns the finished job with the accounting checked. */
async function runImport(c: Client, s: UploadSpec): Promise<Job> {
  const res = await upload(c, s);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('queued');
  await worker.drain();
  const job = await getJob(c, res.json().id, s.lang);
  expect(job.status, job.failure ?? '').toBe('done');
  expectBalanced(job);
  return job;
}

function expectBalanced(job: Job) {
  expect(job.processed).toBe(job.total);
  expect(job.created + job.updated + job.unchanged + job.errorCount).toBe(job.total);
}

async function personCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(persons);
  return row!.n;
}

const personBySource = async (key: string) =>
  (await t.database.db.select().from(persons).where(eq(persons.sourceKey, key)))[0];

const HEADERS = [
  'เลขประจำตัวประชาชน',
  'คำนำหน้า',
  'ชื่อ',
  'นามสกุล',
  'เพศ',
  'วันเกิด',
  'รหัสตำบล',
  'หมู่ที่',
  'บ้านเลขที่',
  'โทรศัพท์',
  'สิทธิการรักษา',
  'กลุ่มเปราะบาง',
];

function person(over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    เลขประจำตัวประชาชน: newId(),
    คำนำหน้า: 'นาย',
    ชื่อ: 'สมชาย',
    นามสกุล: `ทดสอบ${serial}`,
    เพศ: 'ชาย',
    วันเกิด: '13/04/2493',
    รหัสตำบล: '901508',
    หมู่ที่: '',
    บ้านเลขที่: '12/1',
    โทรศัพท์: '081-234-5678',
    สิทธิการรักษา: 'บัตรทอง',
    กลุ่มเปราะบาง: 'ยากจน, อยู่ลำพัง',
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? '');
}

// ---------------------------------------------------------------- template

describe('the template', () => {
  it('downloads as CSV with a BOM, Thai headers and an example row that imports cleanly', async () => {
    const res = await operator.request({ method: 'GET', url: '/api/v1/imports/template?type=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [headers, example, ...rest] = parseCsv(res.rawPayload.toString('utf8'), {
      bom: true,
    }) as string[][];
    expect(rest).toEqual([]);
    for (const h of ['เลขประจำตัวประชาชน', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'รหัสตำบล', 'หมู่ที่']) {
      expect(headers).toContain(h);
    }
    expect(example![headers!.indexOf('วันเกิด')]).toBe('13/04/2493');
    expect(example![headers!.indexOf('สิทธิการรักษา')]).toBe('บัตรทอง');

    const before = await personCount();
    const job = await runImport(operator, { content: res.rawPayload, mode: 'dry-run', areaCode: '901501' });
    expect(job).toMatchObject({ total: 1, created: 1, errorCount: 0 });
    expect(job.preview[0]).toMatchObject({
      row: 2,
      action: 'create',
      birthDate: '1950-04-13',
      areaCode: '901501',
    });
    expect(await personCount()).toBe(before);
  });

  it('downloads as XLSX with the same headers, text-formatted, and a help sheet', async () => {
    const res = await admin.request({
      method: 'GET',
      url: '/api/v1/imports/template?format=toemsuk-persons&type=xlsx',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('เลขประจำตัวประชาชน');
    expect(sheet.getRow(2).getCell(2).value).toBe('1-2345-67890-12-1');
    expect(wb.worksheets[1]!.name).toBe('คำอธิบาย');
  });

  it('refuses an unknown format', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/imports/template?format=other' });
    expect(res.statusCode).toBe(400);
  });
});

// ---------------------------------------------------------------- bad rows

describe('a file with every kind of bad row', () => {
  const ID_OK = newId();
  const ID_BE = newId();
  const rows = [
    HEADERS,
    person({ เลขประจำตัวประชาชน: ID_OK, ชื่อ: 'สมชาย', นามสกุล: 'ใจดี' }), // 2 created
    person({ เลขประจำตัวประชาชน: wrongCheckDigit(newId()) }), // 3 check digit
    person({ วันเกิด: '01/01/2580' }), // 4 B.E. 2580 = 2037: in the future
    person({ เลขประจำตัวประชาชน: ID_BE, วันเกิด: '2567-03-01', ชื่อ: 'ด.ช.ปีพุทธ' }), // 5 B.E. as CE → 2024
    person({ รหัสตำบล: '999999' }), // 6 unknown area
    person({ เลขประจำตัวประชาชน: ID_OK, ชื่อ: 'สมชัย' }), // 7 duplicate of row 2
    person({
      เลขประจำตัวประชาชน: '',
      ชื่อ: '=HYPERLINK("http://evil.example","click")',
      นามสกุล: '@SUM(A1:A2)',
      บ้านเลขที่: '-1',
      โทรศัพท์: '+1',
    }), // 8 bad phone; formula-like cells
    person({ รหัสตำบล: '901501' }), // 9 outside the admin's area
    person({ เลขประจำตัวประชาชน: '', คำนำหน้า: 'นาง', ชื่อ: 'มาลี', นามสกุล: 'ศรีสุข', เพศ: 'หญิง', วันเกิด: '2510' }), // 10
    ['', '', '', '', '', '', '', '', '', '', '', ''], // 11 blank: not a row
    person({ เพศ: 'X', วันเกิด: '31/02/2500' }), // 12 two problems
  ];
  const file = csvText(rows);
  let dryRunId: string;

  it('a dry run reports each row, predicts the counts, and writes no person', async () => {
    const before = await personCount();
    const job = await runImport(admin, { content: file, mode: 'dry-run' });
    dryRunId = job.id;
    expect(job).toMatchObject({
      mode: 'dry-run',
      total: 10,
      created: 3,
      updated: 0,
      unchanged: 0,
      errorCount: 7,
    });
    expect(await personCount()).toBe(before);

    const at = (row: number) => job.errors.filter((e) => e.row === row).map((e) => [e.column, e.code]);
    expect(at(3)).toEqual([['เลขประจำตัวประชาชน', 'thai_id_check']]);
    expect(at(4)).toEqual([['วันเกิด', 'birth_future']]);
    expect(at(6)).toEqual([['รหัสตำบล', 'area_unknown']]);
    expect(at(7)).toEqual([['เลขประจำตัวประชาชน', 'import_duplicate_row']]);
    expect(at(8)).toEqual([['โทรศัพท์', 'bad_format']]);
    expect(at(9)).toEqual([['รหัสตำบล', 'import_area_forbidden']]);
    expect(at(12).sort()).toEqual([
      ['วันเกิด', 'import_date_format'],
      ['เพศ', 'not_one_of'],
    ]);
    expect(job.errors.find((e) => e.row === 7)!.message).toBe('ซ้ำกับแถวที่ 2 ในไฟล์นี้');
    expect(job.errors.some((e) => e.row === 11)).toBe(false);
    // A national ID never appears in a message.
    expect(JSON.stringify(job.errors)).not.toContain(ID_OK);

    expect(job.preview.map((p) => [p.row, p.action, p.birthDate])).toEqual([
      [2, 'create', '1950-04-13'],
      [5, 'create', '2024-03-01'],
      [10, 'create', '1967-01-01'],
    ]);
  });

  it('messages follow Accept-Language', async () => {
    const job = await getJob(admin, dryRunId, 'en');
    expect(job.errors.find((e) => e.row === 3)!.message).toBe(
      'This Thai national ID is not valid (the check digit does not match)',
    );
    expect(job.errors.find((e) => e.row === 6)!.message).toBe('Unknown area code 999999');
  });

  it('the error report is a CSV with every error and the row as it was, safe from formulas', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/v1/imports/${dryRunId}/errors.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = parseCsv(res.rawPayload.toString('utf8'), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    expect(lines[0]!.slice(0, 4)).toEqual(['แถว', 'คอลัมน์', 'ข้อผิดพลาด', 'เลขประจำตัวประชาชน']);
    expect(lines.length - 1).toBe(8); // 7 rows, one of them with two problems
    const formulaRow = lines.find((l) => l[0] === '8')!;
    expect(formulaRow).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(formulaRow).toContain(`'@SUM(A1:A2)`);
    expect(formulaRow).toContain(`'+1`);
    expect(formulaRow).toContain(`'-1`);
    for (const cell of lines.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const en = await admin.request({
      method: 'GET',
      url: `/api/v1/imports/${dryRunId}/errors.csv`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.body).toContain('Row,Column,Error');
  });

  it('committing the dry run imports exactly what it predicted, with revisions and a counts-only audit', async () => {
    const before = await personCount();
    const res = await admin.request({ method: 'POST', url: `/api/v1/imports/${dryRunId}/commit` });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued', mode: 'commit' });
    await worker.drain();
    const job = await getJob(admin, res.json().id);
    expectBalanced(job);
    expect(job).toMatchObject({ status: 'done', total: 10, created: 3, errorCount: 7, preview: [] });
    expect(await personCount()).toBe(before + 3);

    const be = await t.database.db.select().from(persons).where(eq(persons.firstName, 'ด.ช.ปีพุทธ'));
    expect(be.map((p) => p.birthDate)).toEqual(['2024-03-01']);
    const estimated = await t.database.db.select().from(persons).where(eq(persons.lastName, 'ศรีสุข'));
    expect(estimated[0]).toMatchObject({ birthDate: '1967-01-01', birthDateEstimated: true, idType: 'none' });

    const revisions = await t.database.db
      .select()
      .from(personRevisions)
      .where(eq(personRevisions.reason, `import:${job.id}`));
    expect(revisions).toHaveLength(3);
    expect(revisions.every((r) => r.source === 'import' && r.version === 1)).toBe(true);

    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['import.commit', 'import.finish']);
    const finish = audits.find((a) => a.action === 'import.finish')!;
    expect(finish.detail).toMatchObject({ total: 10, created: 3, errorCount: 7 });
    const text = JSON.stringify(audits);
    for (const secret of [ID_OK, ID_BE, 'สมชาย', 'ใจดี', 'ศรีสุข']) expect(text).not.toContain(secret);
  });

  it('a dry run is committed once: again, it answers 200 with the same commit job and imports nothing', async () => {
    const [first] = await t.database.db.select().from(importJobs).where(eq(importJobs.dryRunId, dryRunId));
    expect(first).toMatchObject({ mode: 'commit', status: 'done', total: 10 });
    const before = await personCount();
    const again = await admin.request({ method: 'POST', url: `/api/v1/imports/${dryRunId}/commit` });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: first!.id, mode: 'commit', status: 'done', dryRunId });
    await worker.drain();
    expect(await personCount()).toBe(before);
    const commits = await t.database.db
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(eq(importJobs.dryRunId, dryRunId));
    expect(commits).toHaveLength(1);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, first!.id));
    expect(audits.filter((a) => a.action === 'import.commit')).toHaveLength(1);

    // The dry run names its commit, and the commit its dry run.
    const dry = (await admin.request({ method: 'GET', url: `/api/v1/imports/${dryRunId}` })).json();
    expect(dry).toMatchObject({ mode: 'dry-run', commitJobId: first!.id, dryRunId: null });
    const commit = (await admin.request({ method: 'GET', url: `/api/v1/imports/${first!.id}` })).json();
    expect(commit).toMatchObject({ commitJobId: null, dryRunId });
  });

  it('two commits of one dry run at the same moment make one commit job: one 202, one 200', async () => {
    const dry = await runImport(admin, { content: file, mode: 'dry-run' });
    expect(dry.commitJobId).toBeNull();
    const url = `/api/v1/imports/${dry.id}/commit`;
    const answers = await Promise.all([
      admin.request({ method: 'POST', url }),
      admin.request({ method: 'POST', url }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 202]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    await worker.drain();
    const job = await getJob(admin, answers[0]!.json().id);
    // Everything was imported by the first commit: this one finds it all in place.
    expect(job).toMatchObject({ status: 'done', total: 10, created: 0, unchanged: 3, errorCount: 7 });
  });

  it('committing twice is refused for a commit job; re-importing the file creates nothing new', async () => {
    const jobs = await t.database.db
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(eq(importJobs.mode, 'commit'));
    const again = await admin.request({ method: 'POST', url: `/api/v1/imports/${jobs[0]!.id}/commit` });
    expect(again.statusCode).toBe(422);

    const before = await personCount();
    const job = await runImport(admin, { content: file });
    expect(job).toMatchObject({ total: 10, created: 0, updated: 0, unchanged: 3, errorCount: 7 });
    expect(await personCount()).toBe(before);
  });

  it('a changed row updates the person (new version, revision with the change); unchanged rows stay', async () => {
    const changed = csvText([
      HEADERS,
      person({ เลขประจำตัวประชาชน: ID_OK, ชื่อ: 'สมชาย', นามสกุล: 'ใจดี', โทรศัพท์: '089-999-0000' }),
    ]);
    const job = await runImport(admin, { content: changed });
    expect(job).toMatchObject({ total: 1, created: 0, updated: 1 });
    const [p] = await t.database.db.select().from(persons).where(eq(persons.lastName, 'ใจดี'));
    expect(p).toMatchObject({ phone: '0899990000', version: 2 });
    const [rev] = await t.database.db
      .select()
      .from(personRevisions)
      .where(eq(personRevisions.reason, `import:${job.id}`));
    expect(rev!.changes).toEqual({ phone: { from: '0812345678', to: '0899990000' } });
  });
});

describe('people registered by hand', () => {
  it('are matched by national ID: unchanged or updated, never a second person', async () => {
    const id = newId();
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        idType: 'thai_id',
        nationalId: id,
        firstName: 'ประยูร',
        lastName: 'มือกรอก',
        sex: 'male',
        birthDate: '1950-04-13',
        address: { areaCode: '901508', houseNo: '12/1' },
        phone: '0812345678',
        healthCoverage: 'universal',
        vulnerability: ['poor', 'living_alone'],
        title: 'nai',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = await personCount();
    const row = person({ เลขประจำตัวประชาชน: id, ชื่อ: 'ประยูร', นามสกุล: 'มือกรอก' });

    const same = await runImport(admin, { content: csvText([HEADERS, row]) });
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const moved = await runImport(admin, {
      content: csvText([HEADERS, person({ เลขประจำตัวประชาชน: id, ชื่อ: 'ประยูร', นามสกุล: 'มือกรอก', หมู่ที่: '3' })]),
    });
    expect(moved).toMatchObject({ created: 0, updated: 1 });
    expect(await personCount()).toBe(before);
    const [p] = await t.database.db.select().from(persons).where(eq(persons.id, created.json().id));
    expect(p).toMatchObject({ villageNo: 3, version: 2 });
    expect(p!.sourceKey).toMatch(/^toemsuk:id:/);
  });

  it('someone registered in an area the importer may not update is reported, not touched', async () => {
    const id = newId();
    const res = await operator.request({
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        idType: 'thai_id',
        nationalId: id,
        firstName: 'นอก',
        lastName: 'เขต',
        sex: 'female',
        birthDate: '1960-01-01',
        address: { areaCode: '901501' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const job = await runImport(admin, { content: csvText([HEADERS, person({ เลขประจำตัวประชาชน: id })]) });
    expect(job).toMatchObject({ created: 0, updated: 0, errorCount: 1 });
    expect(job.errors[0]).toMatchObject({ row: 2, code: 'import_registered_elsewhere' });
  });
});

// ---------------------------------------------------------------- encodings and file types

/** Windows-874 is TIS-620 for Thai: U+0E01–U+0E5B sit at 0xA1–0xFB, one offset for all. */
function windows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) return cp;
      if (cp >= 0x0e01 && cp <= 0x0e5b) return cp - 0x0e01 + 0xa1;
      throw new Error(`not in the test table: ${ch}`);
    }),
  );
}

describe('encodings and file types', () => {
  it('reads a Windows-874 (TIS-620) file', async () => {
    const id = newId();
    const bytes = windows874(
      csvText([HEADERS, person({ เลขประจำตัวประชาชน: id, ชื่อ: 'บุญเรือน', นามสกุล: 'ทีไอเอส' })], false),
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();

    const seen = await inspect(admin, bytes);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      encoding: 'windows-874',
      fileType: 'csv',
      format: 'toemsuk-persons',
    });
    expect(seen.json().headers).toEqual(HEADERS);
    expect(seen.json().sampleRows[0][2]).toBe('บุญเรือน');

    const job = await runImport(admin, { content: bytes });
    expect(job).toMatchObject({ created: 1, errorCount: 0 });
    const p = (await t.database.db.select().from(persons).where(eq(persons.lastName, 'ทีไอเอส')))[0];
    expect(p).toMatchObject({ firstName: 'บุญเรือน', title: 'nai', healthCoverage: 'universal' });
    expect(p!.vulnerability).toEqual(['poor', 'living_alone']);
  });

  it('tells UTF-8 with and without a BOM apart', async () => {
    const rows = [HEADERS, person()];
    expect((await inspect(admin, csvText(rows, true))).json().encoding).toBe('utf-8-bom');
    expect((await inspect(admin, csvText(rows, false))).json().encoding).toBe('utf-8');
  });

  it('reads an XLSX file: number cells, date cells, a phone that lost its leading zero', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('รายชื่อ');
    ws.addRow(['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'โทรศัพท์', 'กลุ่มเปราะบาง']);
    const id = newId();
    ws.addRow([Number(id), 'เอกซ์', 'เซลล์', 'หญิง', new Date(Date.UTC(1955, 5, 1)), 812345678, 'ติดเตียง']);
    ws.addRow([]);
    ws.addRow(['', 'ไม่มี', 'วันเกิด', 'หญิง', '', '', '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());

    const seen = await inspect(admin, content, 'people.xlsx');
    expect(seen.json()).toMatchObject({ fileType: 'xlsx', format: 'toemsuk-persons' });
    const job = await runImport(admin, { content, name: 'people.xlsx', mode: 'commit' });
    expect(job).toMatchObject({ total: 2, created: 1, errorCount: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, column: 'วันเกิด', code: 'required' })]);
    const p = (await t.database.db.select().from(persons).where(eq(persons.lastName, 'เซลล์')))[0];
    expect(p).toMatchObject({
      birthDate: '1955-06-01',
      phone: '0812345678',
      sex: 'female',
      areaCode: '901508',
    });
    expect(p!.vulnerability).toEqual(['bedbound']);

    const report = await admin.request({ method: 'GET', url: `/api/v1/imports/${job.id}/errors.csv` });
    const lines = parseCsv(report.rawPayload.toString('utf8'), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    expect(lines.slice(1)).toEqual([['4', 'วันเกิด', 'ต้องกรอกช่องนี้', '', 'ไม่มี', 'วันเกิด', 'หญิง']]);
  });
});

// ---------------------------------------------------------------- MoPH and mapped

const MOPH =
  'HOSPCODE|CID|PID|HID|PRENAME|NAME|LNAME|HN|SEX|BIRTH|MSTATUS|OCCUPATION_OLD|OCCUPATION_NEW|RACE|NATION|RELIGION|EDUCATION|FSTATUS|FATHER|MOTHER|COUPLE|VSTATUS|MOVEIN|DISCHARGE|DDISCHARGE|ABOGROUP|RHGROUP|LABOR|PASSPORT|TYPEAREA|D_UPDATE';
function mophRow(v: Record<string, string>): string {
  return MOPH.split('|')
    .map((h) => v[h] ?? '')
    .join('|');
}

describe('the MoPH 43-file PERSON file', () => {
  const cid = newId();
  const file = `${[
    MOPH,
    mophRow({
      HOSPCODE: '10999',
      CID: cid,
      PID: '1',
      PRENAME: '003',
      NAME: 'สมศักดิ์',
      LNAME: 'สาธารณสุข',
      SEX: '1',
      BIRTH: '19480115',
      MSTATUS: '2',
      NATION: '099',
      RELIGION: '02',
      EDUCATION: '02',
      DISCHARGE: '9',
      TYPEAREA: '1',
    }),
    mophRow({
      HOSPCODE: '10999',
      CID: '',
      PID: '2',
      PRENAME: '005',
      NAME: 'บุญมา',
      LNAME: 'สาธารณสุข',
      SEX: '2',
      BIRTH: '19520310',
      DISCHARGE: '9',
    }),
    mophRow({
      HOSPCODE: '10999',
      CID: newId(),
      PID: '3',
      PRENAME: '003',
      NAME: 'ล่วงลับ',
      LNAME: 'สาธารณสุข',
      SEX: '1',
      BIRTH: '19300101',
      DISCHARGE: '1',
    }),
    mophRow({
      HOSPCODE: '10999',
      CID: cid,
      PID: '4',
      PRENAME: '003',
      NAME: 'ซ้ำ',
      LNAME: 'สาธารณสุข',
      SEX: '1',
      BIRTH: '19480115',
      DISCHARGE: '9',
    }),
    mophRow({
      HOSPCODE: '10999',
      CID: '',
      PID: '2',
      PRENAME: '005',
      NAME: 'บุญมา',
      LNAME: 'ซ้ำพีไอดี',
      SEX: '2',
      BIRTH: '19520310',
      DISCHARGE: '9',
    }),
  ].join('\n')}\n`;

  it('is recognised by inspect', async () => {
    const res = await inspect(admin, file, 'PERSON.txt');
    expect(res.json()).toMatchObject({ format: 'moph43-person', encoding: 'utf-8' });
    expect(res.json().suggestedMapping).toMatchObject({
      nationalId: 'CID',
      firstName: 'NAME',
      lastName: 'LNAME',
    });
  });

  it('imports with source key moph:HOSPCODE:PID, codes translated, the chosen area', async () => {
    const job = await runImport(admin, { content: file, format: 'moph43-person' });
    expect(job).toMatchObject({ total: 5, created: 2, errorCount: 3 });
    expect(job.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'DISCHARGE', 'import_moph_discharged'],
      [5, 'CID', 'import_duplicate_row'],
      [6, 'PID', 'import_duplicate_row'],
    ]);
    expect(await personBySource('moph:10999:1')).toMatchObject({
      title: 'nai',
      sex: 'male',
      birthDate: '1948-01-15',
      maritalStatus: 'married',
      religion: 'islam',
      education: 'primary',
      nationality: 'TH',
      areaCode: '901508',
      idType: 'thai_id',
    });
    expect(await personBySource('moph:10999:2')).toMatchObject({
      title: 'nang',
      sex: 'female',
      idType: 'none',
    });
  });

  it('a second import of the same file changes nothing', async () => {
    const before = await personCount();
    const job = await runImport(admin, { content: file, format: 'moph43-person' });
    expect(job).toMatchObject({ created: 0, unchanged: 2, errorCount: 3 });
    expect(await personCount()).toBe(before);
  });

  it('a PERSON file without its key columns is refused at upload', async () => {
    const res = await upload(admin, { content: 'NAME|LNAME\nก|ข\n', format: 'moph43-person' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('HOSPCODE');
  });
});

describe('a spreadsheet of our own through a column mapping', () => {
  const headers = ['Given name', 'Family name', 'Gender', 'DOB', 'Tambon', 'Mobile', 'Note'];
  const file = csvText([
    headers,
    ['Somsri', 'Mapped', 'F', '1958-07-20', '901508', '0811111111', 'x'],
    ['Somchai', 'Mapped', 'M', '05/05/2501', '', '', ''],
  ]);
  const mapping = {
    firstName: 'Given name',
    lastName: 'Family name',
    sex: 'Gender',
    birthDate: 'DOB',
    areaCode: 'Tambon',
    phone: 'Mobile',
  };

  it('inspect suggests what it recognises', async () => {
    const res = await inspect(admin, file);
    expect(res.json().format).toBe('mapped');
    expect(res.json().suggestedMapping).toEqual({
      firstName: 'Given name',
      lastName: 'Family name',
      sex: 'Gender',
      birthDate: 'DOB',
      phone: 'Mobile',
    });
    expect(res.json().sampleRows).toEqual([
      ['Somsri', 'Mapped', 'F', '1958-07-20', '901508', '0811111111', 'x'],
      ['Somchai', 'Mapped', 'M', '05/05/2501', '', '', ''],
    ]);
    expect(res.json().fields.find((f: { key: string }) => f.key === 'firstName')).toMatchObject({
      required: true,
    });
  });

  it('imports through the mapping; a row without an area gets the job area', async () => {
    const job = await runImport(admin, { content: file, format: 'mapped', mapping });
    expect(job).toMatchObject({ total: 2, created: 2, errorCount: 0 });
    const rows = await t.database.db.select().from(persons).where(eq(persons.lastName, 'Mapped'));
    expect(rows.map((r) => [r.firstName, r.sex, r.birthDate, r.areaCode]).sort()).toEqual([
      ['Somchai', 'male', '1958-05-05', '901508'],
      ['Somsri', 'female', '1958-07-20', '901508'],
    ]);
  });

  it('a mapping that names a missing column, or misses a required field, is a 400', async () => {
    const wrong = await upload(admin, {
      content: file,
      format: 'mapped',
      mapping: { ...mapping, firstName: 'Nope' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'mapping.firstName', message: 'ไม่พบคอลัมน์ "Nope" ในไฟล์' }]);
    const partial = await upload(admin, {
      content: file,
      format: 'mapped',
      mapping: { firstName: 'Given name' },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors[0].path).toBe('mapping');
    const bogus = await upload(admin, {
      content: file,
      format: 'mapped',
      mapping: { shoeSize: 'Note' } as never,
    });
    expect(bogus.statusCode).toBe(400);
  });
});

// ---------------------------------------------------------------- files that cannot be imported

describe('files that cannot be imported', () => {
  it('an oversized file is a 413 problem', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
    const res = await upload(admin, { content: big });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: '/problems/too_large', status: 413 });
  });

  it('an empty file, a binary file and a file without our columns are 400s', async () => {
    const empty = await upload(admin, { content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ path: 'file' });
    const blank = await upload(admin, { content: '\uFEFF\r\n\r\n' });
    expect(blank.statusCode).toBe(400);
    const pdf = await upload(admin, { content: Buffer.from('%PDF-1.7\n\0\0binary') });
    expect(pdf.statusCode).toBe(400);
    const columns = await upload(admin, {
      content: csvText([
        ['ชื่อ', 'อายุ'],
        ['ก', '3'],
      ]),
    });
    expect(columns.statusCode).toBe(400);
    expect(columns.json().detail).toContain('นามสกุล');
  });

  it('a small malformed file is refused at upload, naming the row', async () => {
    const good = person().join(',');
    const res = await upload(admin, {
      content: `${HEADERS.join(',')}\n${good}\n"unclosed,quote\n`,
      lang: 'en',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('The file cannot be read: it is malformed at row 3');
  });

  it('a file malformed further down fails its job before importing anything, naming the row', async () => {
    // Past the first 64 kB, so the upload's quick look at the head does not reach the break.
    const good = Array.from({ length: 1000 }, () => person().join(','));
    const content = `${[HEADERS.join(','), ...good].join('\n')}\n"unclosed,quote\n`;
    const before = await personCount();
    const res = await upload(admin, { content });
    expect(res.statusCode, res.body).toBe(202);
    await worker.drain();
    const job = await getJob(admin, res.json().id, 'en');
    expect(job).toMatchObject({ status: 'failed', created: 0, processed: 0 });
    expect(job.failure).toBe('The file cannot be read: it is malformed at row 1002');
    expect(await personCount()).toBe(before);
  });

  it('bad form fields are field errors', async () => {
    const res = await upload(admin, { content: csvText([HEADERS, person()]), format: 'xml', areaCode: '12' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['areaCode', 'format']);
    const unknownArea = await operator.request({
      method: 'POST',
      url: '/api/v1/imports',
      ...(() => {
        const b = multipart(
          { format: 'toemsuk-persons', areaCode: '999999', mode: 'commit' },
          { name: 'a.csv', content: 'x' },
        );
        return { payload: b.payload, headers: b.headers };
      })(),
    });
    expect(unknownArea.statusCode).toBe(400);
    const noFile = multipart({ format: 'toemsuk-persons', areaCode: '901508' });
    const missing = await admin.request({
      method: 'POST',
      url: '/api/v1/imports',
      payload: noFile.payload,
      headers: noFile.headers,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('file');
  });
});

// ---------------------------------------------------------------- killed half-way

describe('an import killed half-way', () => {
  const N = 450;
  const ids = Array.from({ length: N }, () => newId());
  // Data row i (1-based) is sheet row i + 1. Row 301 repeats row 21's ID, after the restart point.
  ids[299] = ids[19]!;
  ids[449] = wrongCheckDigit(ids[449]!);
  const file = csvText([
    HEADERS,
    ...ids.map((id, i) => person({ เลขประจำตัวประชาชน: id, ชื่อ: `ฟื้น${i}`, นามสกุล: 'คืนชีพ' })),
  ]);

  it('resumes from the last committed chunk, and ends with the exact count', async () => {
    const before = await personCount();
    const res = await upload(admin, { content: file });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;

    // The server "dies" right after its second chunk of 100 committed.
    const first = startImportWorker(t.app, {
      autoStart: false,
      chunkSize: 100,
      staleMs: 60_000,
      hooks: { afterCommit: ({ chunk }) => (chunk === 2 ? 'abandon' : undefined) },
    });
    expect(await first.runOnce()).toBe(true);
    let job = await getJob(admin, id);
    expect(job).toMatchObject({ status: 'running', total: N, processed: 200, created: 200 });
    expect(await personCount()).toBe(before + 200);

    // The next start dies in the middle of its first chunk: that chunk rolls back entirely.
    const second = startImportWorker(t.app, {
      autoStart: false,
      chunkSize: 100,
      staleMs: 0,
      hooks: { beforeCommit: () => 'crash' },
    });
    expect(await second.runOnce()).toBe(true);
    job = await getJob(admin, id);
    expect(job).toMatchObject({ status: 'running', processed: 200, created: 200 });
    expect(await personCount()).toBe(before + 200);

    // A worker that lives: the stale job is resumed and finished.
    await worker.drain();
    job = await getJob(admin, id);
    expect(job.status).toBe('done');
    expectBalanced(job);
    expect(job).toMatchObject({ total: N, created: N - 2, updated: 0, unchanged: 0, errorCount: 2 });
    expect(await personCount()).toBe(before + N - 2);
    expect(job.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [301, 'import_duplicate_row', 'ซ้ำกับแถวที่ 21 ในไฟล์นี้'],
      [451, 'thai_id_check', expect.any(String)],
    ]);
    const [{ n }] = (await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(personRevisions)
      .where(eq(personRevisions.reason, `import:${id}`))) as [{ n: number }];
    expect(n).toBe(N - 2);
  });

  it('running the whole file again creates nothing', async () => {
    const before = await personCount();
    const job = await runImport(admin, { content: file });
    expect(job).toMatchObject({ total: N, created: 0, unchanged: N - 2, errorCount: 2 });
    expect(await personCount()).toBe(before);
  });
});

// ---------------------------------------------------------------- who may do what

describe('who may import, and who sees a job', () => {
  let jobId: string;

  it('only area admins in scope and operators may import', async () => {
    const file = csvText([HEADERS, person()]);
    expect((await upload(volunteer, { content: file })).statusCode).toBe(403);
    expect((await upload(otherAdmin, { content: file, areaCode: '901508' })).statusCode).toBe(403);
    expect((await inspect(volunteer, file)).statusCode).toBe(403);
    const anonymous = multipart(
      { format: 'toemsuk-persons', areaCode: '901508' },
      { name: 'a.csv', content: file },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: anonymous.payload,
      headers: anonymous.headers,
    });
    expect(res.statusCode).toBe(401);
    const mine = await upload(admin, { content: file, mode: 'dry-run' });
    expect(mine.statusCode).toBe(202);
    jobId = mine.json().id;
    await worker.drain();
  });

  it("another user's job is 404 everywhere; operators see it", async () => {
    for (const url of [`/api/v1/imports/${jobId}`, `/api/v1/imports/${jobId}/errors.csv`]) {
      expect((await otherAdmin.request({ method: 'GET', url })).statusCode).toBe(404);
    }
    expect(
      (await otherAdmin.request({ method: 'POST', url: `/api/v1/imports/${jobId}/commit` })).statusCode,
    ).toBe(404);
    expect((await operator.request({ method: 'GET', url: `/api/v1/imports/${jobId}` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: `/api/v1/imports/${randomUUID()}` })).statusCode).toBe(
      404,
    );
  });

  it('lists the actor’s own jobs, newest first, paginated', async () => {
    const all = await admin.request({ method: 'GET', url: '/api/v1/imports?limit=500' });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as { id: string; createdAt: string }[];
    expect(items[0]!.id).toBe(jobId);
    expect(items.length).toBeGreaterThan(5);
    const rows = await t.database.db.select({ by: importJobs.createdBy, id: importJobs.id }).from(importJobs);
    const adminIds = new Set(rows.filter((r) => items.some((i) => i.id === r.id)).map((r) => r.by));
    expect(adminIds.size).toBe(1);

    const first = (await admin.request({ method: 'GET', url: '/api/v1/imports?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await admin.request({ method: 'GET', url: `/api/v1/imports?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(items.slice(2, 4).map((i) => i.id));
    expect((await otherAdmin.request({ method: 'GET', url: '/api/v1/imports' })).json().items).toEqual([]);
  });
});

// ---------------------------------------------------------------- the background worker

describe('the background worker', () => {
  it('picks up an upload by itself, and other requests are served meanwhile', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => person({ ชื่อ: `เบื้องหลัง${i}` }));
    const bg = startImportWorker(t.app, { chunkSize: 100, pollMs: 50, staleMs: 60_000 });
    try {
      const res = await upload(admin, { content: csvText([HEADERS, ...rows]) });
      expect(res.statusCode).toBe(202);
      let job = await getJob(admin, res.json().id);
      const deadline = Date.now() + 20_000;
      while (job.status !== 'done' && Date.now() < deadline) {
        const health = await t.app.inject({ method: 'GET', url: '/api/health' });
        expect(health.statusCode).toBe(200);
        await new Promise((r) => setTimeout(r, 20));
        job = await getJob(admin, res.json().id);
      }
      expect(job).toMatchObject({ status: 'done', total: 600, created: 600 });
    } finally {
      await bg.stop();
    }
  });
});

// ---------------------------------------------------------------- one rule, two callers

describe('the row conversion and the registry agree', () => {
  it('a full row becomes the same columns as POST /api/v1/persons would store', async () => {
    const vault = new NationalIdVault('ab'.repeat(32));
    const actor = { userId: randomUUID(), roles: ['operator'] as const, organizationId: null, areaCodes: [] };
    const today = '2026-11-25';
    const body = {
      idType: 'thai_id',
      nationalId: '1-1037-00123-45-8',
      title: 'nang',
      firstName: 'ครบ',
      lastName: 'ทุกช่อง',
      sex: 'female',
      birthDate: '2493-04-13',
      birthDateEstimated: true,
      nationality: 'MM',
      religion: 'islam',
      maritalStatus: 'widowed',
      education: 'primary',
      occupation: 'ค้าขาย',
      incomeBand: 'lt3000',
      healthCoverage: 'social_security',
      address: { areaCode: '901508', villageNo: 4, houseNo: '7', postcode: '90280' },
      relationToHead: 'parent',
      phone: '0812345678',
      chronicConditions: ['diabetes', 'hypertension'],
      disability: { types: ['visual'], cardNumber: 'D-1' },
      vulnerability: ['poor', 'bedbound'],
      caregiver: { relation: 'child', name: 'ลูก ครบ', phone: '0898765432' },
      location: { lat: 7.1, lon: 100.5 },
    };
    const expected = await toInsert({ db: t.database.db, actor, vault, today }, personCreate.parse(body));
    const prepared = await prepareRow(
      {
        row: 2,
        values: {
          idType: 'บัตรประชาชน',
          nationalId: '1-1037-00123-45-8',
          title: 'นาง',
          firstName: 'ครบ',
          lastName: 'ทุกช่อง',
          sex: 'หญิง',
          birthDate: '13/04/2493',
          birthDateEstimated: 'ใช่',
          nationality: 'พม่า',
          religion: 'อิสลาม',
          maritalStatus: 'หม้าย',
          education: 'ประถมศึกษา',
          occupation: 'ค้าขาย',
          incomeBand: 'ต่ำกว่า 3,000',
          healthCoverage: 'ประกันสังคม',
          areaCode: '901508',
          villageNo: 'หมู่ 4',
          houseNo: '7',
          postcode: '90280',
          relationToHead: 'มารดา',
          phone: '081-234-5678',
          chronicConditions: 'เบาหวาน, ความดันโลหิตสูง',
          disabilityTypes: 'การเห็น',
          disabilityCardNo: 'D-1',
          vulnerability: 'ยากจน, ติดเตียง, ผู้สูงอายุ',
          caregiverRelation: 'บุตร',
          caregiverName: 'ลูก ครบ',
          caregiverPhone: '0898765432',
          latitude: '7.1',
          longitude: '100.5',
        },
        columns: {},
        problems: [],
        keyColumn: null,
      },
      { actor, vault, today, areas: new AreaResolver(t.database.db), defaultAreaCode: '901508' },
    );
    expect(prepared.ok, JSON.stringify(prepared)).toBe(true);
    if (!prepared.ok) return;
    const { nationalIdEnc: encA, sourceKey: _s, ...mine } = prepared.value.person;
    const { nationalIdEnc: encB, ...theirs } = expected;
    expect(mine).toEqual(theirs);
    expect(vault.decrypt(encA!)).toBe(vault.decrypt(encB!));
  });
});
