import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WellbeingReport } from '../src/core/schemas/report.ts';
import { thaiNow } from '../src/web/features/reports/params.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot } from './support/browser.ts';
import { apiLogin, expectAccessible, getJson, passwordOf } from './support/session.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
/** The demo admin's subdistrict (ป่าขาด) and the demo district (สิงหนคร). */
const SUBDISTRICT = '901508';
const DISTRICT = '9015';
/** The machine is shared and slow: waits are generous, but nothing sleeps in place of an assertion. */
const WAIT = 60_000;

/** A count as the page writes it: `1,234`, or "ซ่อน" when hidden. */
const shown = (value: number | null) => (value === null ? 'ซ่อน' : value.toLocaleString('en-US'));

describe.each(['pglite', 'postgres'] as const)('area well-being report in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;
  const { yearBE } = thaiNow();

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3781 : 3782, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  }, 240_000);

  afterAll(() => stage?.close(), 60_000);

  async function signIn(username: string, viewport = { width: 1280, height: 900 }) {
    const context: BrowserContext = await browser.newContext({
      viewport,
      locale: 'th-TH',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(WAIT);
    await apiLogin(context.request, server.url, username, passwordOf(server, username));
    return context;
  }

  const reportOf = (context: BrowserContext, area: string, by = 'dimension') =>
    getJson<WellbeingReport>(
      context.request,
      `${server.url}/api/v1/reports/wellbeing?area=${area}&yearBE=${yearBE}&by=${by}`,
    );

  /** The population cards say what the API says. */
  async function expectPopulation(page: Page, report: WellbeingReport) {
    for (const figure of ['registered', 'screened', 'due', 'overdue'] as const) {
      const card = page.locator(`[data-figure="${figure}"]`);
      await card.getByText(shown(report.population[figure]), { exact: true }).waitFor();
    }
  }

  it('an area admin reads the dashboard, drills down to a village, sees who is behind a number and exports CSV and XLSX', async () => {
    const context = await signIn('demo.admin');
    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `reports-${kind}-${step}`);
    const report = await reportOf(context, SUBDISTRICT);
    expect(report.population.screened, 'the demo has screenings this year').toBeGreaterThan(0);

    // The menu leads to the admin's own subdistrict, this Buddhist year.
    await page.goto(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'เมนูหลัก' })
      .getByRole('link', { name: 'รายงาน', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'สถิติสุขภาวะ ต.ป่าขาด' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'ปี พ.ศ.' }).inputValue()).toBe(String(yearBE));
    await expectPopulation(page, report);

    // The traffic lights per dimension, the monthly trend with its forecast labelled as one.
    expect(await page.locator('[data-dimension-bar]').count()).toBe(5);
    await page.getByRole('img', { name: /^สุขภาพ: ปกติ/ }).waitFor();
    await page.locator('[data-trend="health"] .recharts-surface').first().waitFor();
    if (report.forecast.length > 0) {
      await page.getByText('คาดการณ์ (forecast) คำนวณอย่างไร').waitFor();
      await page
        .locator('[data-trend]')
        .getByText(/คาดการณ์ด้วย/)
        .first()
        .waitFor();
    }
    await page.getByRole('heading', { level: 2, name: 'ดีขึ้นหรือแย่ลงจากครั้งก่อน' }).waitFor();
    await page.locator('[data-item="H1"]').waitFor();
    await expectAccessible(page, 'dashboard');
    await shot('1-dashboard');

    // Admins see who is behind a light: the list links each person to their record.
    const red = report.dimensions.health.red ?? 0;
    if (red > 0) {
      await page.locator('[data-dimension-bar="สุขภาพ"] [data-level-figure="red"]').getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'รายชื่อ: ด้านสุขภาพ – มีปัญหา' }).waitFor();
      const people = page.locator('main li a[href^="/persons/"]');
      await people.first().waitFor();
      expect(await people.count()).toBe(Math.min(red, 50));
      await expectAccessible(page, 'people behind a number');
      await shot('2-people');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'สถิติสุขภาวะ ต.ป่าขาด' }).waitFor();
    }

    // By village: a heat-coloured table; a click on a village drills down to it.
    const byVillage = await reportOf(context, SUBDISTRICT, 'village');
    await page.getByRole('combobox', { name: 'แยกตาม' }).selectOption({ value: 'village' });
    await page.waitForURL(/by=village/);
    const village = byVillage.breakdown.find((row) => /^\d{8}$/.test(row.key) && (row.screened ?? 0) > 0);
    expect(village, 'a village with screened people').toBeDefined();
    const row = page.locator(`[data-row="${village!.key}"]`);
    await row.waitFor();
    expect(await page.locator('table [data-heat]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'village table');
    await shot('3-villages');
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`area=${village!.key}`));
    const villageReport = await reportOf(context, village!.key);
    await page
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^สถิติสุขภาวะ หมู่(ที่)? ${Number(village!.key.slice(-2))}\\b`),
      })
      .waitFor();
    await expectPopulation(page, villageReport);
    // The breadcrumb leads back up.
    await page.getByRole('navigation', { name: 'ลำดับพื้นที่' }).getByRole('link', { name: 'ต.ป่าขาด' }).waitFor();
    await shot('4-village');

    // The village's figures as CSV, then as an Excel workbook.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`toemsuk-report-${village!.key}-${yearBE}.csv`);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toContain(`ลงทะเบียน,${villageReport.population.registered ?? ''}`);
    expect(lines).toContain(`คัดกรองแล้ว,${villageReport.population.screened ?? ''}`);
    expect(lines).toContain('ผลคัดกรองแต่ละด้าน');
    expect(lines).toContain('แนวโน้มรายเดือน');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`toemsuk-report-${village!.key}-${yearBE}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    const file = readFileSync((await xlsx.path())!);
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((s) => s.name)).toContain('ภาพรวม');
    const summary = workbook.getWorksheet('ภาพรวม')!;
    const values: unknown[][] = [];
    summary.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(values).toContainEqual(['คัดกรองแล้ว', villageReport.population.screened]);
    await context.close();
  });

  it('a district committee member goes down from the district to a subdistrict, sees hidden numbers explained and no names', async () => {
    const context = await signIn('demo.committee');
    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `reports-${kind}-committee-${step}`);
    const district = await reportOf(context, DISTRICT);

    await page.goto(`${server.url}/reports`);
    await page.getByRole('heading', { level: 1, name: 'สถิติสุขภาวะ อ.สิงหนคร' }).waitFor();
    await expectPopulation(page, district);
    if (district.suppressed) await page.getByText('ตัวเลขบางช่องถูกซ่อนไว้').waitFor();
    // Viewers get the figures, never the list of people.
    expect(await page.locator('a[href^="/reports/people"]').count()).toBe(0);

    await page.getByRole('combobox', { name: 'ดูลงไประดับตำบล' }).selectOption({ value: SUBDISTRICT });
    await page.waitForURL(new RegExp(`area=${SUBDISTRICT}`));
    await page.getByRole('heading', { level: 1, name: 'สถิติสุขภาวะ ต.ป่าขาด' }).waitFor();
    const subdistrict = await reportOf(context, SUBDISTRICT);
    await expectPopulation(page, subdistrict);
    if (subdistrict.suppressed) await page.getByText('ซ่อน', { exact: true }).first().waitFor();
    await expectAccessible(page, 'committee subdistrict');
    await shot('1-subdistrict');
    await context.close();
  });

  it('presents the report at the forum, one chart per slide, with the keyboard, and prints it', async () => {
    const context = await signIn('demo.admin', { width: 1366, height: 768 });
    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `reports-${kind}-present-${step}`);

    await page.goto(`${server.url}/reports?area=${SUBDISTRICT}&yearBE=${yearBE}`);
    await page.getByRole('link', { name: 'นำเสนอในเวที' }).click();
    await page.getByRole('heading', { level: 1, name: 'สุขภาวะชุมชน ต.ป่าขาด' }).waitFor();
    const counter = page.getByText(/^สไลด์ 1 จาก \d+$/);
    await counter.waitFor();
    const count = Number(/จาก (\d+)/.exec((await counter.textContent())!)![1]);
    expect(count).toBeGreaterThanOrEqual(4);
    await expectAccessible(page, 'cover slide');
    await shot('1-cover');

    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'ผลคัดกรองแต่ละด้าน' }).waitFor();
    await page.getByText(`สไลด์ 2 จาก ${count}`, { exact: true }).waitFor();
    // Big type, readable from the back of the room.
    const size = await page
      .getByRole('heading', { level: 1 })
      .evaluate((h) => Number.parseFloat(getComputedStyle(h).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    await shot('2-dimensions');

    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: /แนวโน้มและคาดการณ์$/ }).waitFor();
    await page.locator('.present-slide .recharts-surface').first().waitFor();
    await expectAccessible(page, 'trend slide');
    await shot('3-trend');
    await page.getByRole('button', { name: /ก่อนหน้า/ }).click();
    await page.getByText(`สไลด์ 2 จาก ${count}`, { exact: true }).waitFor();
    await page.keyboard.press('End');
    await page.getByText(`สไลด์ ${count} จาก ${count}`, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'สถิติสุขภาวะ ต.ป่าขาด' }).waitFor();

    // The printable report: its own page, no menus on paper.
    await page.getByRole('link', { name: 'พิมพ์รายงาน' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'รายงานสุขภาวะชุมชน ต.ป่าขาด อ.สิงหนคร จ.สงขลา' })
      .waitFor();
    const print = page.getByRole('button', { name: 'พิมพ์ / บันทึกเป็น PDF' });
    await page.waitForFunction(() => !document.querySelector('.report-print button[disabled]'));
    await page.getByRole('heading', { level: 2, name: 'แยกรายกลุ่ม: หมู่บ้าน' }).waitFor();
    await expectAccessible(page, 'print page');
    await page.emulateMedia({ media: 'print' });
    expect(await print.isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'เมนูหลัก' }).count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    await shot('4-print');
    await context.close();
  });

  it('a group page leads to the group’s own statistics', async () => {
    const context = await signIn('demo.admin');
    const page = await context.newPage();
    const groups = await getJson<{ items: { id: string; name: string }[] }>(
      context.request,
      `${server.url}/api/v1/groups`,
    );
    const group = groups.items[0];
    expect(group, 'the demo has a group').toBeDefined();
    const report = await getJson<WellbeingReport>(
      context.request,
      `${server.url}/api/v1/reports/wellbeing?group=${group!.id}&yearBE=${yearBE}`,
    );
    expect(report.scope).toEqual({ kind: 'group', id: group!.id });

    await page.goto(`${server.url}/groups/${group!.id}`);
    await page.getByRole('link', { name: 'ดูสถิติสุขภาวะของกลุ่ม' }).click();
    await page.waitForURL(new RegExp(`/reports\\?group=${group!.id}`));
    await page.getByRole('heading', { level: 1, name: `สถิติสุขภาวะ ${group!.name}` }).waitFor();
    await expectPopulation(page, report);
    await screenshot(page, `reports-${kind}-group`);
    await context.close();
  });
});
