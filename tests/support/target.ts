import { readConfig } from '../../src/server/config.ts';

/** Which database the suite runs on: PGlite unless TEST_DB=postgres (npm run test:pg). */
export const TEMPLATE_DB = 'toemsuk_test_template';

// Tests are not the server: they read their own switches, not through config.ts.
const env = process.env;

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function testDatabaseUrl(): string {
  const url = env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
    );
  return url;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The server's own config with test defaults: quiet logs, no web build, nothing read from the environment. */
export function testConfig(overrides: Record<string, string> = {}) {
  return readConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-toemsuk-test',
    WEB_DIR: '/nonexistent-web',
    ...overrides,
  });
}
