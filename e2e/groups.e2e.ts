import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot, seriousViolations } from './support/browser.ts';
import { passwordOf } from './support/session.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
const PILOT = 'กลุ่มนำร่องตำบลป่าขาด';
/** The machine is shared and slow: waits are generous, but nothing sleeps in place of an assertion. */
const WAIT = 60_000;

/** Fails the test on any serious or critical accessibility problem of the page as shown now. */
async function expectAccessible(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  // The pointer rests off the controls (a hovered active menu item is a separate, known contrast case).
  await page.mouse.move(1, 1);
  expect(await seriousViolations(page), where).toEqual([]);
}

async function newContext(browser: Browser, phone: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: phone ? { width: 360, height: 640 } : { width: 1280, height: 900 },
    locale: 'th-TH',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(WAIT);
  return context;
}

async function login(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

interface Chosen {
  id: string;
  name: string;
}

/**
 * Two consenting people of Pa Khad village 2 who are not in the demo pilot group (so no demo assignment can
 * show them to the partner), found through the API as the signed-in admin, as the app finds them.
 */
async function twoConsenting(page: Page): Promise<Chosen[]> {
  return page.evaluate(async (pilotName) => {
    const json = async (path: string) => {
      const res = await fetch(path, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return res.json();
    };
    const groups = (await json('/api/v1/groups?limit=100')) as { items: { id: string; name: string }[] };
    const pilot = groups.items.find((g) => g.name === pilotName);
    if (!pilot) throw new Error('the demo pilot group is missing');
    const enrolled = (await json(`/api/v1/groups/${pilot.id}/persons?limit=500`)) as {
      items: { view: string; personId?: string }[];
    };
    const inPilot = new Set(enrolled.items.map((r) => r.personId));
    const people = (await json('/api/v1/persons?area=90150802&limit=200')) as {
      items: { id: string; firstName: string; lastName: string; consent: { shareGroup: boolean } }[];
    };
    return people.items
      .filter((p) => p.consent.shareGroup && !inPilot.has(p.id))
      .slice(-2)
      .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` }));
  }, PILOT);
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(['pglite', 'postgres'] as const)(
  'closed groups and the citizen account in a real browser on %s',
  (kind) => {
    let server: RunningServer;
    let browser: Browser;
    let stage: Stage | undefined;

    beforeAll(async () => {
      stage = await openStage(kind, kind === 'pglite' ? 3751 : 3752, ADMIN_PASSWORD);
      ({ server, browser } = stage);
    }, 240_000);

    afterAll(() => stage?.close(), 60_000);

    it('an admin forms a group with a partner from another organisation, enrols two and assigns one; the partner sees exactly that one; a citizen links their account and takes their data', async () => {
      const group = `กลุ่มทดสอบหมู่ 2 ${kind} (${Date.now() % 100000})`;
      const admin = await newContext(browser, false);
      const page = await admin.newPage();
      const shot = (p: Page, step: string) => screenshot(p, `groups-${kind}-${step}`);
      await login(page, server.url, 'demo.admin', passwordOf(server, 'demo.admin'));

      // The admin forms the group.
      await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'กลุ่มปิด' }).click();
      await page.getByRole('heading', { level: 1, name: 'กลุ่มปิด' }).waitFor();
      await page.getByRole('link', { name: PILOT }).waitFor();
      await expectAccessible(page, 'groups list');
      await shot(page, '1-list');

      await page.getByRole('link', { name: 'สร้างกลุ่ม' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'สร้างกลุ่มปิด' }).waitFor();
      await page.getByRole('textbox', { name: 'ชื่อกลุ่ม' }).fill(group);
      await page.getByRole('textbox', { name: 'วัตถุประสงค์' }).fill('ทดลองในเบราว์เซอร์');
      await page.getByRole('textbox', { name: 'วันที่' }).fill('30');
      await page.getByRole('combobox', { name: 'เดือน' }).selectOption({ label: 'กันยายน' });
      await page.getByRole('textbox', { name: 'ปี พ.ศ.' }).fill('2570');
      await expectAccessible(page, 'create form');
      await shot(page, '2-form');
      await page.getByRole('button', { name: 'สร้างกลุ่ม' }).click();
      await page.getByRole('heading', { level: 1, name: group }).waitFor();
      expect(await page.getByText('30 ก.ย. 2570', { exact: false }).count()).toBeGreaterThan(0);
      expect(new URL(page.url()).pathname).toMatch(/^\/groups\/[0-9a-f-]{36}$/);
      await expectAccessible(page, 'group home');

      // Members: the foundation's social worker (another organisation, no area of her own) as a case worker.
      await page.getByRole('tab', { name: 'สมาชิก' }).click();
      await page.getByRole('button', { name: 'เพิ่มสมาชิก' }).click();
      await page.getByRole('combobox', { name: 'ค้นหาบัญชีผู้ใช้' }).fill('ปรีดา');
      await page.getByRole('option', { name: /ปรีดา ตัวอย่าง/ }).click();
      await expectAccessible(page, 'add member dialog');
      await shot(page, '3-add-member');
      await page.getByRole('button', { name: 'เพิ่มเข้ากลุ่ม' }).click();
      await page.getByText('ปรีดา ตัวอย่าง', { exact: true }).waitFor();
      expect(await page.getByText('มูลนิธิชุมชนสงขลา').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'members');

      // People: enrol two consenting people, assign the first to the partner.
      const people = await twoConsenting(page);
      expect(people).toHaveLength(2);
      const [assigned, other] = people as [Chosen, Chosen];
      await page.getByRole('tab', { name: 'ผู้รับการดูแล' }).click();
      for (const p of people) {
        await page.getByRole('button', { name: 'รับคนเข้ากลุ่ม' }).click();
        await page.getByRole('combobox', { name: 'ค้นหาจากทะเบียนของพื้นที่' }).fill(p.name.split(' ')[0]!);
        await page.getByRole('option', { name: new RegExp(literal(p.name)) }).click();
        await page.getByText('ให้ความยินยอมเปิดเผยข้อมูลภายในกลุ่มแล้ว').waitFor();
        await expectAccessible(page, 'enrol dialog');
        await page.getByRole('button', { name: 'รับเข้ากลุ่ม', exact: true }).click();
        await page.getByRole('link', { name: p.name }).waitFor();
      }
      await page
        .getByRole('combobox', { name: new RegExp(`^มอบหมายให้ \\(สำหรับ .*${literal(assigned.name)}\\)$`) })
        .click();
      await page.getByRole('option', { name: 'ปรีดา ตัวอย่าง' }).click();
      await page.getByText('ผู้รับผิดชอบ: ปรีดา ตัวอย่าง').waitFor();
      expect(await page.getByText('ผู้รับผิดชอบ: ปรีดา ตัวอย่าง').count()).toBe(1);
      await expectAccessible(page, 'people');
      await shot(page, '4-people');
      await page.getByRole('tab', { name: 'ภาพรวม' }).click();
      await page.getByRole('heading', { level: 2, name: 'ผลคัดกรองล่าสุดแยกตามด้าน' }).waitFor();
      await expectAccessible(page, 'home after');

      // The partner, on a 360×640 phone: the assigned person in "my people", the other nowhere by name.
      const phone = await newContext(browser, true);
      const mobile = await phone.newPage();
      await login(mobile, server.url, 'demo.partner', passwordOf(server, 'demo.partner'));
      await mobile.goto(`${server.url}/my-people`);
      await mobile.getByRole('heading', { level: 1, name: 'คนที่ฉันดูแล' }).waitFor();
      await mobile.locator(`a[href="/persons/${assigned.id}"]`).first().waitFor();
      const card = mobile.getByRole('listitem').filter({ hasText: assigned.name });
      expect(await card.count()).toBe(1);
      expect(await card.getByText(group, { exact: false }).count()).toBe(1);
      expect(await mobile.locator(`a[href="/persons/${other.id}"]`).count()).toBe(0);
      expect(await mobile.getByText(other.name).count()).toBe(0);
      const screen = mobile
        .getByRole('link', { name: new RegExp(`^คัดกรองเดือนนี้: .*${literal(assigned.name)}$`) })
        .first();
      expect((await screen.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await expectAccessible(mobile, 'my people');
      await shot(mobile, '5-partner-my-people');

      // The group's people tab: two rows, one named (the assigned), one pseudonymous.
      await mobile.goto(`${server.url}/groups`);
      await mobile.getByRole('link', { name: group }).click();
      await mobile.getByRole('heading', { level: 1, name: group }).waitFor();
      await mobile.getByRole('tab', { name: 'ผู้รับการดูแล' }).click();
      const panel = mobile.getByRole('tabpanel', { name: 'ผู้รับการดูแล' });
      await panel.locator(`a[href="/persons/${assigned.id}"]`).first().waitFor();
      await panel.getByText('ไม่แสดงตัวตน', { exact: true }).first().waitFor();
      expect(await panel.getByRole('listitem').count()).toBe(2);
      expect(await panel.locator('a[href^="/persons/"]').count()).toBe(1);
      expect(await panel.getByText('ไม่แสดงตัวตน', { exact: true }).count()).toBe(1);
      expect(await mobile.getByText(other.name).count()).toBe(0);
      expect(await mobile.content()).not.toContain(other.id);
      await expectAccessible(mobile, 'partner people');
      await shot(mobile, '6-partner-people');
      // The partner cannot open the other person: 404-like, nothing leaks.
      const denied = await mobile.evaluate(
        async (id) => (await fetch(`/api/v1/persons/${id}`, { credentials: 'same-origin' })).status,
        other.id,
      );
      expect(denied).toBe(404);
      await phone.close();

      // A citizen account: the admin issues a one-time link code on the assigned person's profile.
      await page.goto(`${server.url}/persons/${assigned.id}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(literal(assigned.name)) }).waitFor();
      await page.getByRole('button', { name: 'ออกรหัสเชื่อมบัญชี' }).click();
      const dialog = page.getByRole('dialog', { name: 'ออกรหัสเชื่อมบัญชี' });
      await dialog.getByRole('radio', { name: 'เจ้าตัว', exact: true }).waitFor();
      expect(await dialog.getByRole('radio', { name: 'เจ้าตัว', exact: true }).isChecked()).toBe(true);
      await expectAccessible(page, 'link code dialog');
      await dialog.getByRole('button', { name: 'ออกรหัส', exact: true }).click();
      const shown = dialog.getByTestId('link-code');
      await shown.waitFor();
      const code = ((await shown.textContent()) ?? '').replace(/\s/g, '');
      expect(code).toMatch(/^\d{8}$/);
      await dialog.getByText('/claim', { exact: false }).waitFor();
      await expectAccessible(page, 'link code issued');
      await shot(page, '7-link-code');
      await dialog.getByRole('button', { name: 'ปิด' }).last().click();
      await dialog.waitFor({ state: 'hidden' });
      await admin.close();

      // The citizen, on their own phone: from the login page to the sign-up with the code.
      const own = await newContext(browser, true);
      const citizen = await own.newPage();
      await citizen.goto(`${server.url}/login`);
      await citizen.getByRole('heading', { level: 1, name: 'เข้าสู่ระบบ' }).waitFor();
      await expectAccessible(citizen, 'login with the sign-up link');
      await shot(citizen, '8-login');
      await citizen.getByRole('link', { name: 'ลงทะเบียนด้วยรหัส' }).click();
      await citizen.getByRole('heading', { level: 1, name: 'ลงทะเบียนด้วยรหัส' }).waitFor();
      expect(new URL(citizen.url()).pathname).toBe('/claim');
      const codeField = citizen.getByRole('textbox', { name: 'รหัสเชื่อมบัญชี 8 หลัก' });
      expect(await codeField.getAttribute('inputmode')).toBe('numeric');

      // A wrong code is refused, and nothing is made.
      const username = `citizen.${kind}.${Date.now() % 100000}`;
      const wrong = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
      await codeField.fill(wrong);
      await citizen.getByRole('textbox', { name: 'ชื่อที่ใช้แสดง' }).fill('ลูกหลานทดสอบ');
      await citizen.getByRole('textbox', { name: /^ชื่อผู้ใช้/ }).fill(username);
      await citizen.getByLabel('รหัสผ่าน (ตั้งเอง)', { exact: false }).first().fill('citizen-password-1');
      await citizen.getByRole('button', { name: 'สร้างบัญชีและเข้าสู่ระบบ' }).click();
      await citizen.getByRole('alert').first().waitFor();
      expect(new URL(citizen.url()).pathname).toBe('/claim');
      await expectAccessible(citizen, 'claim refused');
      await shot(citizen, '9-claim-refused');

      // The right code: the account is made, signed in, and lands on "my data".
      await codeField.fill(code);
      await citizen.getByLabel('รหัสผ่าน (ตั้งเอง)', { exact: false }).first().fill('citizen-password-1');
      await citizen.getByRole('button', { name: 'สร้างบัญชีและเข้าสู่ระบบ' }).click();
      await citizen.waitForURL((u) => u.pathname === '/me');
      await citizen.getByRole('heading', { level: 1, name: 'ข้อมูลของฉัน' }).waitFor();
      await citizen.getByRole('heading', { level: 2, name: new RegExp(literal(assigned.name)) }).waitFor();
      await citizen.getByRole('heading', { level: 2, name: 'ผลการคัดกรอง' }).waitFor();
      await citizen.getByRole('heading', { level: 2, name: 'ประวัติการเข้าถึง' }).waitFor();
      // Every link here leads somewhere the citizen may go: no staff page such as the household.
      expect(await citizen.locator('a[href^="/households/"]').count()).toBe(0);
      await expectAccessible(citizen, 'my data');
      await shot(citizen, '10-my-data');

      // The download: one JSON file with the record, the screenings and the consents.
      const [download] = await Promise.all([
        citizen.waitForEvent('download'),
        citizen.getByRole('button', { name: 'ดาวน์โหลดข้อมูลทั้งหมด (ไฟล์ JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
        person: { id: string; firstName: string; lastName: string };
        screenings: unknown[];
        consents: { purpose: string; granted: boolean }[];
      };
      expect(data.person.id).toBe(assigned.id);
      expect(`${data.person.firstName} ${data.person.lastName}`).toBe(assigned.name);
      expect(Array.isArray(data.screenings)).toBe(true);
      expect(data.consents.some((c) => c.purpose === 'share_group' && c.granted)).toBe(true);
      expect(JSON.stringify(data)).not.toContain(other.id);

      // The printable page.
      await citizen.getByRole('link', { name: 'หน้าสำหรับพิมพ์' }).click();
      await citizen.waitForURL((u) => u.pathname === '/me/print');
      await citizen.getByRole('heading', { level: 1, name: 'ข้อมูลของฉันในระบบเติมสุข' }).waitFor();
      await citizen.getByText(assigned.name, { exact: false }).first().waitFor();
      await citizen.getByRole('button', { name: 'พิมพ์', exact: true }).waitFor();
      await expectAccessible(citizen, 'printable page');
      await shot(citizen, '11-print');

      // A citizen's home is their data; other people's records stay closed to them.
      await citizen.goto(`${server.url}/`);
      await citizen.waitForURL((u) => u.pathname === '/me');
      await citizen.getByRole('heading', { level: 1, name: 'ข้อมูลของฉัน' }).waitFor();
      const closed = await citizen.evaluate(
        async (id) => (await fetch(`/api/v1/persons/${id}`, { credentials: 'same-origin' })).status,
        other.id,
      );
      expect(closed).toBe(404);
      await own.close();

      // The committee member (viewer of the pilot) sees statistics only.
      const desk = await newContext(browser, false);
      const viewer = await desk.newPage();
      await login(viewer, server.url, 'demo.committee', passwordOf(server, 'demo.committee'));
      await viewer.goto(`${server.url}/groups`);
      await viewer.getByRole('link', { name: PILOT }).click();
      await viewer.getByRole('heading', { level: 2, name: 'ผลคัดกรองล่าสุดแยกตามด้าน' }).waitFor();
      expect(await viewer.getByRole('tab', { name: 'ผู้รับการดูแล' }).count()).toBe(0);
      await expectAccessible(viewer, 'viewer home');
      await shot(viewer, '12-viewer-home');
      await desk.close();
    }, 600_000);
  },
);
