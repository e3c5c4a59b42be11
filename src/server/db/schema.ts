import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../core/schemas/user.ts';

const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull().defaultNow();

/** DOPA area tree: province (2), district (4), subdistrict (6), village (8 digits). */
export const areas = pgTable(
  'area',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: ['province', 'district', 'subdistrict', 'village'] }).notNull(),
    parentCode: text('parent_code'),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    villageNo: integer('village_no'),
    createdAt: createdAt(),
  },
  (t) => [
    index('area_parent_idx').on(t.parentCode, t.code),
    index('area_name_th_trgm').using('gin', sql`${t.nameTh} gin_trgm_ops`),
    index('area_name_en_trgm').using('gin', sql`lower(${t.nameEn}) gin_trgm_ops`),
  ],
);

export const organizations = pgTable(
  'organization',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    type: text('type').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    tier: text('tier'),
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    phone: text('phone'),
    email: text('email'),
    contactName: text('contact_name'),
    address: text('address'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organization_area_idx').on(t.areaCode),
    index('organization_type_idx').on(t.type),
    index('organization_name_idx').on(t.name, t.id),
    index('organization_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const users = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull().$type<Role[]>(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    areaCodes: text('area_codes').array().notNull().default(sql`'{}'::text[]`),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'string', precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('app_user_username_key').on(t.username),
    index('app_user_org_idx').on(t.organizationId),
    index('app_user_area_codes_idx').using('gin', t.areaCodes),
  ],
);

/** Server-side sessions; the cookie holds a random token, the row its HMAC. */
export const sessions = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string', precision: 3 }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string', precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string', precision: 3 }),
  },
  (t) => [uniqueIndex('api_token_hash_key').on(t.tokenHash), index('api_token_user_idx').on(t.userId)],
);

/** Append-only record of who read or changed what. Never holds names, IDs or answers. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string', precision: 3 }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    areaCode: text('area_code'),
    groupId: uuid('group_id'),
    outcome: text('outcome').notNull().default('ok'),
    ip: text('ip'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

/** Small key/value facts about this installation (e.g. that the demo was seeded). */
export const installation = pgTable('installation', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
