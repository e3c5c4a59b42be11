/** Creating, listing, reading and changing closed groups (DOMAIN.md step 4). */
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { hasRole } from '../../../core/policy/index.ts';
import type { Group, GroupCreate, GroupPatch, GroupRole } from '../../../core/schemas/group.ts';
import { areas, careGroups, groupMembers } from '../../db/schema.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { decodeCursor, pageOf } from '../../http/cursor.ts';
import { invalid } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { iso } from '../users/repo.ts';
import type { GroupContext } from './context.ts';
import { loadGroup } from './load.ts';
import { countsOf, type GroupRow, isActive } from './repo.ts';

export async function createGroup(c: GroupContext, input: GroupCreate): Promise<Group> {
  ensureAllowed(c.actor, { action: 'group.create', areaCode: input.areaCode });
  const [area] = await c.db.select({ level: areas.level }).from(areas).where(eq(areas.code, input.areaCode));
  if (area?.level !== 'subdistrict') throw invalid('areaCode', 'area_unknown', { code: input.areaCode });
  const villageCodes = await checkVillages(c, input.areaCode, input.villageCodes);
  const startsOn = input.startsOn ?? c.today;
  checkPeriod(startsOn, input.endsAt ?? null);

  const row = await c.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(careGroups)
      .values({
        name: input.name,
        areaCode: input.areaCode,
        villageCodes,
        purpose: input.purpose ?? null,
        startsOn,
        endsOn: input.endsAt ?? null,
        createdBy: c.actor.userId,
      })
      .returning();
    // The creator runs the group from the start.
    await tx
      .insert(groupMembers)
      .values({ groupId: created!.id, userId: c.actor.userId, role: 'admin', addedBy: c.actor.userId });
    await audit(tx, c.actor, {
      action: 'group.create',
      entity: 'group',
      entityId: created!.id,
      areaCode: created!.areaCode,
      groupId: created!.id,
      detail: { villages: villageCodes.length },
    });
    return created!;
  });
  return (await present(c, [row], new Map([[row.id, 'admin']])))[0]!;
}

export async function getGroup(c: GroupContext, id: string): Promise<Group> {
  const { group, role } = await loadGroup(c, id, 'group.read');
  return (await present(c, [group], new Map(role ? [[id, role]] : [])))[0]!;
}

export async function updateGroup(c: GroupContext, id: string, patch: GroupPatch): Promise<Group> {
  const { group, role } = await loadGroup(c, id, 'group.manage');
  const next: Partial<GroupRow> = {};
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.purpose !== undefined) next.purpose = patch.purpose;
  if (patch.villageCodes !== undefined)
    next.villageCodes = await checkVillages(c, group.areaCode, patch.villageCodes);
  if (patch.endsAt !== undefined) {
    checkPeriod(group.startsOn, patch.endsAt);
    next.endsOn = patch.endsAt;
  }
  const row = await c.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(careGroups)
      .set({ ...next, updatedAt: sql`now()` })
      .where(eq(careGroups.id, id))
      .returning();
    await audit(tx, c.actor, {
      action: 'group.update',
      entity: 'group',
      entityId: id,
      areaCode: group.areaCode,
      groupId: id,
      detail: { fields: Object.keys(patch) },
    });
    return updated!;
  });
  return (await present(c, [row], new Map(role ? [[id, role]] : [])))[0]!;
}

/**
 * The groups the caller is a member of; area admins also see the groups of
 * their areas, and operators every group. Newest first.
 */
export async function listGroups(
  c: GroupContext,
  q: { area?: string; limit: number; cursor?: string },
): Promise<{ items: Group[]; nextCursor: string | null }> {
  ensureAllowed(c.actor, { action: 'group.list' });
  const where: SQL[] = [];
  const memberOf = sql`${careGroups.id} in (select m.group_id from group_member m
    where m.user_id = ${c.actor.userId} and m.removed_at is null)`;
  if (!hasRole(c.actor, 'operator')) {
    // An area admin's areas cover the groups formed in them (a village scope covers no subdistrict).
    const scopes = hasRole(c.actor, 'area_admin') ? c.actor.areaCodes.filter((s) => s.length <= 6) : [];
    where.push(
      scopes.length === 0
        ? memberOf
        : or(memberOf, ...scopes.map((s) => sql`${careGroups.areaCode} like ${`${s}%`}`))!,
    );
  }
  if (q.area) where.push(sql`${careGroups.areaCode} like ${`${q.area.slice(0, 6)}%`}`);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  if (after)
    where.push(
      sql`(${careGroups.createdAt}, ${careGroups.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    );
  const rows = await c.db
    .select()
    .from(careGroups)
    .where(and(...where))
    .orderBy(desc(careGroups.createdAt), desc(careGroups.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (last) => [iso(last.createdAt), last.id]);
  const ids = page.items.map((g) => g.id);
  const roles =
    ids.length === 0
      ? []
      : await c.db
          .select({ groupId: groupMembers.groupId, role: groupMembers.role })
          .from(groupMembers)
          .where(
            and(
              inArray(groupMembers.groupId, ids),
              eq(groupMembers.userId, c.actor.userId),
              isNull(groupMembers.removedAt),
            ),
          );
  return {
    items: await present(c, page.items, new Map(roles.map((r) => [r.groupId, r.role as GroupRole]))),
    nextCursor: page.nextCursor,
  };
}

async function present(c: GroupContext, rows: GroupRow[], roles: Map<string, GroupRole>): Promise<Group[]> {
  const counts = await countsOf(
    c.db,
    rows.map((r) => r.id),
  );
  const codes = [...new Set(rows.map((r) => r.areaCode))];
  const names =
    codes.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await c.db
              .select({ code: areas.code, name: areas.nameTh })
              .from(areas)
              .where(inArray(areas.code, codes))
          ).map((a) => [a.code, a.name]),
        );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    areaCode: r.areaCode,
    areaName: names.get(r.areaCode) ?? null,
    villageCodes: r.villageCodes,
    purpose: r.purpose,
    startsOn: r.startsOn,
    endsAt: r.endsOn,
    active: isActive(r, c.today),
    myRole: roles.get(r.id) ?? null,
    counts: counts.get(r.id)!,
    createdAt: iso(r.createdAt),
  }));
}

/** Every village must be a village of the group's subdistrict; 400 naming the first that is not. */
async function checkVillages(c: GroupContext, areaCode: string, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const found = new Set(
    (
      await c.db
        .select({ code: areas.code })
        .from(areas)
        .where(and(inArray(areas.code, wanted), eq(areas.parentCode, areaCode), eq(areas.level, 'village')))
    ).map((a) => a.code),
  );
  const index = codes.findIndex((code) => !found.has(code));
  if (index >= 0) throw invalid(`villageCodes.${index}`, 'group_village_outside', { code: codes[index]! });
  return wanted.sort();
}

function checkPeriod(startsOn: string, endsOn: string | null) {
  if (endsOn !== null && endsOn < startsOn) throw invalid('endsAt', 'group_ends_before_start');
}
