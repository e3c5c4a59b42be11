import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
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
    /** The villages a service centre serves (its catchment), beyond its own area code. */
    catchmentVillageCodes: text('catchment_village_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Opening hours: `[{day: 1–7 (Monday 1), opens: "08:30", closes: "16:30"}]`. */
    openingHours: jsonb('opening_hours').notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organization_area_idx').on(t.areaCode),
    index('organization_catchment_idx').using('gin', t.catchmentVillageCodes),
    index('organization_services_idx').using('gin', t.services),
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
    /** The people a read or write touched (a list read names every person it returned). */
    subjectIds: uuid('subject_ids').array(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_subject_idx').using('gin', t.subjectIds),
    index('audit_group_idx').on(t.groupId, t.at),
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

/** A dwelling and the people who live in it (ทะเบียนครัวเรือน). */
export const households = pgTable(
  'household',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    villageCode: text('village_code'),
    villageNo: integer('village_no'),
    houseNo: text('house_no'),
    postcode: text('postcode'),
    housingType: text('housing_type'),
    headPersonId: uuid('head_person_id'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    clientId: uuid('client_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('household_area_idx').on(t.areaCode, t.villageCode, t.houseNo),
    uniqueIndex('household_client_key').on(t.clientId),
  ],
);

/**
 * The registry. Every person-scoped table carries `area_code` (subdistrict)
 * so it can be partitioned by province later. The national ID is stored
 * encrypted, and found through a keyed hash.
 */
export const persons = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    villageCode: text('village_code'),
    villageNo: integer('village_no'),
    houseNo: text('house_no'),
    postcode: text('postcode'),
    householdId: uuid('household_id').references(() => households.id),
    relationToHead: text('relation_to_head'),
    idType: text('id_type').notNull(),
    nationalIdEnc: text('national_id_enc'),
    nationalIdHash: text('national_id_hash'),
    noIdReason: text('no_id_reason'),
    title: text('title'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthDateEstimated: boolean('birth_date_estimated').notNull().default(false),
    nationality: text('nationality'),
    religion: text('religion'),
    maritalStatus: text('marital_status'),
    education: text('education'),
    occupation: text('occupation'),
    incomeBand: text('income_band'),
    healthCoverage: text('health_coverage'),
    phone: text('phone'),
    chronicConditions: text('chronic_conditions').array().notNull().default(sql`'{}'::text[]`),
    disabilityTypes: text('disability_types').array().notNull().default(sql`'{}'::text[]`),
    disabilityCardNo: text('disability_card_no'),
    vulnerability: text('vulnerability').array().notNull().default(sql`'{}'::text[]`),
    caregiver: jsonb('caregiver'),
    /**
     * The ADL group (bed_bound, home_bound, social_bound) of the person's latest
     * Barthel ADL screening, kept here so lists and filters need no join.
     */
    adlGroup: text('adl_group'),
    adlScreeningId: uuid('adl_screening_id'),
    adlTakenAt: timestamp('adl_taken_at', { withTimezone: true, mode: 'string', precision: 3 }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Set when this record was merged into another; such a record is history, not a person. */
    mergedInto: uuid('merged_into'),
    version: integer('version').notNull().default(1),
    clientId: uuid('client_id'),
    /** Where an imported row came from (e.g. MoPH HOSPCODE:PID), so a re-import finds it again. */
    sourceKey: text('source_key'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('person_source_key').on(t.sourceKey),
    uniqueIndex('person_national_id_hash_key').on(t.nationalIdHash).where(sql`${t.mergedInto} is null`),
    uniqueIndex('person_client_key').on(t.clientId),
    index('person_area_idx').on(t.areaCode, t.villageCode, t.lastName, t.id),
    index('person_household_idx').on(t.householdId),
    index('person_birth_idx').on(t.birthDate),
    // The registry's list order, and substring search on phone numbers (bench/registrySearch.ts).
    index('person_list_order_idx').on(t.lastName, t.firstName, t.id).where(sql`${t.mergedInto} is null`),
    // A subdistrict's list in name order, without walking other subdistricts' names (bench/registrySearch.ts).
    index('person_area_list_idx')
      .on(t.areaCode, t.lastName, t.firstName, t.id)
      .where(sql`${t.mergedInto} is null`),
    index('person_phone_trgm').using('gin', sql`${t.phone} gin_trgm_ops`),
    // Exact names first (bench/registrySearch.ts); the typo-tolerant search finds similar names in
    // person_name, then everyone with one of them in the actor's areas, from these two indexes alone.
    // Trigram indexes on the person's own names cost every insert more than all the others together.
    index('person_given_name_idx').on(t.firstName, t.lastName, t.id).where(sql`${t.mergedInto} is null`),
    index('person_given_area_idx')
      .on(t.firstName, t.areaCode, t.villageCode, t.id)
      .where(sql`${t.mergedInto} is null`),
    index('person_surname_area_idx')
      .on(t.lastName, t.areaCode, t.villageCode, t.id)
      .where(sql`${t.mergedInto} is null`),
    index('person_vulnerability_idx').using('gin', t.vulnerability),
  ],
);

/**
 * Every given name and surname the registry has held, once: the typo-tolerant search looks for similar
 * names here (a few thousand rows, not a million). Kept by triggers on person (migration 0010), so no
 * write path can forget it; a name nobody holds any more stays and simply finds no one.
 */
export const personNames = pgTable(
  'person_name',
  {
    kind: text('kind').$type<'given' | 'surname'>().notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.name] }),
    index('person_name_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** Every change to a person: which fields, old and new values, by whom, why. Kept forever. */
export const personRevisions = pgTable(
  'person_revision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id').notNull(),
    areaCode: text('area_code').notNull(),
    version: integer('version').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    source: text('source').notNull(),
    reason: text('reason'),
    changes: jsonb('changes').notNull(),
  },
  (t) => [index('person_revision_person_idx').on(t.personId, t.version)],
);

/** PDPA consent records; the latest per purpose is in force, withdrawals included. */
export const consents = pgTable(
  'consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    areaCode: text('area_code').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    method: text('method').notNull(),
    witnessName: text('witness_name'),
    agencies: uuid('agencies').array().notNull().default(sql`'{}'::uuid[]`),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    /** Set by the phone that recorded it, so a retry returns the stored record instead of a second one. */
    clientId: uuid('client_id'),
  },
  (t) => [
    index('consent_person_idx').on(t.personId, t.purpose, t.recordedAt),
    uniqueIndex('consent_client_key').on(t.clientId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A bulk import: the uploaded file is kept with the job so that a run killed
 * half-way can be resumed from `processed` after a restart.
 */
export const importJobs = pgTable(
  'import_job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('queued'),
    mode: text('mode').notNull(),
    format: text('format').notNull(),
    areaCode: text('area_code').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    content: bytea('content').notNull(),
    mapping: jsonb('mapping'),
    encoding: text('encoding'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    preview: jsonb('preview'),
    failure: text('failure'),
    /** On a commit job: the dry run it was made from (one commit per dry run). */
    dryRunId: uuid('dry_run_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string', precision: 3 }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'string', precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string', precision: 3 }),
  },
  (t) => [
    index('import_job_status_idx').on(t.status, t.createdAt),
    uniqueIndex('import_job_dry_run_key').on(t.dryRunId),
  ],
);

export const importErrors = pgTable(
  'import_error',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    column: text('column'),
    message: text('message').notNull(),
    code: text('code').notNull(),
  },
  (t) => [index('import_error_job_idx').on(t.importId, t.row)],
);

/**
 * One response to one instrument (a FHIR QuestionnaireResponse). The row holds
 * the current revision with everything scoring gave, so that reports and lists
 * never rescore; `version` is the instrument version it was taken and scored
 * with. Earlier revisions move to `screening_revision` when corrected.
 */
export const screenings = pgTable(
  'screening',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's subdistrict when taken: the partitioning key. */
    areaCode: text('area_code').notNull(),
    instrument: text('instrument').notNull(),
    version: integer('version').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    /** YYYY-MM of `taken_at` in Thai time (UTC+7): the follow-up month it counts for. */
    takenMonth: text('taken_month').notNull(),
    method: text('method').notNull(),
    takenBy: uuid('taken_by'),
    clientId: uuid('client_id'),
    revision: integer('revision').notNull().default(1),
    revisionReason: text('revision_reason'),
    revisedBy: uuid('revised_by'),
    revisedAt: timestamp('revised_at', { withTimezone: true, mode: 'string', precision: 3 }),
    answers: jsonb('answers').notNull(),
    scores: jsonb('scores').notNull(),
    levels: jsonb('levels').notNull(),
    results: jsonb('results').notNull(),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    followUps: jsonb('follow_ups').notNull().default(sql`'[]'::jsonb`),
    /** The instruments `follow_ups` makes due, for the due list's index. */
    followUpInstruments: text('follow_up_instruments').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('screening_client_key').on(t.clientId),
    index('screening_person_instrument_idx').on(t.personId, t.instrument, t.takenAt, t.id),
    index('screening_person_taken_idx').on(t.personId, t.takenAt, t.id),
    index('screening_area_month_idx').on(t.areaCode, t.takenMonth, t.instrument),
    index('screening_taken_by_idx').on(t.takenBy, t.personId),
    index('screening_follow_up_idx')
      .on(t.personId, t.takenAt)
      .where(sql`cardinality(${t.followUpInstruments}) > 0`),
  ],
);

/** A superseded revision of a screening, kept as it was: nothing is overwritten silently. */
export const screeningRevisions = pgTable(
  'screening_revision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    screeningId: uuid('screening_id')
      .notNull()
      .references(() => screenings.id),
    areaCode: text('area_code').notNull(),
    revision: integer('revision').notNull(),
    version: integer('version').notNull(),
    answers: jsonb('answers').notNull(),
    scores: jsonb('scores').notNull(),
    levels: jsonb('levels').notNull(),
    results: jsonb('results').notNull(),
    flags: text('flags').array().notNull(),
    followUps: jsonb('follow_ups').notNull(),
    /** Why this revision was made (null for the first), by whom and when. */
    reason: text('reason'),
    madeBy: uuid('made_by'),
    madeAt: timestamp('made_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    /** The correction that replaced this revision, so that its retry is recognised. */
    supersededByClientId: uuid('superseded_by_client_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('screening_revision_key').on(t.screeningId, t.revision),
    uniqueIndex('screening_revision_client_key').on(t.supersededByClientId),
  ],
);

/**
 * An inbox item for one user. Ids and codes only: never a name or an answer,
 * so that an alert can be listed, counted or forwarded without exposing either.
 */
export const alerts = pgTable(
  'alert',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    personId: uuid('person_id').notNull(),
    screeningId: uuid('screening_id').references(() => screenings.id),
    areaCode: text('area_code').notNull(),
    instrument: text('instrument'),
    flag: text('flag').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string', precision: 3 }),
  },
  (t) => [
    uniqueIndex('alert_screening_recipient_flag_key').on(t.screeningId, t.recipientId, t.flag),
    index('alert_recipient_idx').on(t.recipientId, t.createdAt, t.id),
    index('alert_recipient_unread_idx').on(t.recipientId, t.createdAt, t.id).where(sql`${t.readAt} is null`),
  ],
);

/**
 * A closed group (ระบบกลุ่มปิด, DOMAIN.md steps 4–5): partner accounts and
 * enrolled people of one subdistrict (optionally some of its villages) working
 * from one picture. Access through a group lapses after `ends_on`.
 */
export const careGroups = pgTable(
  'care_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    areaCode: text('area_code').notNull(),
    villageCodes: text('village_codes').array().notNull().default(sql`'{}'::text[]`),
    purpose: text('purpose'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('care_group_area_idx').on(t.areaCode)],
);

/** A partner account in a group; removal ends the row, history stays. */
export const groupMembers = pgTable(
  'group_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => careGroups.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    removedBy: uuid('removed_by'),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'string', precision: 3 }),
  },
  (t) => [
    uniqueIndex('group_member_active_key').on(t.groupId, t.userId).where(sql`${t.removedAt} is null`),
    index('group_member_user_idx').on(t.userId),
  ],
);

/** A person enrolled in a group; discharge ends the row, history stays. */
export const groupPersons = pgTable(
  'group_person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => careGroups.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    areaCode: text('area_code').notNull(),
    enrolledBy: uuid('enrolled_by'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    dischargedBy: uuid('discharged_by'),
    dischargedAt: timestamp('discharged_at', { withTimezone: true, mode: 'string', precision: 3 }),
    dischargeReason: text('discharge_reason'),
  },
  (t) => [
    uniqueIndex('group_person_active_key').on(t.groupId, t.personId).where(sql`${t.dischargedAt} is null`),
    index('group_person_person_idx').on(t.personId),
  ],
);

/** Who in a group works a person's case; reassignment ends the row, history stays. */
export const groupAssignments = pgTable(
  'group_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => careGroups.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    endedBy: uuid('ended_by'),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'string', precision: 3 }),
  },
  (t) => [
    uniqueIndex('group_assignment_active_key').on(t.groupId, t.personId).where(sql`${t.endedAt} is null`),
    index('group_assignment_user_idx').on(t.userId),
  ],
);

/** A citizen account linked to a person's record: the person themself or a family proxy they named. */
export const personLinks = pgTable(
  'person_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    relation: text('relation').notNull(),
    linkCodeId: uuid('link_code_id'),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string', precision: 3 }),
  },
  (t) => [
    uniqueIndex('person_link_active_key').on(t.personId, t.userId).where(sql`${t.revokedAt} is null`),
    index('person_link_user_idx').on(t.userId),
  ],
);

/** A one-time code an admin or volunteer hands a person to link an account; only its HMAC is kept. */
export const linkCodes = pgTable(
  'link_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    codeHash: text('code_hash').notNull(),
    relation: text('relation').notNull(),
    proxyName: text('proxy_name'),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string', precision: 3 })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'string', precision: 3 }),
    usedBy: uuid('used_by'),
  },
  (t) => [uniqueIndex('link_code_hash_key').on(t.codeHash), index('link_code_person_idx').on(t.personId)],
);

/**
 * The library of proven activities a plan is drafted from. `areaCode` null: the platform's own
 * (operators); otherwise an area's addition, seen by that area and below.
 */
export const activities = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key of a seeded activity (e.g. `walking-group`), so re-seeding updates instead of duplicating. */
    code: text('code'),
    dimension: text('dimension').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en'),
    descriptionTh: text('description_th').notNull(),
    descriptionEn: text('description_en'),
    howTh: text('how_th'),
    howEn: text('how_en'),
    /** Screening item codes (H1…V5) and needs codes it addresses. */
    addresses: text('addresses').array().notNull().default(sql`'{}'::text[]`),
    /** self, family, group, agency. */
    modes: text('modes').array().notNull().default(sql`'{}'::text[]`),
    durationWeeks: integer('duration_weeks'),
    /** Organisation types that can deliver it. */
    providerTypes: text('provider_types').array().notNull().default(sql`'{}'::text[]`),
    /** ADL groups it suits (empty: any). */
    adlGroups: text('adl_groups').array().notNull().default(sql`'{}'::text[]`),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    source: text('source'),
    areaCode: text('area_code'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('activity_code_key').on(t.code), index('activity_dimension_idx').on(t.dimension)],
);

/** A person's individual well-being plan; its content is versioned in plan_version and plan_activity. */
export const plans = pgTable(
  'plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's subdistrict when made: the partitioning key. */
    areaCode: text('area_code').notNull(),
    /** active, closed. */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    /** Target level per dimension and the person's own goal, in their words. */
    goals: jsonb('goals').notNull().default(sql`'{}'::jsonb`),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** The screening it was drafted from. */
    screeningId: uuid('screening_id'),
    groupId: uuid('group_id'),
    clientId: uuid('client_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plan_client_key').on(t.clientId),
    // One active plan per person, guaranteed by the database as well as by the service's row lock.
    uniqueIndex('plan_active_key').on(t.personId).where(sql`${t.status} = 'active'`),
    index('plan_person_idx').on(t.personId, t.createdAt),
    index('plan_area_idx').on(t.areaCode, t.status),
  ],
);

/** Each version of a plan as it was (goals, dates, activities), with why it changed. Kept forever. */
export const planVersions = pgTable(
  'plan_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    reason: text('reason'),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('plan_version_key').on(t.planId, t.version)],
);

/**
 * An activity in a plan. An adjustment that drops it sets `removedInVersion`; the row stays, so the
 * progress reported on it and the older versions stay readable.
 */
export const planActivities = pgTable(
  'plan_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    dimension: text('dimension').notNull(),
    title: text('title').notNull(),
    /** The screening items it was picked for. */
    addresses: text('addresses').array().notNull().default(sql`'{}'::text[]`),
    /** self, family, volunteer, organization. */
    responsible: text('responsible').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    responsibleUserId: uuid('responsible_user_id'),
    responsibleName: text('responsible_name'),
    /** self, family, group, agency. */
    mode: text('mode').notNull(),
    activityGroupId: uuid('activity_group_id'),
    goal: text('goal'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    addedInVersion: integer('added_in_version').notNull(),
    removedInVersion: integer('removed_in_version'),
    createdAt: createdAt(),
  },
  (t) => [
    index('plan_activity_plan_idx').on(t.planId),
    index('plan_activity_activity_idx').on(t.activityId, t.personId),
    // The organisation's task list, paged in creation order.
    index('plan_activity_org_idx')
      .on(t.organizationId, t.createdAt, t.id)
      .where(sql`${t.removedInVersion} is null`),
    index('plan_activity_group_idx').on(t.activityGroupId),
  ],
);

/** Monthly progress on a plan activity; a later report for the same month supersedes, both kept. */
export const planProgress = pgTable(
  'plan_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    planActivityId: uuid('plan_activity_id')
      .notNull()
      .references(() => planActivities.id),
    /** YYYY-MM. */
    month: text('month').notNull(),
    /** done, partly, not_done. */
    status: text('status').notNull(),
    note: text('note'),
    /** Photo metadata only (name, type, size, takenAt): never the image. */
    photo: jsonb('photo'),
    /** self, proxy, volunteer, organization, staff. */
    reportedAs: text('reported_as').notNull(),
    reportedBy: uuid('reported_by'),
    clientId: uuid('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('plan_progress_activity_idx').on(t.planActivityId, t.month, t.createdAt),
    index('plan_progress_plan_idx').on(t.planId, t.month),
    uniqueIndex('plan_progress_client_key').on(t.clientId),
  ],
);

/** A group activity (an exercise group): several people's plan activities done together. */
export const activityGroups = pgTable(
  'activity_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    areaCode: text('area_code').notNull(),
    name: text('name').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    schedule: text('schedule'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('activity_group_area_idx').on(t.areaCode, t.activityId)],
);

/** Who came to a group activity's session on a date. */
export const activityAttendance = pgTable(
  'activity_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityGroupId: uuid('activity_group_id')
      .notNull()
      .references(() => activityGroups.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    present: boolean('present').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('activity_attendance_key').on(t.activityGroupId, t.personId, t.heldOn)],
);

/**
 * The report rollup (issue 7): for each period (`YYYY` or `YYYY-MM`, CE) and area (province,
 * district, subdistrict, or a leaf: a village, or `<subdistrict>00` for people with no village),
 * the counters of `src/core/reports/cells.ts` in its slot order. Kept by the rollup worker alone.
 */
export const reportCells = pgTable(
  'report_cell',
  {
    period: text('period').notNull(),
    // Byte order, so that the leaves under an area are one index range (`area >= '9015' and < '9016'`).
    area: text('area').notNull(),
    counts: integer('counts').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.area] })],
);

/**
 * People whose share of the cells is out of date. Statement-level triggers on person and screening
 * append here (no key, so that concurrent writers never wait on each other); the worker takes and
 * de-duplicates them.
 */
export const reportDirty = pgTable('report_dirty', {
  personId: uuid('person_id').notNull(),
  queuedAt: timestamp('queued_at', { withTimezone: true, mode: 'string', precision: 3 })
    .notNull()
    .defaultNow(),
});

/**
 * What each person's share of the cells was computed from, last time: their report fields and
 * their well-being screenings in brief. A change subtracts the old share and adds the new one, so
 * the cost of a screening is one person's (and their household's), not their village's.
 */
export const reportPersons = pgTable(
  'report_person',
  {
    personId: uuid('person_id').primaryKey(),
    householdId: uuid('household_id'),
    state: jsonb('state').notNull(),
  },
  (t) => [index('report_person_household_idx').on(t.householdId)],
);

/** What the cells were built with (slot list signature, last year): a different one means rebuild. */
export const reportMeta = pgTable('report_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/**
 * A referral (ส่งต่อ) of a person to an organisation or its multidisciplinary team, with the
 * screening and plan it shares. Its status moves by the transitions in `core/services/referral.ts`;
 * each move is a row in `service_event`.
 */
export const referrals = pgTable(
  'referral',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's subdistrict and village when referred: who may read it by area. */
    areaCode: text('area_code').notNull(),
    villageCode: text('village_code'),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    fromOrganizationId: uuid('from_organization_id').references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Disciplines asked for (social_worker, nurse, physiotherapist…); empty: the organisation decides. */
    disciplines: text('disciplines').array().notNull().default(sql`'{}'::text[]`),
    reason: text('reason').notNull(),
    /** routine, urgent, emergency. */
    urgency: text('urgency').notNull(),
    /** sent, accepted, declined, in_progress, completed, withdrawn. */
    status: text('status').notNull().default('sent'),
    /** What it shares: `{screeningId?, planId?}`, read under the policy when the receiver opens it. */
    shared: jsonb('shared').notNull().default(sql`'{}'::jsonb`),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    assignedUserId: uuid('assigned_user_id').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string', precision: 3 }),
    clientId: uuid('client_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('referral_client_key').on(t.clientId),
    index('referral_to_idx').on(t.toOrganizationId, t.status, t.dueAt, t.id),
    index('referral_from_idx').on(t.fromUserId, t.createdAt, t.id),
    index('referral_person_idx').on(t.personId, t.createdAt),
    index('referral_area_idx').on(t.areaCode, t.status, t.createdAt),
  ],
);

/** Help given to a person (cash, goods, equipment, home repair, a service): the assistance ledger. */
export const assistance = pgTable(
  'assistance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    areaCode: text('area_code').notNull(),
    villageCode: text('village_code'),
    /** cash, goods, equipment, home_repair, service. */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** Baht; null when the help has no price (a service). */
    value: numeric('value', { precision: 12, scale: 2, mode: 'number' }),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fundingSource: text('funding_source'),
    /** The recorder saw the earlier similar help and recorded it anyway. */
    duplicateConfirmed: boolean('duplicate_confirmed').notNull().default(false),
    recordedBy: uuid('recorded_by').references(() => users.id),
    clientId: uuid('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assistance_client_key').on(t.clientId),
    index('assistance_person_idx').on(t.personId, t.givenOn),
    // Every column the totals count, so that an area's totals read the index alone (a district's
    // 100,000 rows from the table took 60 ms per breakdown, five breakdowns at once).
    index('assistance_area_idx').on(
      t.areaCode,
      t.givenOn,
      t.personId,
      t.organizationId,
      t.kind,
      t.fundingSource,
      t.villageCode,
      t.value,
      t.duplicateConfirmed,
    ),
    index('assistance_org_idx').on(t.organizationId, t.givenOn),
  ],
);

/**
 * A home visit or a centre appointment for a person, planned (from a plan activity or ad hoc) and then
 * recorded. A team visit names several users.
 */
export const visits = pgTable(
  'visit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    areaCode: text('area_code').notNull(),
    villageCode: text('village_code'),
    /** home_visit, centre_appointment. */
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    /** The organisation that runs it (the centre, or the visiting agency). */
    organizationId: uuid('organization_id').references(() => organizations.id),
    assigneeIds: uuid('assignee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    planActivityId: uuid('plan_activity_id').references(() => planActivities.id),
    purpose: text('purpose'),
    /** scheduled, done, missed, cancelled. */
    status: text('status').notNull().default('scheduled'),
    /** The visit record once done: who went, what was done, vital signs, notes, follow-up. */
    record: jsonb('record'),
    clientId: uuid('client_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('visit_client_key').on(t.clientId),
    index('visit_person_idx').on(t.personId, t.startsAt),
    index('visit_area_idx').on(t.areaCode, t.startsAt),
    index('visit_org_idx').on(t.organizationId, t.startsAt),
    index('visit_assignee_idx').using('gin', t.assigneeIds),
  ],
);

/**
 * Each assignee's visits, one row per user and visit, kept by triggers on `visit` (migration 0018): the
 * calendar's overload and double-booking rules read a user's days from one index, already in time
 * order, instead of unnesting every visit of the period.
 */
export const visitAssignments = pgTable(
  'visit_assignment',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.userId] }),
    index('visit_assignment_user_idx').on(t.userId, t.startsAt, t.visitId, t.endsAt, t.status),
  ],
);

/** A ride for a person to a centre or hospital, requested by staff and taken by a transport provider. */
export const transportRequests = pgTable(
  'transport_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    areaCode: text('area_code').notNull(),
    villageCode: text('village_code'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    providerOrganizationId: uuid('provider_organization_id')
      .notNull()
      .references(() => organizations.id),
    destinationOrganizationId: uuid('destination_organization_id').references(() => organizations.id),
    destination: text('destination'),
    pickupAt: timestamp('pickup_at', { withTimezone: true, mode: 'string', precision: 3 }).notNull(),
    pickupAddress: text('pickup_address').notNull(),
    /** wheelchair, stretcher, oxygen, escort. */
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    /** requested, accepted, declined, completed, cancelled. */
    status: text('status').notNull().default('requested'),
    note: text('note'),
    clientId: uuid('client_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('transport_request_client_key').on(t.clientId),
    index('transport_request_provider_idx').on(t.providerOrganizationId, t.status, t.pickupAt),
    index('transport_request_person_idx').on(t.personId, t.pickupAt),
    index('transport_request_requester_idx').on(t.requestedBy, t.createdAt),
  ],
);

/** Each status move of a referral, transport request or visit: who, when, from what to what, and why. */
export const serviceEvents = pgTable(
  'service_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** referral, transport, visit. */
    subject: text('subject').notNull(),
    subjectId: uuid('subject_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'string', precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('service_event_subject_idx').on(t.subjectId, t.at)],
);
