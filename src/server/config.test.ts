import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('has the documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: undefined,
      adminUsername: 'admin',
      adminPassword: undefined,
      seedDemo: true,
      logLevel: 'info',
    });
  });

  it('seeds the demo by default only on PGlite', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://localhost/toemsuk' }).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: 'postgres://localhost/toemsuk', SEED_DEMO: 'true' }).seedDemo).toBe(
      true,
    );
    expect(readConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(readConfig({ PORT: '', LOG_LEVEL: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['ADMIN_PASSWORD', 'short'],
    ['ADMIN_USERNAME', 'Has Spaces'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['ENCRYPTION_KEY', 'abc'],
  ])('a bad %s=%s stops start-up with a message naming it', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('names every bad variable at once', () => {
    try {
      readConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('PORT');
      expect((err as Error).message).toContain('LOG_LEVEL');
    }
  });
});
