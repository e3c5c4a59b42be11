import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot, seriousViolations } from './support/browser.ts';
import { passwordOf } from './support/session.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
const VILLAGE = '90150801';
const CODES = ['H', 'E', 'S', 'V'].flatMap((d) => [1, 2, 3, 4, 5].map((n) => `${d}${n}`));
/** Every answer "fine" (0). */
const GREEN = Object.fromEntries(CODES.map((c) => [c, 0]));

async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

async function login(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

interface Screened {
  id: string;
  personId: string;
  name: string;
  flags: string[];
}

/**
 * The volunteer screens two people of their village through the API, as the
 * phone does: one answer suggests abuse in the family (S2 = 2), the other
 * hunger (E5 = 2). Both are red flags: the area admin is alerted at once.
 */
async function volunteerScreens(page: Page): Promise<Screened[]> {
  return page.evaluate(
    async ({ village, green }) => {
      const me = await (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).json();
      const people = await (await fetch('/api/v1/persons?limit=100', { credentials: 'same-origin' })).json();
      const mine = (
        people.items as {
          id: string;
          firstName: string;
          lastName: string;
          address: { villageCode: string };
        }[]
      ).filter((p) => p.address.villageCode === village);
      const out: Screened[] = [];
      for (const [person, change] of [
        [mine[0]!, { S2: 2 }],
        [mine[1]!, { E5: 2 }],
      ] as const) {
        const res = await fetch(`/api/v1/persons/${person.id}/screenings`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            instrument: 'wellbeing20',
            answers: { ...green, ...change },
            takenAt: new Date().toISOString(),
            clientId: crypto.randomUUID(),
          }),
        });
        if (res.status !== 201) throw new Error(`screening: ${res.status} ${await res.text()}`);
        const s = await res.json();
        out.push({
          id: s.id,
          personId: person.id,
          name: `${person.firstName} ${person.lastName}`,
          flags: s.flags,
        });
        // Two alerts a moment apart, so that "newest first" has an order to keep.
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    },
    { village: VILLAGE, green: GREEN },
  );
}

describe.each(['pglite', 'postgres'] as const)(
  'the inbox and a correction in a real browser on %s',
  (kind) => {
    let server: RunningServer;
    let browser: Browser;
    let stage: Stage | undefined;

    beforeAll(async () => {
      stage = await openStage(kind, kind === 'pglite' ? 3741 : 3742, ADMIN_PASSWORD);
      ({ server, browser } = stage);
    });

    afterAll(() => stage?.close());

    it('an admin on a 360×640 phone finds a red flag in the inbox, opens the result, corrects an answer and sees the new revision', async () => {
      // The volunteer's screenings raise the alerts.
      const field = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'th-TH' });
      const volunteer = await field.newPage();
      await login(volunteer, server.url, 'demo.volunteer', passwordOf(server, 'demo.volunteer'));
      const [abuse, hunger] = await volunteerScreens(volunteer);
      expect(abuse!.flags).toEqual(['possible_abuse']);
      expect(hunger!.flags).toEqual(['hunger']);
      await field.close();

      const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'th-TH' });
      const page = await context.newPage();
      const shot = (step: string) => screenshot(page, `inbox-${kind}-phone-${step}`);
      await login(page, server.url, 'demo.admin', passwordOf(server, 'demo.admin'));

      // The bell in the header says how many are unread, in words; so does the menu.
      const bell = page.getByRole('banner').getByRole('link', { name: /^กล่องแจ้งเตือน/ });
      await page.getByRole('banner').getByRole('link', { name: 'กล่องแจ้งเตือน ยังไม่อ่าน 2 เรื่อง' }).waitFor();
      expect((await bell.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await page.getByRole('button', { name: 'เปิดเมนู' }).click();
      const navLink = page
        .getByRole('navigation', { name: 'เมนูหลัก' })
        .getByRole('link', { name: 'กล่องแจ้งเตือน ยังไม่อ่าน 2 เรื่อง' });
      await navLink.waitFor();
      await shot('1-menu');
      await navLink.click();

      // The inbox: newest first, unread marked in words.
      await page.getByRole('heading', { level: 1, name: 'กล่องแจ้งเตือน' }).waitFor();
      const cards = page.locator('li[data-unread]');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(2);
      expect(await page.locator('li[data-unread="true"]').count()).toBe(2);
      expect(await cards.nth(0).textContent()).toContain('มักมีอาหารไม่พอกิน');
      expect(await cards.nth(0).textContent()).toContain(hunger!.name);
      expect(await cards.nth(1).textContent()).toContain('อาจถูกทำร้ายหรือถูกทอดทิ้งในครอบครัว');
      expect(await cards.nth(1).textContent()).toContain('ใหม่');
      await page.getByText('ยังไม่อ่าน 2 เรื่อง', { exact: true }).waitFor();
      const open = page.getByRole('link', { name: `ดูผลคัดกรองของ ${abuse!.name}` });
      expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'inbox');
      await shot('2-inbox');

      // Opening the alert lands on the result and reads it: the badge goes down.
      await open.click();
      await page.waitForURL((u) => u.pathname === `/screenings/${abuse!.id}`);
      await page.getByRole('heading', { level: 1, name: 'ผลการคัดกรอง' }).waitFor();
      await page.getByRole('banner').getByRole('link', { name: 'กล่องแจ้งเตือน ยังไม่อ่าน 1 เรื่อง' }).waitFor();
      const society = page.locator('li[data-level]').nth(2);
      expect(await society.textContent()).toContain('สังคม');
      expect(await society.getAttribute('data-level')).toBe('red');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'result before');
      await shot('3-result');

      // Correct: the stored answers come back; change one.
      await page.getByRole('link', { name: 'แก้ไขผลคัดกรอง' }).click();
      await page.getByRole('heading', { level: 1, name: 'แก้ไขผลคัดกรอง' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'ตรวจและแก้คำตอบ' }).waitFor();
      await page.getByText('ยังไม่ได้แก้คำตอบข้อใด', { exact: false }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'correction review, unchanged');
      await page.getByRole('button', { name: /^แก้ข้อ 12:/ }).click();
      await page.getByText('ข้อ 12 จาก 20', { exact: true }).waitFor();
      const radios = page.getByRole('radiogroup').getByRole('radio');
      expect(await radios.nth(2).getAttribute('aria-checked')).toBe('true');
      await expectAccessible(page, 'correction question');
      await radios.nth(0).click();
      expect(await radios.nth(0).getAttribute('aria-checked')).toBe('true');
      await shot('4-question');
      // Back to the review, by keyboard.
      await page.getByRole('button', { name: 'ตรวจคำตอบ', exact: true }).focus();
      await page.keyboard.press('Enter');

      // The review shows what changed and the new result, scored on the phone.
      await page.getByRole('heading', { level: 2, name: 'ตรวจและแก้คำตอบ' }).waitFor();
      await page.getByText('แก้แล้ว', { exact: true }).waitFor();
      const changes = page.getByTestId('correction-changes');
      expect(await changes.locator('li').count()).toBe(1);
      const newSociety = page.locator('li[data-dimension="society"]');
      expect(await newSociety.getAttribute('data-level')).toBe('green');
      expect(await newSociety.getAttribute('data-changed')).toBe('true');
      await page.getByText('ไม่พบเรื่องนี้แล้ว: อาจถูกทำร้ายหรือถูกทอดทิ้งในครอบครัว').waitFor();

      // A reason is required.
      await page.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
      await page.getByText('กรุณาบอกเหตุผลที่แก้ อย่างน้อย 3 ตัวอักษร').waitFor();
      const reason = page.getByRole('textbox', { name: 'เหตุผลที่แก้' });
      expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
      await reason.fill('ถามซ้ำกับญาติแล้ว ครอบครัวดูแลดี ไม่มีความรุนแรง');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'correction review, changed');
      await shot('5-review');
      await page.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();

      // The result now is the new revision; the earlier one is kept and can be read.
      await page.waitForURL((u) => u.pathname === `/screenings/${abuse!.id}`);
      await page.getByText('แก้ไขแล้ว 1 ครั้ง', { exact: false }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'ประวัติการแก้ไข' }).waitFor();
      expect(await page.locator('li[data-level]').nth(2).getAttribute('data-level')).toBe('green');
      const current = page.locator('li[data-revision="2"]');
      expect(await current.getAttribute('data-current')).toBe('true');
      expect(await current.textContent()).toContain('ถามซ้ำกับญาติแล้ว');
      expect(await current.textContent()).toContain('คุณ (');
      const original = page.locator('li[data-revision="1"]');
      expect(await original.textContent()).toContain('ผลครั้งแรก');
      await original.getByRole('button', { name: 'ดูคำตอบของฉบับที่ 1' }).click();
      expect(
        await original.getByRole('button', { name: 'ซ่อนคำตอบของฉบับที่ 1' }).getAttribute('aria-expanded'),
      ).toBe('true');
      await original.getByText('มีความรุนแรงหรือถูกทอดทิ้ง', { exact: true }).waitFor();
      expect(await current.textContent()).toContain('ความสัมพันธ์ในครอบครัว: มีความรุนแรงหรือถูกทอดทิ้ง → ดี');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'result after');
      await shot('6-result-revised');

      // Mark all read, after a confirmation: the badge says nothing is new.
      await bell.click();
      await page.getByRole('heading', { level: 1, name: 'กล่องแจ้งเตือน' }).waitFor();
      await page.getByText('ยังไม่อ่าน 1 เรื่อง', { exact: true }).waitFor();
      expect(await page.locator('li[data-unread="true"]').count()).toBe(1);
      await page.getByRole('button', { name: 'ทำเครื่องหมายว่าอ่านแล้วทั้งหมด' }).click();
      const dialog = page.getByRole('dialog', { name: 'ทำเครื่องหมายว่าอ่านแล้วทั้งหมด' });
      await dialog.waitFor();
      await expectAccessible(page, 'mark all dialog');
      await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
      await page.getByRole('banner').getByRole('link', { name: 'กล่องแจ้งเตือน ไม่มีเรื่องใหม่' }).waitFor();
      await page.getByText('อ่านครบทุกเรื่องแล้ว', { exact: true }).waitFor();
      await expect.poll(() => page.locator('li[data-unread="true"]').count()).toBe(0);
      expect(await page.locator('li[data-unread="false"]').count()).toBe(2);

      // The unread view is empty now.
      await page.getByText('ยังไม่อ่าน', { exact: true }).click();
      await page.getByText('ไม่มีเรื่องที่ยังไม่อ่าน').waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'inbox, all read');
      await shot('7-all-read');
      await context.close();
    });
  },
);
