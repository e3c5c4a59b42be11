import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from '../../tests/support/server.ts';
import { seriousViolations } from './browser.ts';

/* What the browser tests share: the accessibility check, demo passwords, and API calls for set-up. */

/** Fails the test on any serious or critical accessibility problem of the page as shown now. */
export async function expectAccessible(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  await page.mouse.move(1, 1);
  expect(await seriousViolations(page), where).toEqual([]);
}

export function passwordOf(server: RunningServer, username: string): string {
  const printed = new RegExp(`${username.replace('.', '\\.')}\\s+(\\S+)`).exec(server.output());
  expect(printed, `${username} is printed at first start`).not.toBeNull();
  return printed![1]!;
}

/** Signs in through the API of a browser context (its cookies are the pages' cookies); returns the CSRF token. */
export async function apiLogin(api: APIRequestContext, url: string, username: string, password: string) {
  const res = await api.post(`${url}/api/v1/auth/login`, { data: { username, password } });
  expect(res.status(), `login ${username}`).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

export async function postJson<T>(
  api: APIRequestContext,
  url: string,
  csrf: string,
  data: unknown,
): Promise<T> {
  const res = await api.post(url, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

export async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}
