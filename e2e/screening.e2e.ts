import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { th } from '../src/web/app/i18n/th.ts';
import { currentMonth } from '../src/web/features/screenings/month.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot, seriousViolations } from './support/browser.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
const VILLAGE = '90150801';

/**
 * The answer (by position: 0 fine, 1 at risk, 2 problem) to each of the 20
 * questions, H1…V5. H3 = 2 (sad and lost interest, both) is a red flag: the
 * health light turns red whatever the sum, and the 9Q becomes due.
 */
const ANSWERS = [1, 0, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];

/** Fails the test on any serious or critical accessibility problem of the page as shown now. */
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

interface ListedPerson {
  id: string;
  firstName: string;
  lastName: string;
  address: { villageCode: string | null };
}

/** A demo person of the volunteer's village, found as the app finds them. */
async function demoPerson(page: Page): Promise<ListedPerson> {
  const found = await page.evaluate(async () => {
    const res = await fetch('/api/v1/persons?limit=100', { credentials: 'same-origin' });
    return (await res.json()) as { items: ListedPerson[] };
  });
  const person = found.items.find((p) => p.address.villageCode === VILLAGE);
  expect(person, 'the demo village has people').toBeDefined();
  return person!;
}

/** Answers the question on screen (the n-th option) and goes on. */
async function answer(page: Page, question: number, option: number) {
  await page.getByText(`ข้อ ${question} จาก 20`, { exact: true }).waitFor();
  const radio = page.getByRole('radiogroup').getByRole('radio').nth(option);
  await radio.click();
  expect(await radio.getAttribute('aria-checked')).toBe('true');
  await page.getByRole('button', { name: 'ถัดไป', exact: true }).click();
}

describe.each(['pglite', 'postgres'] as const)('screening in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3721 : 3722, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  });

  afterAll(() => stage?.close());

  it('a volunteer on a 360×640 phone screens a person, reloads half-way, finishes, and sees the result and the timeline', async () => {
    const printed = /demo\.volunteer\s+(\S+)/.exec(server.output());
    expect(printed, 'demo accounts are printed at first start').not.toBeNull();
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'th-TH' });
    const page = await context.newPage();
    const shot = (step: string) => screenshot(page, `screening-${kind}-phone-${step}`);

    await login(page, server.url, 'demo.volunteer', printed![1]!);
    const person = await demoPerson(page);

    // The profile: screen now.
    await page.goto(`${server.url}/persons/${person.id}`);
    await page.getByRole('heading', { level: 2, name: 'การคัดกรองความเป็นอยู่' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'profile before');
    await shot('1-profile');
    await page.getByRole('link', { name: 'คัดกรอง 20 ข้อ' }).click();

    // One question per screen, large answers, progress.
    await page.getByText('ข้อ 1 จาก 20', { exact: true }).waitFor();
    const firstAnswer = page.getByRole('radio', { name: 'ไม่มีโรคประจำตัว' });
    expect((await firstAnswer.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await expectAccessible(page, 'question 1');
    await shot('2-question-1');

    // A required question does not let go without an answer.
    await page.getByRole('button', { name: 'ถัดไป', exact: true }).click();
    await page.getByText('กรุณาเลือกคำตอบก่อนไปข้อต่อไป').waitFor();

    for (let i = 0; i < 10; i += 1) await answer(page, i + 1, ANSWERS[i]!);
    await page.getByText('ข้อ 11 จาก 20', { exact: true }).waitFor();
    await shot('3-question-11');

    // A reload half-way loses nothing: continue where you left off.
    await page.reload();
    await page.getByRole('heading', { name: 'มีแบบคัดกรองที่ทำค้างไว้' }).waitFor();
    await page.getByText('ตอบไว้แล้ว 10 ข้อ', { exact: false }).waitFor();
    await expectAccessible(page, 'resume prompt');
    await shot('4-resume');
    await page.getByRole('button', { name: 'ทำต่อจากที่ค้างไว้' }).click();
    await page.getByText('ข้อ 11 จาก 20', { exact: true }).waitFor();

    // The earlier answers came back too.
    await page.getByRole('button', { name: 'ย้อนกลับ', exact: true }).click();
    await page.getByText('ข้อ 10 จาก 20', { exact: true }).waitFor();
    expect(
      await page.getByRole('radiogroup').getByRole('radio').nth(ANSWERS[9]!).getAttribute('aria-checked'),
    ).toBe('true');
    await page.getByRole('button', { name: 'ถัดไป', exact: true }).click();

    for (let i = 10; i < 20; i += 1) await answer(page, i + 1, ANSWERS[i]!);

    // The needs survey follows: several may be picked, or none.
    await page.getByRole('heading', { level: 1, name: 'แบบสำรวจความต้องการ' }).waitFor();
    await page.getByText('ข้อ 1 จาก 4', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'การเยี่ยมบ้าน' }).click();
    await page.getByRole('checkbox', { name: 'ยาและเวชภัณฑ์' }).click();
    await expectAccessible(page, 'needs');
    await shot('5-needs');
    for (let i = 1; i <= 4; i += 1) {
      await page.getByText(`ข้อ ${i} จาก 4`, { exact: true }).waitFor();
      await page.getByRole('button', { name: i === 4 ? 'ตรวจคำตอบ' : 'ถัดไป', exact: true }).click();
    }

    // Review before sending.
    await page.getByRole('heading', { name: 'ตรวจคำตอบก่อนส่ง' }).waitFor();
    await page.getByText('มีทั้งสองข้อ', { exact: true }).waitFor();
    await expectAccessible(page, 'review');
    await shot('6-review');

    // No signal: nothing is lost, the result is worked out on the phone, and sending again is safe.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'ส่งผลการคัดกรอง' }).click();
    await page.getByText('ยังส่งไม่ได้เพราะติดต่อเซิร์ฟเวอร์ไม่ได้', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'ผลเบื้องต้น (คำนวณในเครื่องนี้ ยังไม่ได้บันทึก)' }).waitFor();
    await shot('7-offline');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'ส่งอีกครั้ง' }).click();

    // The result: a traffic light per dimension, in words and symbols as well as colour.
    await page.getByRole('heading', { level: 1, name: 'ผลการคัดกรอง' }).waitFor();
    const lights = page.locator('li[data-level]');
    expect(await lights.count()).toBe(4);
    expect(await lights.first().textContent()).toContain('สุขภาพ');
    expect(await lights.first().textContent()).toContain('มีปัญหา');
    expect(await lights.first().getAttribute('data-level')).toBe('red');
    await page.getByText('รู้สึกเศร้าหรือท้อแท้ และเบื่อ ไม่อยากทำอะไร ทั้งสองข้อ').waitFor();
    await page.getByRole('link', { name: 'ทำ 9Q ตอนนี้' }).waitFor();
    await page.getByText('ระบบแจ้งเตือนไปยังผู้ดูแลพื้นที่แล้ว').waitFor();
    await page.getByText('การเยี่ยมบ้าน, ยาและเวชภัณฑ์', { exact: false }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'result');
    await shot('8-result');

    // The draft is gone once stored: the screening starts afresh next time.
    const drafts = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('toemsuk.screening.')),
    );
    expect(drafts).toEqual([]);

    // The timeline on the profile has this month.
    await page.getByRole('link', { name: 'กลับไปที่ข้อมูลบุคคล' }).click();
    await page.getByRole('heading', { name: 'แนวโน้มรายเดือน' }).waitFor();
    await page.getByRole('img', { name: /กราฟคะแนน 4 ด้านรายเดือน/ }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await page.getByText('ดูตัวเลขเป็นตาราง').click();
    const month = currentMonth();
    const [year, m] = month.split('-').map(Number) as [number, number];
    const label = `${th.enums.month[String(m) as keyof typeof th.enums.month]} ${year + 543}`;
    const row = page.locator(`tr[data-month="${month}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(label);
    expect(await row.textContent()).toContain('มีปัญหา');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'profile with timeline');
    await shot('9-timeline');

    // The monthly lists.
    for (const [path, heading] of [
      [`/screenings/due?area=${VILLAGE}`, 'คัดกรองประจำเดือน'],
      [`/screenings/worse?area=${VILLAGE}`, 'คนที่แย่ลงในเดือนนี้'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
      await shot(`10-${path.split('?')[0]!.replaceAll('/', '_')}`);
    }
    await context.close();
  });
});
