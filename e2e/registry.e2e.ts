import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../src/core/thai/nationalId.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot, seriousViolations } from './support/browser.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
const VOLUNTEER = { username: 'e2e.volunteer', password: 'volunteer-password-1' };

/** Fails the test on any serious or critical accessibility problem of the page as shown now. */
async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

let sequence = Math.floor(Math.random() * 5000);

/** A valid Thai national ID that no other test (or run) uses. */
function freshNationalId(): string {
  sequence += 1;
  const first12 = `1${String(Date.now()).slice(-7)}${String(sequence).padStart(4, '0')}`;
  return first12 + checkDigit(first12);
}

/** The same twelve digits with a wrong last digit. */
function withWrongCheckDigit(id: string): string {
  return id.slice(0, 12) + String((Number(id[12]) + 1) % 10);
}

async function login(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The operator makes a volunteer for subdistrict ป่าขาด through the API, as an admin would in the app. */
async function createVolunteer(url: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.getSetCookie?.() ?? [login.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${url}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      ...VOLUNTEER,
      displayName: 'อสม. ทดสอบ',
      roles: ['volunteer'],
      areaCodes: ['901508'],
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** A small file in our template: three good rows and two with problems (row 4: a wrong check digit; row 5: a birth date in the future). */
function importCsv(): string {
  const good = [freshNationalId(), freshNationalId(), freshNationalId(), freshNationalId()];
  const bad = withWrongCheckDigit(freshNationalId());
  const header = ['เลขประจำตัวประชาชน', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เพศ', 'วันเกิด', 'หมู่ที่', 'บ้านเลขที่'];
  const rows = [
    [good[0], 'นาง', 'บุญมา', 'นำเข้าทดสอบ', 'หญิง', '12/03/2490', '2', '101'],
    [good[1], 'นาย', 'สมบัติ', 'นำเข้าทดสอบ', 'ชาย', '01/01/2500', '2', '102'],
    [bad, 'นาย', 'ผิดเลข', 'นำเข้าทดสอบ', 'ชาย', '05/06/2510', '2', '103'],
    [good[2], 'นางสาว', 'อนาคต', 'นำเข้าทดสอบ', 'หญิง', '01/01/2600', '2', '104'],
    [good[3], 'นาง', 'สายใจ', 'นำเข้าทดสอบ', 'หญิง', '20/10/2485', '2', '105'],
  ];
  return `\uFEFF${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

describe.each(['pglite', 'postgres'] as const)('the registry in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3711 : 3712, ADMIN_PASSWORD);
    ({ server, browser } = stage);
    await createVolunteer(server.url);
  });

  afterAll(() => stage?.close());

  it('a volunteer registers a person on a 360×640 phone, then finds them in the list', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'th-TH' });
    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `registry-${kind}-phone-${step}`);
    const nationalId = freshNationalId();
    const lastName = `ทดสอบ${kind === 'pglite' ? 'หนึ่ง' : 'สอง'}${Date.now() % 100000}`;

    await login(page, server.url, VOLUNTEER.username, VOLUNTEER.password);
    await page.goto(`${server.url}/persons/new`);
    await page.getByRole('heading', { level: 1, name: 'ลงทะเบียนบุคคลใหม่' }).waitFor();
    await page.getByText('ขั้นที่ 1 จาก 6').waitFor();
    await expectAccessible(page, 'wizard step 1');

    // Step 1: a wrong check digit is caught as it is typed, and the step does not move on.
    const idField = page.getByRole('textbox', { name: 'เลขประจำตัวประชาชน 13 หลัก' });
    expect(await idField.getAttribute('inputmode')).toBe('numeric');
    await idField.pressSequentially(withWrongCheckDigit(nationalId));
    await page.getByText('เลขไม่ถูกต้อง: หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ', { exact: false }).first().waitFor();
    expect(await idField.inputValue()).toMatch(/^\d-\d{4}-\d{5}-\d{2}-\d$/);
    await expectAccessible(page, 'wizard wrong check digit');
    await shot('1-wrong-check-digit');
    await page.getByRole('button', { name: 'ถัดไป' }).click();
    await page.getByText('ขั้นที่ 1 จาก 6').waitFor();

    await idField.fill('');
    await idField.pressSequentially(nationalId);
    await page.getByText('เลขประจำตัวถูกต้อง').first().waitFor();
    await page.getByRole('button', { name: 'ถัดไป' }).click();

    // Step 2: name, sex, birth date with a Buddhist-era year.
    await page.getByText('ขั้นที่ 2 จาก 6').waitFor();
    await page.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill('มาลัย');
    await page.getByRole('textbox', { name: 'นามสกุล', exact: true }).fill(lastName);
    await page.getByRole('radio', { name: 'หญิง' }).check();
    await page.getByRole('textbox', { name: 'วันที่', exact: true }).fill('5');
    await page.getByRole('combobox', { name: 'เดือน' }).selectOption({ label: 'พฤษภาคม' });
    await page.getByRole('textbox', { name: 'ปีเกิด (พ.ศ.)' }).fill('2490');
    await page
      .getByText(/อายุ \d+ ปี/)
      .first()
      .waitFor();
    await expectAccessible(page, 'wizard step 2');
    await shot('2-name-birth');

    // A closed tab loses nothing: the draft comes back after a reload.
    await page.reload();
    await page.getByText('ขั้นที่ 2 จาก 6').waitFor();
    expect(await page.getByRole('textbox', { name: 'นามสกุล', exact: true }).inputValue()).toBe(lastName);
    await page.getByRole('button', { name: 'ถัดไป' }).click();

    // Step 3: the address defaults to the volunteer's own subdistrict.
    await page.getByText('ขั้นที่ 3 จาก 6').waitFor();
    const villageList = page.getByRole('combobox', { name: 'หมู่บ้าน', exact: true });
    await villageList
      .or(page.getByRole('textbox', { name: 'หมู่ที่' }))
      .first()
      .waitFor();
    if (await villageList.count()) {
      await villageList.click();
      await page.getByRole('option').first().click();
    } else {
      await page.getByRole('textbox', { name: 'หมู่ที่' }).fill('2');
    }
    await page.getByRole('textbox', { name: 'บ้านเลขที่' }).fill('77/1');
    await page.getByRole('textbox', { name: 'เบอร์โทรศัพท์' }).fill('081 234 5678');
    await expectAccessible(page, 'wizard step 3');
    await shot('3-address');
    await page.getByRole('button', { name: 'ถัดไป' }).click();

    // Step 4: vulnerability and health.
    await page.getByText('ขั้นที่ 4 จาก 6').waitFor();
    await page.getByRole('checkbox', { name: 'อยู่ลำพัง' }).check();
    await page.getByRole('checkbox', { name: 'ความดันโลหิตสูง' }).check();
    await page.getByRole('radio', { name: /บัตรทอง/ }).check();
    await expectAccessible(page, 'wizard step 4');
    await page.getByRole('button', { name: 'ถัดไป' }).click();

    // Step 5: consent to collect, given verbally with a witness.
    await page.getByText('ขั้นที่ 5 จาก 6').waitFor();
    await page.getByRole('checkbox', { name: 'เจ้าตัวยินยอมให้เก็บและใช้ข้อมูล' }).check();
    await page.getByRole('radio', { name: 'บอกด้วยวาจา มีพยาน' }).check();
    await page.getByRole('button', { name: 'ถัดไป' }).click();
    await page.getByText('กรุณาแก้ไขข้อมูลในขั้นนี้').waitFor();
    await page.getByRole('textbox', { name: 'ชื่อพยาน' }).fill('สมใจ ใจดี');
    await expectAccessible(page, 'wizard step 5');
    await page.getByRole('button', { name: 'ถัดไป' }).click();

    // Step 6: review and save.
    await page.getByText('ขั้นที่ 6 จาก 6').waitFor();
    await page.getByText(lastName).first().waitFor();
    await expectAccessible(page, 'wizard review');
    await shot('4-review');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: new RegExp(lastName) }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/persons\/[0-9a-f-]{36}$/);
    await page.getByText('ยินยอมแล้ว').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'profile');
    await shot('5-profile');
    // The draft is gone once saved.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('registerDraft'))),
    ).toEqual([]);

    await page.getByRole('tab', { name: 'ประวัติ', exact: true }).click();
    await page.getByText('ลงทะเบียนครั้งแรก').waitFor();
    await expectAccessible(page, 'profile history');

    await page.goto(`${server.url}/persons`);
    await page.getByRole('searchbox', { name: 'ค้นหาชื่อ เลขประจำตัว หรือเบอร์โทร' }).fill(lastName);
    await page
      .getByRole('link', { name: new RegExp(lastName) })
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'registry list');
    await shot('6-found-in-list');
    await context.close();
  });

  it('an admin imports a file with errors: preview, error report, commit and progress to done', async () => {
    const printed = /demo\.admin\s+(\S+)/.exec(server.output());
    expect(printed, 'demo accounts are printed at first start').not.toBeNull();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH' });
    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `registry-${kind}-desktop-import-${step}`);

    await login(page, server.url, 'demo.admin', printed![1]!);
    await page.goto(`${server.url}/imports`);
    await page.getByRole('heading', { level: 1, name: 'นำเข้ารายชื่อจากไฟล์' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'imports page');

    await page.locator('input[type=file]').setInputFiles({
      name: 'people-with-errors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(importCsv(), 'utf8'),
    });
    await page.getByText('ไฟล์ที่เลือก: people-with-errors.csv', { exact: false }).waitFor();
    await shot('1-chosen');
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();

    // The dry run: counts, the preview, and each row error.
    await page.getByRole('heading', { level: 1, name: /ผลการตรวจไฟล์/ }).waitFor();
    await page.getByRole('heading', { name: 'แถวที่มีปัญหา' }).waitFor({ timeout: 60_000 });
    expect(await count(page, 'created')).toBe(3);
    expect(await count(page, 'errors')).toBe(2);
    await page.getByRole('heading', { name: 'ตัวอย่างสิ่งที่จะเกิดขึ้น' }).waitFor();
    const errorRows = page.getByRole('table', { name: 'แถวที่มีปัญหา' }).getByRole('row');
    expect(await errorRows.count()).toBeGreaterThanOrEqual(3);
    expect(await errorRows.nth(1).getByRole('cell').first().textContent()).toBe('4');
    expect(await errorRows.nth(2).getByRole('cell').first().textContent()).toBe('5');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'dry run');
    await shot('2-dry-run');

    // The error report downloads as a file naming each bad row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'ดาวน์โหลดรายงานข้อผิดพลาด' }).click(),
    ]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const lines = report
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.length).toBe(3);
    expect(lines[1]).toMatch(/^4,/);
    expect(lines[2]).toMatch(/^5,/);
    expect(report).toContain('เลขประจำตัวประชาชน');

    // Commit: a new job whose progress bar runs to done with the same counts.
    await page.getByRole('button', { name: 'นำเข้าข้อมูล' }).click();
    await page.getByRole('dialog', { name: 'นำเข้าข้อมูล' }).getByRole('button', { name: 'ยืนยัน' }).click();
    await page.getByRole('heading', { level: 1, name: 'นำเข้าเสร็จแล้ว' }).waitFor({ timeout: 60_000 });
    const bar = page.getByRole('progressbar', { name: 'ความคืบหน้า' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText('ทำแล้ว 5 จาก 5 แถว').waitFor();
    expect(await count(page, 'created')).toBe(3);
    expect(await count(page, 'errors')).toBe(2);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'commit done');
    await shot('3-committed');

    // The imported people are in the registry.
    await page.goto(`${server.url}/persons?q=${encodeURIComponent('นำเข้าทดสอบ')}`);
    await page
      .getByRole('link', { name: /บุญมา นำเข้าทดสอบ/ })
      .first()
      .waitFor();
    await context.close();
  });
});

async function count(page: Page, key: string): Promise<number> {
  const text = (await page.locator(`[data-count="${key}"] dd`).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}
