import { type Actor, decide, placeOf } from '../../../core/policy/index.ts';
import {
  type ClaimAccount,
  type LinkCodeIssued,
  type MyLink,
  normalizeLinkCode,
  type PersonAuditEntry,
  type PersonLinks,
} from '../../../core/schemas/citizen.ts';
import type { Role } from '../../../core/schemas/user.ts';
import type { Db } from '../../db/client.ts';
import { linkCodes, personLinks, users } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { conflict, forbidden, invalid, notFound, Problem } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { hashPassword } from '../auth/secrets.ts';
import { ensurePersonAccess } from '../groups/access.ts';
import { relationOf } from '../groups/relation.ts';
import type { NationalIdVault } from '../persons/nationalIdVault.ts';
import { findPerson, type PersonRow } from '../persons/repo.ts';
import { uniqueViolation } from '../persons/service.ts';
import type { UserRow } from '../users/repo.ts';
import { iso } from '../users/repo.ts';
import { LINK_CODE_TTL_MS, linkCodeDigest, newLinkCode } from './codes.ts';
import {
  activeLink,
  auditEntries,
  auditIdsAbout,
  consumeCode,
  type LinkCodeRow,
  linksOfPerson,
  linksOfUser,
  pendingCodesOf,
  revokeLinkRow,
  usableCode,
  voidOpenCodes,
} from './repo.ts';

export interface CitizenContext {
  db: Db;
  /** Null only for the public claim. */
  actor: Actor | null;
  vault: NationalIdVault;
  today: string;
  /** The session secret: link codes are kept as keyed hashes under a key derived from it. */
  secret: string;
  ip: string;
  throttle: {
    retryAfter(key: string, ip: string): number;
    fail(key: string, ip: string): void;
    succeed(key: string): void;
  };
}

function actorOf(c: CitizenContext): Actor {
  if (!c.actor) throw new Problem(401, 'unauthenticated');
  return c.actor;
}

/** A person to act on: a merged record is history, not a person, and answers 404 here. */
async function livePerson(c: CitizenContext, id: string): Promise<PersonRow> {
  const person = await findPerson(c.db, id);
  if (!person || person.mergedInto) throw notFound();
  return person;
}

// ---- Link codes -----------------------------------------------------------------------------------

/**
 * Issues a one-time code that links an account to the person's record: 8
 * digits shown once, valid 72 hours; a new code for the same person and
 * relation voids the earlier unused ones.
 */
export async function issueLinkCode(
  c: CitizenContext,
  personId: string,
  input: { relation: 'self' | 'proxy'; proxyName?: string },
): Promise<LinkCodeIssued> {
  const actor = actorOf(c);
  const person = await livePerson(c, personId);
  const access = await ensurePersonAccess({ db: c.db, actor, today: c.today }, 'person.linkCode', person);
  const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS).toISOString();

  // A fresh code can collide with a kept hash (10^8 codes): draw again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newLinkCode();
    try {
      const row = await c.db.transaction(async (tx) => {
        const voided = await voidOpenCodes(tx, personId, input.relation);
        const [inserted] = await tx
          .insert(linkCodes)
          .values({
            personId,
            codeHash: linkCodeDigest(c.secret, code),
            relation: input.relation,
            proxyName: input.relation === 'proxy' ? (input.proxyName ?? null) : null,
            issuedBy: actor.userId,
            expiresAt,
          })
          .returning();
        // The audit holds neither the code nor the proxy's name.
        await audit(tx, actor, {
          action: 'person.linkCode',
          entity: 'person',
          entityId: personId,
          areaCode: person.areaCode,
          groupId: access.groupId,
          subjectIds: [personId],
          detail: { relation: input.relation, voided },
        });
        return inserted!;
      });
      return { id: row.id, code, relation: input.relation, expiresAt: iso(row.expiresAt) };
    } catch (err) {
      if (!uniqueViolation(err)) throw err;
    }
  }
  throw new Problem(500, 'internal');
}

/** The one answer for a wrong, expired or used code: nothing says which. */
function invalidCode(): Problem {
  return new Problem(400, 'link_code_invalid', 'link_code_invalid', {}, [
    { path: 'code', detail: 'link_code_invalid' },
  ]);
}

/** Throttles guesses (per key and per address) and finds the code; a miss counts against both. */
async function checkCode(c: CitizenContext, key: string, typed: string): Promise<LinkCodeRow> {
  const wait = c.throttle.retryAfter(key, c.ip);
  if (wait > 0) {
    await audit(c.db, c.actor, { action: 'citizen.link', entity: 'person', outcome: 'denied', ip: c.ip });
    throw new Problem(429, 'rate_limited', 'retry_after', { seconds: wait }, [], {
      'retry-after': String(wait),
    });
  }
  const digits = normalizeLinkCode(typed);
  const code = digits ? await usableCode(c.db, linkCodeDigest(c.secret, digits)) : undefined;
  if (!code) return failCode(c, key);
  return code;
}

async function failCode(c: CitizenContext, key: string): Promise<never> {
  c.throttle.fail(key, c.ip);
  await audit(c.db, c.actor, { action: 'citizen.link', entity: 'person', outcome: 'failed', ip: c.ip });
  throw invalidCode();
}

/**
 * A person (or the proxy they named) makes their own `citizen` account with
 * the code, linked to the record in the same transaction. The caller opens
 * the session.
 */
export async function claimAccount(c: CitizenContext, input: ClaimAccount): Promise<UserRow> {
  const key = `claim:${input.username}`;
  const code = await checkCode(c, key, input.code);
  const passwordHash = await hashPassword(input.password);
  const roles: Role[] = ['citizen'];
  const user = await c.db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          passwordHash,
          displayName: input.displayName,
          roles,
          areaCodes: [],
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict('username_taken', {}, 'username');
      if (!(await consumeCode(tx, code.id, row.id))) throw invalidCode();
      await tx.insert(personLinks).values({
        personId: code.personId,
        userId: row.id,
        relation: code.relation,
        linkCodeId: code.id,
      });
      const actor: Actor = { userId: row.id, roles, organizationId: null, areaCodes: [] };
      await audit(tx, actor, {
        action: 'user.create',
        entity: 'user',
        entityId: row.id,
        ip: c.ip,
        detail: { roles, via: 'link_code' },
      });
      await audit(tx, actor, {
        action: 'citizen.link',
        entity: 'person',
        entityId: code.personId,
        ip: c.ip,
        subjectIds: [code.personId],
        detail: { relation: code.relation, claim: true },
      });
      return row;
    })
    .catch(async (err: unknown) => {
      // The code went to someone else between the look-up and now: the same answer as any wrong code.
      if (err instanceof Problem && err.code === 'link_code_invalid') await failCode(c, key);
      throw err;
    });
  c.throttle.succeed(key);
  return user;
}

/** Links one more record to the signed-in account (a family proxy caring for two parents). */
export async function addLink(c: CitizenContext, typed: string): Promise<MyLink> {
  const actor = actorOf(c);
  ensureAllowed(actor, { action: 'me.link' });
  const key = `account:${actor.userId}`;
  const code = await checkCode(c, key, typed);
  if (await activeLink(c.db, code.personId, actor.userId)) throw conflict('already_linked', {}, 'code');
  await c.db
    .transaction(async (tx) => {
      if (!(await consumeCode(tx, code.id, actor.userId))) throw invalidCode();
      await tx.insert(personLinks).values({
        personId: code.personId,
        userId: actor.userId,
        relation: code.relation,
        linkCodeId: code.id,
      });
      await audit(tx, actor, {
        action: 'citizen.link',
        entity: 'person',
        entityId: code.personId,
        ip: c.ip,
        subjectIds: [code.personId],
        detail: { relation: code.relation },
      });
    })
    .catch(async (err: unknown) => {
      if (err instanceof Problem && err.code === 'link_code_invalid') await failCode(c, key);
      if (uniqueViolation(err)) throw conflict('already_linked', {}, 'code');
      throw err;
    });
  c.throttle.succeed(key);
  const link = (await linksOfUser(c.db, actor.userId)).find((l) => l.personId === code.personId)!;
  return toMyLink(link);
}

// ---- The account's own links ------------------------------------------------------------------------

export async function myLinks(c: CitizenContext): Promise<{ items: MyLink[] }> {
  const actor = actorOf(c);
  const rows = await linksOfUser(c.db, actor.userId);
  if (rows.length > 0) {
    await audit(c.db, actor, {
      action: 'citizen.links.read',
      entity: 'person',
      subjectIds: rows.map((r) => r.personId),
      detail: { count: rows.length },
    });
  }
  return { items: rows.map(toMyLink) };
}

function toMyLink(r: Awaited<ReturnType<typeof linksOfUser>>[number]): MyLink {
  return {
    id: r.id,
    personId: r.personId,
    relation: r.relation as MyLink['relation'],
    title: r.title,
    firstName: r.firstName,
    lastName: r.lastName,
    linkedAt: iso(r.linkedAt),
  };
}

export async function unlinkMine(c: CitizenContext, linkId: string): Promise<void> {
  const actor = actorOf(c);
  await c.db.transaction(async (tx) => {
    const row = await revokeLinkRow(tx, { id: linkId, userId: actor.userId });
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: 'citizen.unlink',
      entity: 'person',
      entityId: row.personId,
      subjectIds: [row.personId],
      detail: { relation: row.relation },
    });
  });
}

// ---- Links as the person's admins see them ------------------------------------------------------------

/**
 * Managing links is for the person's admins (area, group, operator); a linked
 * account may see who looked at the record but not cut another's link.
 */
async function ensureLinkAdmin(c: CitizenContext, person: PersonRow) {
  const actor = actorOf(c);
  const access = await ensurePersonAccess({ db: c.db, actor, today: c.today }, 'person.audit', person);
  const asAdmin = decide(actor, {
    action: 'person.audit',
    areaCode: placeOf(person),
    relation: { ...access.relation, linked: false },
  });
  if (!asAdmin.allow) throw forbidden();
  return { actor, access };
}

export async function personLinksOf(c: CitizenContext, personId: string): Promise<PersonLinks> {
  const person = await livePerson(c, personId);
  const { actor, access } = await ensureLinkAdmin(c, person);
  const [links, pending] = await Promise.all([linksOfPerson(c.db, personId), pendingCodesOf(c.db, personId)]);
  await audit(c.db, actor, {
    action: 'person.links.read',
    entity: 'person',
    entityId: personId,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [personId],
    detail: { count: links.length },
  });
  return {
    links: links.map((l) => ({
      id: l.id,
      relation: l.relation as 'self' | 'proxy',
      userId: l.userId,
      displayName: l.displayName,
      username: l.username,
      linkedAt: iso(l.linkedAt),
      revokedAt: l.revokedAt ? iso(l.revokedAt) : null,
    })),
    pendingCodes: pending.map((p) => ({
      id: p.id,
      relation: p.relation as 'self' | 'proxy',
      issuedAt: iso(p.issuedAt),
      expiresAt: iso(p.expiresAt),
    })),
  };
}

export async function revokePersonLink(c: CitizenContext, personId: string, linkId: string): Promise<void> {
  const person = await livePerson(c, personId);
  const { actor, access } = await ensureLinkAdmin(c, person);
  await c.db.transaction(async (tx) => {
    const row = await revokeLinkRow(tx, { id: linkId, personId });
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: 'person.unlink',
      entity: 'person',
      entityId: personId,
      areaCode: person.areaCode,
      groupId: access.groupId,
      subjectIds: [personId],
      detail: { relation: row.relation },
    });
  });
}

// ---- Who looked at the data -----------------------------------------------------------------------------

/** A page of the person's access log, newest first (rows about the record and list reads that named them). */
export async function auditPage(
  db: Db,
  personId: string,
  q: { limit: number; cursor?: string; excludeActor?: string },
): Promise<{ items: PersonAuditEntry[]; nextCursor: string | null }> {
  const before = decodeCursor(q.cursor, 1);
  const beforeId = before ? Number(before[0]) : null;
  if (beforeId !== null && !Number.isSafeInteger(beforeId)) throw invalid('query.cursor', 'bad_cursor');
  const ids = await auditIdsAbout(db, {
    personId,
    beforeId,
    limit: q.limit + 1,
    excludeActor: q.excludeActor,
  });
  const page = ids.slice(0, q.limit);
  const rows = await auditEntries(db, page);
  const last = page[page.length - 1];
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      action: r.action,
      outcome: r.outcome,
      via: r.entity === 'person' && r.entityId === personId ? 'record' : 'list',
      actor: r.actorId
        ? {
            id: r.actorId,
            displayName: r.actorName ?? '',
            roles: r.actorRoles ?? [],
            organizationName: r.organizationName,
          }
        : null,
      group: r.groupId ? { id: r.groupId, name: r.groupName ?? '', role: r.groupRole } : null,
    })),
    nextCursor: ids.length > q.limit && last !== undefined ? encodeCursor([last]) : null,
  };
}

/** `GET /persons/:id/audit`: for the area's and the group's admins and the person themself; itself audited. */
export async function personAudit(
  c: CitizenContext,
  personId: string,
  q: { limit: number; cursor?: string; excludeSelf?: 'true' | 'false' },
) {
  const actor = actorOf(c);
  const person = await findPerson(c.db, personId);
  if (!person) throw notFound();
  const access = await ensurePersonAccess({ db: c.db, actor, today: c.today }, 'person.audit', person);
  const page = await auditPage(c.db, personId, {
    limit: q.limit,
    cursor: q.cursor,
    excludeActor: q.excludeSelf === 'true' ? actor.userId : undefined,
  });
  await audit(c.db, actor, {
    action: 'person.audit.read',
    entity: 'person',
    entityId: personId,
    areaCode: person.areaCode,
    groupId: access.groupId,
    subjectIds: [personId],
    detail: { count: page.items.length },
  });
  return page;
}

/** The person a `me` request is about: the one linked record, or the one named among several. */
export async function linkedPerson(c: CitizenContext, personId: string | undefined) {
  const actor = actorOf(c);
  const links = await linksOfUser(c.db, actor.userId);
  const link = personId
    ? links.find((l) => l.personId === personId)
    : links.length === 1
      ? links[0]
      : undefined;
  if (!link) {
    if (!personId && links.length > 1) {
      throw new Problem(400, 'validation', 'person_id_required', {}, [
        { path: 'personId', detail: 'person_id_required' },
      ]);
    }
    throw notFound();
  }
  const person = await findPerson(c.db, link.personId);
  if (!person) throw notFound();
  // The link gives the access; the policy still has the last word.
  const relation = await relationOf(c.db, actor.userId, person.id, c.today);
  ensureAllowed(actor, { action: 'person.read', areaCode: placeOf(person), relation });
  return { actor, person, relation, link };
}
