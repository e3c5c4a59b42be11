import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot, seriousViolations } from './support/browser.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
const viewports = [
  { name: 'phone', width: 360, height: 640 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Fails the test on any serious or critical accessibility problem of the page as shown now. */
async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), where).toEqual([]);
}

describe.each(['pglite', 'postgres'] as const)('the foundation in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3701 : 3702, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  });

  afterAll(() => stage?.close());

  it.each(viewports)(
    'logs in, switches language, creates an organisation and finds it ($name)',
    async (vp) => {
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        locale: 'th-TH',
      });
      const page = await context.newPage();
      const shot = (step: string) => screenshot(page, `${kind}-${vp.name}-${step}`);

      await page.goto(`${server.url}/organizations`);
      // Not logged in: the login page, in Thai.
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
      await expectAccessible(page, 'login');
      await shot('1-login');

      await page.getByLabel('ชื่อผู้ใช้').fill('admin');
      await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill('wrong-password-here');
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
      await page.getByText('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง').first().waitFor();

      await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await expectAccessible(page, 'after login');
      await shot('2-after-login');

      // English, and it stays English after a reload.
      await page.getByRole('button', { name: 'Language / ภาษา' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.goto(`${server.url}/organizations`);
      await page.getByRole('button', { name: 'Add organisation' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add organisation' }).waitFor();
      await expectAccessible(page, 'organisation form');

      // Saving empty shows errors next to the fields, not a crash.
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Please fill this in').first().waitFor();
      await shot('3-form-errors');

      const name = `มูลนิธิทดสอบ ${vp.name} ${kind}`;
      await page.getByRole('textbox', { name: 'Name' }).first().fill(name);
      await page.getByRole('combobox', { name: 'Type' }).click();
      await page.getByRole('option', { name: 'Foundation' }).click();
      await page.getByRole('combobox', { name: 'Area' }).fill('901501');
      await page
        .getByRole('option', { name: /ชิงโค|Ching Kho/ })
        .first()
        .click();
      await page.getByRole('checkbox', { name: /Elderly clinic/i }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await shot('4-created');

      await page.goto(`${server.url}/organizations`);
      await page
        .getByRole('searchbox', { name: 'Search by name' })
        .or(page.getByRole('textbox', { name: 'Search by name' }))
        .fill(name);
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name }).first().waitFor();
      await expectAccessible(page, 'organisation list');
      await shot('5-found-in-list');

      for (const path of ['/areas', '/areas/9015', '/users', '/account']) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, path);
        await shot(`6-${path.replaceAll('/', '_')}`);
      }
      await context.close();
    },
  );

  it('the demo volunteer logs in with a printed password and sees the home page in Thai', async () => {
    const printed = /demo\.volunteer\s+(\S+)/.exec(server.output());
    expect(printed, 'demo accounts are printed at first start').not.toBeNull();
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('ชื่อผู้ใช้').fill('demo.volunteer');
    await page.getByLabel('รหัสผ่าน', { exact: false }).first().fill(printed![1]!);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'volunteer home');
    await screenshot(page, `${kind}-phone-volunteer-home`);
    await context.close();
  });
});
