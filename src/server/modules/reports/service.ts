import { decide } from '../../../core/policy/index.ts';
import { percentOf } from '../../../core/reports/bands.ts';
import { periodsOfReport, type ReportCells, reportFromCells } from '../../../core/reports/cells.ts';
import { suppressReport } from '../../../core/reports/suppress.ts';
import type { ReportPeopleQuery, ReportQuery, WellbeingReport } from '../../../core/schemas/report.ts';
import { bangkokYear } from '../../../core/screenings/month.ts';
import { toBuddhistYear } from '../../../core/thai/buddhistEra.ts';
import { ensureAllowed } from '../../http/auth.ts';
import { invalid } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import type { GroupContext } from '../groups/context.ts';
import { loadGroup } from '../groups/load.ts';
import { groupReport } from './group.ts';
import { peopleBehind } from './people.ts';
import { areaExists, planFiguresOf, readCells, villageNames } from './repo.ts';
import type { ReportRollup } from './rollup.ts';

export interface ReportContext extends GroupContext {
  rollup: ReportRollup;
  ip: string;
}

/** How long a report waits for queued changes to be rolled up before it reads (a rebuild takes longer). */
const DRAIN_BUDGET_MS = 2000;

/** A code that is not in the DOPA tree is a typo, not an empty area: say so instead of showing zeros. */
async function ensureKnownArea(c: ReportContext, path: string, code: string) {
  if (!(await areaExists(c.db, code))) throw invalid(path, 'area_unknown', { code });
}

/** Reports stop at this Buddhist year: later years have no figures yet. */
function ensurePastOrPresent(yearBE: number, now: Date) {
  const lastBE = toBuddhistYear(bangkokYear(now));
  if (yearBE > lastBE) throw invalid('query.yearBE', 'report_year_future', { yearBE, lastBE });
}

/**
 * The well-being report of an area (from the rollup cells) or a group (from its members' rows),
 * whole for whoever may see the people, small cells suppressed for everyone else; audited.
 */
export async function wellbeingReport(c: ReportContext, q: ReportQuery): Promise<WellbeingReport> {
  ensurePastOrPresent(q.yearBE, c.now);
  let report: WellbeingReport;
  let identified: boolean;
  let areaCode: string | null = null;
  if (q.area !== undefined) {
    areaCode = q.area;
    ensureAllowed(c.actor, { action: 'report.read', areaCode });
    await ensureKnownArea(c, 'query.area', areaCode);
    identified = decide(c.actor, { action: 'report.identified', areaCode }).allow;
    report = await areaReport(c, { ...q, area: q.area });
  } else {
    const loaded = await loadGroup(c, q.group as string, 'group.read');
    areaCode = loaded.group.areaCode;
    identified = decide(c.actor, { action: 'group.listPersons', areaCode, role: loaded.role }).allow;
    report = await groupReport(c.db, loaded.group.id, q, c.now);
  }
  const out = identified ? report : suppressReport(report);
  await audit(c.db, c.actor, {
    action: 'report.read',
    entity: q.area !== undefined ? 'area' : 'group',
    entityId: q.area ?? q.group ?? null,
    areaCode,
    groupId: q.group ?? null,
    ip: c.ip,
    detail: { yearBE: q.yearBE, month: q.month ?? null, by: q.by, suppressed: out.suppressed },
  });
  return out;
}

async function areaReport(c: ReportContext, q: ReportQuery & { area: string }): Promise<WellbeingReport> {
  await c.rollup.drain(DRAIN_BUDGET_MS);
  const { period, key, months } = periodsOfReport(q, c.now);
  // `<subdistrict>00` holds the people with no village: it is not a village anyone can ask for.
  const notAVillage = q.area.length === 8 && q.area.endsWith('00');
  const byLeaf = q.by === 'village' || q.by === 'household';
  const cells: ReportCells = notAVillage
    ? { scope: new Map() }
    : await readCells(c.db, q.area, [key, ...months], byLeaf ? key : undefined);
  const names = byLeaf && !notAVillage ? await villageNames(c.db, q.area) : {};
  const report = { ...reportFromCells(q, c.now, cells, { names }), pending: await c.rollup.pending() };
  const plans = notAVillage ? undefined : await planFiguresOf(c.db, q.area, period);
  if (!plans) return report;
  const screened = report.population.screened ?? 0;
  return { ...report, plans: { ...plans, coverage: percentOf(plans.withPlan, screened) } };
}

/** The people behind one number: the area's admins only; every list is audited with who was on it. */
export async function reportPeople(c: ReportContext, q: ReportPeopleQuery) {
  ensurePastOrPresent(q.yearBE, c.now);
  ensureAllowed(c.actor, { action: 'report.listPersons', areaCode: q.area });
  await ensureKnownArea(c, 'query.area', q.area);
  const { period } = periodsOfReport(q, c.now);
  const page = await peopleBehind(c.db, q, period);
  await audit(c.db, c.actor, {
    action: 'report.listPersons',
    entity: 'area',
    entityId: q.area,
    areaCode: q.area,
    ip: c.ip,
    detail: {
      yearBE: q.yearBE,
      month: q.month ?? null,
      dimension: q.dimension,
      level: q.level,
      count: page.items.length,
    },
    subjectIds: page.items.map((p) => p.id),
  });
  return page;
}
