import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bangkokDate } from '../src/core/screenings/month.ts';
import { formatDate } from '../src/core/thai/buddhistEra.ts';
import { currentMonth } from '../src/web/features/screenings/month.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot } from './support/browser.ts';
import { apiLogin, expectAccessible, getJson, passwordOf, postJson } from './support/session.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
/** The demo volunteer's village. */
const VILLAGE = '90150801';
/** The machine is shared and slow: waits are generous, but nothing sleeps in place of an assertion. */
const WAIT = 60_000;

interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
  address: { villageCode: string | null };
}

describe.each(['pglite', 'postgres'] as const)('group activities in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3771 : 3772, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  }, 240_000);

  afterAll(() => stage?.close(), 60_000);

  it('a volunteer on a 360×640 phone starts an exercise group, two plans join it, takes attendance twice for one day and sees it on the group page', async () => {
    const tag = `${kind}-${Date.now() % 100000}`;
    const aerobics = `เต้นแอโรบิกทดสอบ (${tag})`;
    const groupName = `กลุ่มเต้นแอโรบิกหมู่ 1 (${tag})`;
    const schedule = 'ทุกวันพุธ 16.00 น. ที่ศาลาหมู่บ้าน';

    // The library: a platform activity that can be done alone or as a group.
    const adminContext = await browser.newContext();
    const adminCsrf = await apiLogin(adminContext.request, server.url, 'admin', ADMIN_PASSWORD);
    const activity = await postJson<{ id: string }>(
      adminContext.request,
      `${server.url}/api/v1/activities`,
      adminCsrf,
      {
        dimension: 'health',
        titleTh: aerobics,
        descriptionTh: `กิจกรรมทดสอบ ${aerobics}`,
        addresses: ['H1'],
        modes: ['self', 'group'],
      },
    );
    await adminContext.close();

    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'th-TH' });
    context.setDefaultTimeout(WAIT);
    const api = context.request;
    const csrf = await apiLogin(api, server.url, 'demo.volunteer', passwordOf(server, 'demo.volunteer'));

    // Two people of the village without a running plan (the demo gave some of them one).
    const people = await getJson<{ items: PersonRow[] }>(
      api,
      `${server.url}/api/v1/persons?area=${VILLAGE}&limit=100`,
    );
    const free: PersonRow[] = [];
    for (const p of people.items.filter((x) => x.address.villageCode === VILLAGE)) {
      const plans = await getJson<{ items: { status: string }[] }>(
        api,
        `${server.url}/api/v1/persons/${p.id}/plans?limit=50`,
      );
      if (!plans.items.some((x) => x.status === 'active')) free.push(p);
      if (free.length === 2) break;
    }
    expect(free.length, 'two people of the village have no running plan').toBe(2);
    const [first, second] = free as [PersonRow, PersonRow];
    const firstName = `${first.firstName} ${first.lastName}`;
    const secondName = `${second.firstName} ${second.lastName}`;

    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `activity-groups-${kind}-phone-${step}`);

    // The list, from the menu.
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'เปิดเมนู' }).click();
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'กิจกรรมกลุ่ม' }).click();
    await page.getByRole('heading', { level: 1, name: 'กิจกรรมกลุ่ม' }).waitFor();
    await expectAccessible(page, 'list');
    await shot('1-list');

    // The form: an empty save names the missing fields; the activity search offers group activities only.
    await page.getByRole('link', { name: 'ตั้งกิจกรรมกลุ่ม' }).click();
    await page.getByRole('heading', { level: 1, name: 'ตั้งกิจกรรมกลุ่ม' }).waitFor();
    await page.getByRole('button', { name: 'ตั้งกลุ่ม', exact: true }).click();
    expect(await page.getByText('กรุณากรอกช่องนี้').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('combobox', { name: /^กิจกรรมจากคลัง/ }).fill(tag);
    await page.getByRole('option', { name: new RegExp(tag) }).click();
    // The name defaults to the activity's; the group gets its own.
    expect(await page.getByRole('textbox', { name: /^ชื่อกลุ่ม/ }).inputValue()).toBe(aerobics);
    await page.getByRole('textbox', { name: /^ชื่อกลุ่ม/ }).fill(groupName);
    // The volunteer's one village is the group's area.
    expect(await page.getByRole('combobox', { name: /^พื้นที่ของกลุ่ม/ }).inputValue()).toBe(VILLAGE);
    await page.getByRole('textbox', { name: 'นัดหมาย (ไม่บังคับ)' }).fill(schedule);
    // What was filled in no longer complains.
    expect(await page.getByText('กรุณากรอกช่องนี้').count()).toBe(0);
    await expectAccessible(page, 'create form');
    await shot('2-create');
    await page.getByRole('button', { name: 'ตั้งกลุ่ม', exact: true }).click();

    await page.waitForURL(/\/activity-groups\/[0-9a-f-]{36}$/);
    const groupUrl = page.url();
    const groupId = groupUrl.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: groupName }).waitFor();
    await page.getByText('ยังไม่มีสมาชิก', { exact: true }).waitFor();
    await page.getByText(schedule, { exact: true }).waitFor();
    // No members: nobody to take attendance for yet.
    expect(await page.getByRole('link', { name: 'เช็กชื่อผู้มาร่วม' }).count()).toBe(0);

    // The first person's plan joins the group through the API, and reports this month's progress.
    const firstPlan = await postJson<{ id: string; activities: { id: string }[] }>(
      api,
      `${server.url}/api/v1/persons/${first.id}/plans`,
      csrf,
      {
        activities: [
          { activityId: activity.id, responsible: 'self', mode: 'group', activityGroupId: groupId },
        ],
        clientId: randomUUID(),
      },
    );
    await postJson(api, `${server.url}/api/v1/plans/${firstPlan.id}/progress`, csrf, {
      month: currentMonth(),
      entries: [{ planActivityId: firstPlan.activities[0]!.id, status: 'done', note: 'ไปทุกวันพุธ' }],
    });
    // The second person's plan does the activity alone at first; adjusting it joins the group.
    const secondPlan = await postJson<{ id: string }>(
      api,
      `${server.url}/api/v1/persons/${second.id}/plans`,
      csrf,
      {
        activities: [{ activityId: activity.id, responsible: 'self', mode: 'self' }],
        clientId: randomUUID(),
      },
    );
    await page.goto(`${server.url}/plans/${secondPlan.id}`);
    await page.getByRole('button', { name: 'ปรับแผน', exact: true }).click();
    await page.getByRole('combobox', { name: `วิธีทำ: ${aerobics}` }).selectOption({ label: 'ทำเป็นกลุ่ม' });
    const pickGroup = page.getByRole('combobox', { name: `กลุ่มที่เข้าร่วม: ${aerobics}` });
    await pickGroup.locator(`option[value="${groupId}"]`).waitFor({ state: 'attached' });
    await pickGroup.selectOption({ value: groupId });
    await page.getByRole('textbox', { name: /^เหตุผลที่ปรับแผน/ }).fill('ไปเต้นกับเพื่อนที่ศาลา');
    await expectAccessible(page, 'adjust with a group');
    await shot('3-adjust');
    await page.getByRole('button', { name: 'บันทึกการปรับแผน' }).click();
    await page.getByRole('heading', { level: 2, name: 'ปรับแผน', exact: true }).waitFor({ state: 'detached' });
    const adjusted = await getJson<{ activities: { activityGroupId: string | null; mode: string }[] }>(
      api,
      `${server.url}/api/v1/plans/${secondPlan.id}`,
    );
    expect(adjusted.activities.map((a) => [a.mode, a.activityGroupId])).toEqual([['group', groupId]]);

    // The group page: both members, no sessions yet.
    await page.goto(groupUrl);
    await page.getByRole('heading', { level: 1, name: groupName }).waitFor();
    await page.getByRole('link', { name: `ดูแผนของ ${firstName}` }).waitFor();
    await page.getByRole('link', { name: `ดูแผนของ ${secondName}` }).waitFor();
    expect(await page.locator('[data-member-count]').getAttribute('data-member-count')).toBe('2');
    expect(await page.locator('[data-member]').count()).toBe(2);
    expect(await page.getByText('ยังไม่เคยเช็กชื่อ', { exact: true }).count()).toBe(2);
    // Each member's latest monthly report on the activity, from their plan.
    const firstMember = page.locator(`[data-member="${first.id}"]`);
    await firstMember.getByText('ทำแล้ว', { exact: true }).waitFor();
    await firstMember.getByText('“ไปทุกวันพุธ”').waitFor();
    await page.locator(`[data-member="${second.id}"]`).getByText('ยังไม่มีรายงาน', { exact: true }).waitFor();
    await expectAccessible(page, 'group with members');
    await page.getByRole('link', { name: 'เช็กชื่อผู้มาร่วม' }).click();

    // Attendance: today in the Buddhist era by default, one big toggle per member.
    await page.getByRole('heading', { level: 1, name: 'เช็กชื่อผู้มาร่วม' }).waitFor();
    const today = bangkokDate(new Date());
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const dateFields = page.getByRole('group', { name: 'วันที่จัดกิจกรรม' });
    expect(await dateFields.getByRole('textbox', { name: 'วันที่' }).inputValue()).toBe(String(d));
    expect(await dateFields.getByRole('combobox', { name: 'เดือน' }).inputValue()).toBe(String(m));
    expect(await dateFields.getByRole('textbox', { name: 'ปี พ.ศ.' }).inputValue()).toBe(String(y + 543));
    // Nobody marked: it says so instead of saving.
    await page.getByRole('button', { name: 'บันทึกการเช็กชื่อ' }).click();
    await page.getByText('กรุณาเลือก “มา” หรือ “ไม่มา” อย่างน้อย 1 คน').waitFor();

    const firstRow = page.locator(`[data-attendance-person="${first.id}"]`);
    const secondRow = page.locator(`[data-attendance-person="${second.id}"]`);
    const came = firstRow.getByRole('button', { name: 'มา', exact: true });
    expect((await came.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await came.click();
    expect(await came.getAttribute('aria-pressed')).toBe('true');
    await secondRow.getByRole('button', { name: 'ไม่มา', exact: true }).click();
    expect(await secondRow.getAttribute('data-mark')).toBe('absent');
    await page.getByText('เลือกครบทุกคนแล้ว').waitFor();
    // Marking someone clears the "mark at least one" message.
    expect(await page.getByText('กรุณาเลือก “มา” หรือ “ไม่มา” อย่างน้อย 1 คน').count()).toBe(0);
    await expectAccessible(page, 'attendance');
    await shot('4-attendance');
    await page.getByRole('button', { name: 'บันทึกการเช็กชื่อ' }).click();

    // Back on the group page: one session, half came.
    await page.waitForURL(groupUrl);
    const session = page.locator(`[data-session="${today}"]`);
    await session.getByText('มา 1 คน · ไม่มา 1 คน').waitFor();
    await session.getByText(formatDate(today, 'th'), { exact: true }).waitFor();
    expect(await page.locator('[data-sessions-held]').getAttribute('data-sessions-held')).toBe('1');
    await page.locator('[data-group-summary] [data-attendance-rate="50"]').waitFor();
    await page.locator(`[data-member="${first.id}"]`).getByText('มาร่วม 1 จาก 1 ครั้ง').waitFor();
    await page.locator(`[data-member="${second.id}"]`).getByText('มาร่วม 0 จาก 1 ครั้ง').waitFor();
    await expectAccessible(page, 'group with a session');
    await shot('5-group');

    // The same day again: it says the day was recorded, and saving changes it rather than adding a session.
    await page.getByRole('link', { name: 'เช็กชื่อผู้มาร่วม' }).click();
    await page.getByText('วันนี้เช็กชื่อไว้แล้ว: มา 1 คน ไม่มา 1 คน').waitFor();
    await secondRow.getByRole('button', { name: 'มา', exact: true }).click();
    await shot('6-again');
    await page.getByRole('button', { name: 'บันทึกการเช็กชื่อ' }).click();
    await page.waitForURL(groupUrl);
    await session.getByText('มา 2 คน · ไม่มา 0 คน').waitFor();
    expect(await page.locator('[data-sessions-held]').getAttribute('data-sessions-held')).toBe('1');
    await page.locator('[data-group-summary] [data-attendance-rate="100"]').waitFor();
    // Only the second person was marked this time: the first person's mark for the day stays as it was.
    await page.locator(`[data-member="${second.id}"]`).getByText('มาร่วม 1 จาก 1 ครั้ง').waitFor();
    await page.locator(`[data-member="${first.id}"]`).getByText('มาร่วม 1 จาก 1 ครั้ง').waitFor();
    await expectAccessible(page, 'group after a second save');
    await shot('7-group-again');

    // The list shows the group with its two members.
    await page.goto(`${server.url}/activity-groups`);
    await page.locator(`[data-activity-group="${groupId}"]`).getByText('สมาชิก 2 คน').waitFor();
    await context.close();
  });
});
