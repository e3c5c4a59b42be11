import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistanceTotals } from '../src/core/schemas/assistance.ts';
import { th } from '../src/web/app/i18n/th.ts';
import type { RunningServer } from '../tests/support/server.ts';
import { screenshot } from './support/browser.ts';
import { apiLogin, expectAccessible, getJson, passwordOf, postJson } from './support/session.ts';
import { openStage, type Stage } from './support/stage.ts';

const ADMIN_PASSWORD = 'e2e-operator-password';
/** The demo volunteer's village, in ป่าขาด. */
const VILLAGE = '90150801';
/** Where demo.socialworker works. */
const HOSPITAL = 'โรงพยาบาลสิงหนคร';
const WAIT = 60_000;
const words = th.referrals;

describe.each(['pglite', 'postgres'] as const)('coordinated services in a real browser on %s', (kind) => {
  let server: RunningServer;
  let browser: Browser;
  let stage: Stage | undefined;

  beforeAll(async () => {
    stage = await openStage(kind, kind === 'pglite' ? 3791 : 3792, ADMIN_PASSWORD);
    ({ server, browser } = stage);
  }, 240_000);

  afterAll(() => stage?.close(), 60_000);

  async function signedIn(username: string, viewport: { width: number; height: number }) {
    const context: BrowserContext = await browser.newContext({ viewport, locale: 'th-TH' });
    context.setDefaultTimeout(WAIT);
    const csrf = await apiLogin(context.request, server.url, username, passwordOf(server, username));
    return { context, csrf };
  }

  it('a volunteer refers a person from a phone, the social worker accepts and completes it live, and the admin sees it on the care timeline', async () => {
    const firstName = `บุญมา${randomUUID().slice(0, 4)}`;
    const reason = `ลุกเดินลำบาก ต้องการกายภาพบำบัดที่บ้าน (${kind})`;

    // The volunteer registers the person through the API (registration has its own test).
    const volunteer = await signedIn('demo.volunteer', { width: 360, height: 640 });
    const person = await postJson<{ id: string }>(
      volunteer.context.request,
      `${server.url}/api/v1/persons`,
      volunteer.csrf,
      {
        idType: 'none',
        noIdReason: 'ไม่มีบัตร',
        firstName,
        lastName: 'ทดสอบส่งต่อ',
        sex: 'male',
        birthDate: '1944-07-01',
        address: { areaCode: VILLAGE },
        confirmNotDuplicate: true,
      },
    );

    // The social worker has the hospital's queue open on a desk, connected for live updates.
    const worker = await signedIn('demo.socialworker', { width: 1280, height: 800 });
    const queue = await worker.context.newPage();
    await queue.goto(`${server.url}/referrals`);
    await queue.getByText(words.queue.live).waitFor();

    // The volunteer fills the referral on the phone.
    const phone = await volunteer.context.newPage();
    await phone.goto(`${server.url}/persons/${person.id}/refer`);
    await phone.getByRole('combobox', { name: words.refer.organization }).fill('สิงหนคร');
    await phone.getByRole('option', { name: HOSPITAL, exact: true }).click();
    await phone.getByRole('textbox', { name: words.refer.reason }).fill(reason);
    await phone.getByRole('radio', { name: words.urgency.urgent }).check();
    await expectAccessible(phone, 'refer form');
    await phone.getByRole('button', { name: words.refer.submit, exact: true }).click();
    await phone.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    const referralId = phone.url().split('/').pop()!;
    const view = phone.locator(`[data-referral="${referralId}"]`);
    await expect.poll(() => view.getAttribute('data-status')).toBe('sent');
    await screenshot(phone, `referral-sent-${kind}`);

    // It arrives in the social worker's queue without a reload.
    const card = queue.locator(`li[data-referral="${referralId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain(firstName);
    expect(await card.textContent()).toContain(words.urgency.urgent);
    await expectAccessible(queue, 'referral queue');

    // The social worker accepts it, then completes it with a note.
    await card.getByRole('link').first().click();
    await queue.waitForURL(new RegExp(`/referrals/${referralId}$`));
    await queue.getByRole('button', { name: words.view.accept, exact: true }).click();
    const desk = queue.locator(`[data-referral="${referralId}"]`);
    await expect.poll(() => desk.getAttribute('data-status')).toBe('accepted');
    // The phone follows, live.
    await expect.poll(() => view.getAttribute('data-status'), { timeout: WAIT }).toBe('accepted');
    await queue.getByRole('button', { name: words.view.complete, exact: true }).click();
    const dialog = queue.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: words.view.completeNote })
      .fill('นักกายภาพเยี่ยมบ้านแล้ว สอนท่าบริหาร');
    await expectAccessible(queue, 'complete dialog');
    await dialog.getByRole('button', { name: words.view.complete, exact: true }).click();
    await expect.poll(() => desk.getAttribute('data-status')).toBe('completed');
    await expect.poll(() => view.getAttribute('data-status'), { timeout: WAIT }).toBe('completed');
    await phone.getByText(words.status.completed).first().waitFor();
    await screenshot(phone, `referral-completed-${kind}`);

    // The area admin sees the whole story on the person's care timeline.
    const admin = await signedIn('demo.admin', { width: 1280, height: 800 });
    const record = await admin.context.newPage();
    await record.goto(`${server.url}/persons/${person.id}?tab=care`);
    const timeline = record.getByTestId('care-timeline');
    await timeline.waitFor();
    const sent = th.services.timeline.events.referral.sent.replace('{{org}}', HOSPITAL);
    const completed = th.services.timeline.events.referral.completed.replace('{{org}}', HOSPITAL);
    const accepted = th.services.timeline.events.referral.accepted.replace('{{org}}', HOSPITAL);
    await timeline.getByText(completed).waitFor();
    const events = await timeline
      .locator('[data-kind="referral"]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-event')));
    expect(events).toEqual(['completed', 'accepted', 'sent']);
    expect(await timeline.textContent()).toContain(sent);
    expect(await timeline.textContent()).toContain(accepted);
    expect(await timeline.textContent()).toContain(reason);
    await expectAccessible(record, 'care timeline');
    await screenshot(record, `care-timeline-${kind}`);

    await Promise.all([volunteer.context.close(), worker.context.close(), admin.context.close()]);
  }, 240_000);
  it('the committee reads the subdistrict’s assistance totals with small figures hidden, the admin reads them whole', async () => {
    const subdistrict = VILLAGE.slice(0, 6);
    const api = `${server.url}/api/v1/assistance/totals?area=${subdistrict}`;
    const figuresOf = (t: AssistanceTotals) => [
      t.total,
      ...t.byKind,
      ...t.byOrganization,
      ...t.byFundingSource,
      ...(t.byArea?.rows ?? []),
    ];

    const admin = await signedIn('demo.admin', { width: 1280, height: 800 });
    const whole = await getJson<AssistanceTotals>(admin.context.request, api);
    expect(whole.suppressed).toBe(false);
    // The demo ledger has rows of 1–4 people (the rarer kinds of help): the case to hide.
    expect(figuresOf(whole).some((f) => f.people !== null && f.people > 0 && f.people < 5)).toBe(true);

    const committee = await signedIn('demo.committee', { width: 1280, height: 800 });
    const hidden = await getJson<AssistanceTotals>(committee.context.request, api);
    expect(hidden.suppressed).toBe(true);
    const hiddenRows = figuresOf(hidden).filter((f) => f.people === null).length;
    expect(hiddenRows).toBeGreaterThan(0);

    const page = await committee.context.newPage();
    await page.goto(`${server.url}/assistance?area=${subdistrict}`);
    await page.getByText(th.reports.hidden.legend).waitFor();
    // Every hidden row shows "hidden" for its records, people and baht; nothing reads as 0 instead.
    await expect
      .poll(() => page.locator('[data-hidden="true"]').count(), { timeout: WAIT })
      .toBe(hiddenRows * 3 + (hidden.total.duplicatesConfirmed === null ? 1 : 0));
    await expectAccessible(page, 'assistance totals, suppressed');
    await screenshot(page, `assistance-totals-committee-${kind}`);

    const adminPage = await admin.context.newPage();
    await adminPage.goto(`${server.url}/assistance?area=${subdistrict}`);
    await adminPage
      .locator('[data-total="people"]')
      .getByText(new Intl.NumberFormat('th-TH').format(whole.total.people ?? -1))
      .waitFor();
    expect(await adminPage.locator('[data-hidden="true"]').count()).toBe(0);

    await Promise.all([admin.context.close(), committee.context.close()]);
  }, 240_000);
});
