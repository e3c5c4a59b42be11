import { z } from 'zod';
import { assistanceKinds } from '../core/schemas/assistance.ts';
import type { WindowOverride } from '../core/services/assistance.ts';

/**
 * Every environment variable the server reads, parsed once. Nothing else in
 * the code base touches process.env (ARCHITECTURE.md, "Rules of the road").
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Days, as in the duplicate-help window: up to ten years. */
const days = z.number().int().min(0).max(3650);

/** `30` for every kind, or JSON naming some kinds: `{"cash":60,"service":14}`. */
const duplicateDays = z.string().transform((text, ctx): WindowOverride => {
  const parsed = z
    .union([days, z.partialRecord(z.enum(assistanceKinds), days)])
    .safeParse(/^\s*\d+\s*$/.test(text) ? Number(text) : safeJson(text));
  if (parsed.success) return parsed.data;
  ctx.addIssue({
    code: 'custom',
    message: `days (0–3650), or JSON such as {"cash":60}; kinds: ${assistanceKinds.join(', ')}`,
  });
  return z.NEVER;
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ADMIN_USERNAME: z
    .string()
    .regex(/^[a-z0-9._-]{3,40}$/, '3–40 characters: a-z, 0-9, dot, dash, underscore')
    .default('admin'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes)')
    .optional(),
  WEB_DIR: z.string().min(1).default('./dist/web'),
  ASSISTANCE_DUPLICATE_DAYS: duplicateDays.optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminUsername: string;
  adminPassword: string | undefined;
  seedDemo: boolean;
  logLevel: z.infer<typeof env>['LOG_LEVEL'];
  sessionSecret: string | undefined;
  encryptionKey: string | undefined;
  webDir: string;
  /** The assistance ledger's duplicate windows over the defaults of `core/services/assistance.ts`. */
  assistanceDuplicateDays: WindowOverride | undefined;
}

export class ConfigError extends Error {}

/** Empty strings count as unset, so `PORT= npm start` means the default. */
export function readConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    adminUsername: e.ADMIN_USERNAME,
    adminPassword: e.ADMIN_PASSWORD,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    encryptionKey: e.ENCRYPTION_KEY,
    webDir: e.WEB_DIR,
    assistanceDuplicateDays: e.ASSISTANCE_DUPLICATE_DAYS,
  };
}
