import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../src/core/thai/buddhistEra.ts';
import { th } from '../src/web/app/i18n/th.ts';
import { currentMonth } from '../src/web/features/screenings/month.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot } from './support/browser.ts';
import { apiLogin, expectAccessible, passwordOf, postJson } from './support/session.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
/** The demo volunteer's village. */
const VILLAGE = '90150801';
/** The machine is shared and slow: waits are generous, but nothing sleeps in place of an assertion. */
const WAIT = 60_000;

/** The 20 answers: health and economy at risk (yellow), society and environment fine (green). */
function answers(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ['H', 'E', 'S', 'V']) for (let i = 1; i <= 5; i += 1) out[`${d}${i}`] = 0;
  return { ...out, H1: 2, H2: 1, H4: 1, E1: 2, E2: 1 };
}

describe.each(['pglite', 'postgres'] as const)('well-being plans in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3761 : 3762, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  }, 240_000);

  afterAll(() => stage?.close(), 60_000);

  it('a volunteer on a 360×640 phone drafts a plan for a screened person, picks activities, saves, reports this month and sees the adherence', async () => {
    const tag = `${kind}-${Date.now() % 100000}`;
    const walk = `เดินเร็ววันละ 30 นาที (${tag})`;
    const savings = `กลุ่มออมทรัพย์ชุมชน (${tag})`;

    // The library: two platform activities added by the operator, answering the items screened below.
    const adminContext = await browser.newContext();
    const adminCsrf = await apiLogin(adminContext.request, server.url, 'admin', ADMIN_PASSWORD);
    for (const [dimension, titleTh, addresses] of [
      ['health', walk, ['H1', 'H4']],
      ['economy', savings, ['E1', 'E2']],
    ] as const) {
      await postJson(adminContext.request, `${server.url}/api/v1/activities`, adminCsrf, {
        dimension,
        titleTh,
        descriptionTh: `กิจกรรมทดสอบ ${titleTh}`,
        howTh: 'ทำสัปดาห์ละ 3 วัน',
        addresses,
        modes: ['self', 'group'],
      });
    }
    await adminContext.close();

    // The volunteer screens a person of the village through the API (the screening flow has its own test).
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 360, height: 640 },
      locale: 'th-TH',
    });
    context.setDefaultTimeout(WAIT);
    const csrf = await apiLogin(
      context.request,
      server.url,
      'demo.volunteer',
      passwordOf(server, 'demo.volunteer'),
    );
    const people = (await (
      await context.request.get(`${server.url}/api/v1/persons?area=${VILLAGE}&limit=100`)
    ).json()) as {
      items: { id: string; address: { villageCode: string | null } }[];
    };
    // Someone with no plan yet: which people the demo plans go to moves with the date (who is 40 today).
    let personId: string | undefined;
    for (const p of people.items.filter((p) => p.address.villageCode === VILLAGE)) {
      const plans = (await (
        await context.request.get(`${server.url}/api/v1/persons/${p.id}/plans`)
      ).json()) as { items: unknown[] };
      if (plans.items.length === 0) {
        personId = p.id;
        break;
      }
    }
    expect(personId, 'the demo village has someone without a plan').toBeDefined();
    await postJson(context.request, `${server.url}/api/v1/persons/${personId!}/screenings`, csrf, {
      instrument: 'wellbeing20',
      answers: answers(),
      takenAt: new Date().toISOString(),
      clientId: randomUUID(),
      method: 'volunteer',
    });

    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `plans-${kind}-phone-${step}`);

    // The profile: no plan yet, "make a plan".
    await page.goto(`${server.url}/persons/${personId}`);
    await page.getByRole('heading', { level: 2, name: 'แผนสุขภาวะ' }).waitFor();
    await page.getByText('ยังไม่มีแผนที่ใช้อยู่').waitFor();
    await expectAccessible(page, 'profile without a plan');
    await shot('1-profile');
    await page.getByRole('link', { name: 'ทำแผน', exact: true }).click();

    // The draft: candidates grouped by dimension, with the screening's light, and what each addresses.
    await page.getByRole('heading', { level: 1, name: 'ทำแผนสุขภาวะ' }).waitFor();
    const walkBox = page.getByRole('checkbox', { name: walk });
    await walkBox.waitFor();
    // The screening's lights come with the headings (yellow: at risk); green dimensions propose nothing.
    await page.locator('[data-dimension="health"][data-level="yellow"]').waitFor();
    await page.locator('[data-dimension="economy"][data-level="yellow"]').waitFor();
    await page.getByText('ช่วยเรื่อง: โรคประจำตัว', { exact: false }).first().waitFor();
    // Big touch targets on a phone.
    const card = page.locator('[data-picked]').filter({ hasText: walk });
    expect((await card.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await expectAccessible(page, 'draft');
    await shot('2-draft');

    // Nothing ticked: it says so.
    await page.getByRole('button', { name: 'ถัดไป', exact: true }).click();
    await page.getByText('กรุณาเลือกอย่างน้อย 1 กิจกรรม').waitFor();

    await walkBox.check();
    await page.getByRole('checkbox', { name: savings }).check();
    await page.getByRole('combobox', { name: `ผู้รับผิดชอบ: ${savings}` }).selectOption({ label: 'ครอบครัว' });
    await page.getByRole('combobox', { name: `วิธีทำ: ${walk}` }).selectOption({ label: 'ทำเป็นกลุ่ม' });
    await page.getByText('เลือกแล้ว 2 กิจกรรม').waitFor();
    await expectAccessible(page, 'draft with two ticked');
    await shot('3-picked');

    // A reload loses nothing.
    await page.reload();
    await page.getByText('มีแผนที่ทำค้างไว้ในเครื่องนี้', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'ทำต่อ', exact: true }).click();
    expect(await page.getByRole('checkbox', { name: walk }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: savings }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'ถัดไป', exact: true }).click();

    // Review: goals in the person's words, a target, the dates in the Buddhist era.
    await page.getByRole('heading', { level: 2, name: 'ตรวจแผนและตั้งเป้าหมาย' }).waitFor();
    await page.getByRole('textbox', { name: 'เป้าหมายของเจ้าตัว (เป็นคำพูดของเจ้าตัว)' }).fill('อยากเดินไปวัดได้เอง');
    await page.getByRole('combobox', { name: /^สุขภาพ/ }).selectOption({ label: 'ให้อยู่ในเกณฑ์ปกติ (เขียว)' });
    const [year, month] = currentMonth().split('-').map(Number) as [number, number];
    const starts = page.getByRole('group', { name: 'วันเริ่มแผน' });
    await starts.getByRole('textbox', { name: 'วันที่' }).fill('1');
    await starts.getByRole('combobox', { name: 'เดือน' }).selectOption({ value: String(month) });
    await starts.getByRole('textbox', { name: 'ปี พ.ศ.' }).fill(String(year + 543));
    const ends = page.getByRole('group', { name: 'วันสิ้นสุดแผน' });
    await ends.getByRole('textbox', { name: 'วันที่' }).fill('1');
    await ends.getByRole('combobox', { name: 'เดือน' }).selectOption({ value: String(month) });
    await ends.getByRole('textbox', { name: 'ปี พ.ศ.' }).fill(String(year + 544));
    await expectAccessible(page, 'review');
    await shot('4-review');
    await page.getByRole('button', { name: 'บันทึกแผน' }).click();

    // The plan: activities by dimension, goals, nothing reported yet.
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'แผนสุขภาวะ', exact: true }).waitFor();
    await page.getByText(walk, { exact: true }).waitFor();
    await page.getByText(savings, { exact: true }).waitFor();
    await page.getByText('อยากเดินไปวัดได้เอง', { exact: true }).waitFor();
    const startIso = `${year}-${String(month).padStart(2, '0')}-01`;
    await page.getByText(formatDate(startIso, 'th'), { exact: true }).first().waitFor();
    expect(await page.locator('[data-adherence=""]').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 2, name: 'ประวัติการปรับแผน' }).waitFor();
    await expectAccessible(page, 'plan');
    await shot('5-plan');
    // The half-made plan is gone from the device once stored.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('toemsuk.plan.'))),
    ).toEqual([]);

    // This month's progress: this Thai month by default, big buttons per activity.
    await page.getByRole('link', { name: 'บันทึกความก้าวหน้า', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'บันทึกความก้าวหน้าประจำเดือน' }).waitFor();
    const monthPicker = page.getByRole('combobox', { name: 'เดือน' });
    expect(await monthPicker.inputValue()).toBe(currentMonth());
    const monthName = th.enums.month[String(month) as keyof typeof th.enums.month];
    expect(await monthPicker.locator('option:checked').textContent()).toBe(`${monthName} ${year + 543}`);
    const walkRow = page.locator('[data-progress-activity]').filter({ hasText: walk });
    const savingsRow = page.locator('[data-progress-activity]').filter({ hasText: savings });
    const done = walkRow.getByRole('button', { name: 'ทำแล้ว' });
    expect((await done.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await done.click();
    expect(await done.getAttribute('aria-pressed')).toBe('true');
    await savingsRow.getByRole('button', { name: 'ทำบ้าง' }).click();
    await savingsRow.getByRole('textbox').fill('ออมได้ครึ่งเดือน');
    await expectAccessible(page, 'progress');
    await shot('6-progress');
    await page.getByRole('button', { name: 'บันทึกความก้าวหน้า', exact: true }).click();

    // Back on the plan: done counts whole, partly half: 75 % overall.
    await page.waitForURL(planUrl);
    await page.getByText('ทำตามแผน 75%').first().waitFor();
    expect(await page.locator('[data-plan-activity]').filter({ hasText: walk }).textContent()).toContain(
      'ทำตามแผน 100%',
    );
    expect(await page.locator('[data-plan-activity]').filter({ hasText: savings }).textContent()).toContain(
      'ทำตามแผน 50%',
    );
    await page.getByText('“ออมได้ครึ่งเดือน”').waitFor();
    await expectAccessible(page, 'plan with progress');
    await shot('7-adherence');

    // The profile shows the active plan and its adherence.
    await page.goto(`${server.url}/persons/${personId}`);
    await page.getByRole('link', { name: 'เปิดแผน' }).waitFor();
    await page.locator('[data-active-plan]').getByText('ทำตามแผน 75%').waitFor();
    await shot('8-profile-with-plan');

    // The library and an activity's evidence, honest when there is none yet.
    await page.goto(`${server.url}/activities`);
    await page.getByRole('heading', { level: 1, name: 'คลังกิจกรรม' }).waitFor();
    await page.getByRole('textbox', { name: 'คำค้นหา' }).fill(tag);
    await page.getByRole('link', { name: walk }).click();
    await page.getByRole('heading', { level: 1, name: walk }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'ผลที่เห็น' }).waitFor();
    await expectAccessible(page, 'activity');
    await shot('9-activity');
    await context.close();
  });
});
