import type { ServerEnv } from './server.ts';

/** Logs in as the operator (always with the right password: failures are throttled) and returns the cookie. */
export async function loginCookie(baseUrl: string, env: ServerEnv): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: env.adminUsername, password: env.adminPassword }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${body.slice(0, 300)}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('toemsuk_session='));
  if (!session) throw new Error('login set no toemsuk_session cookie');
  return session;
}

/** One authenticated request before the load, so a broken session fails here and not as 50,000 401s. */
export async function expectStatus(url: string, cookie: string, status: number): Promise<void> {
  const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (res.status !== status)
    throw new Error(`GET ${url} answered ${res.status}, expected ${status}: ${body.slice(0, 300)}`);
}
