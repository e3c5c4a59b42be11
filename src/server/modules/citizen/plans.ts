import type { Db } from '../../db/client.ts';
import { attendanceOf } from '../plans/repo.ts';
import type { PlanSnapshot } from '../plans/service.ts';
import { adherenceOf, effectiveProgress } from '../plans/service.ts';
import { iso } from '../users/repo.ts';
import { planActivitiesOfPlans, planProgressOfPlans, plansOf, planVersionsOf } from './repo.ts';

/**
 * The person's well-being plans for `GET /me/data`: each plan as it is now, every version as it
 * was (the snapshot kept in plan_version), every activity ever in it (dropped ones marked with the
 * version that dropped them) and every progress report (superseded ones kept and marked). Only
 * rows of this person's plans: the queries start from `plan.person_id`.
 */
export async function plansForExport(db: Db, personId: string) {
  const planRows = await plansOf(db, personId);
  const ids = planRows.map((p) => p.plan.id);
  const [versionRows, activityRows, progressRows] = await Promise.all([
    planVersionsOf(db, ids),
    planActivitiesOfPlans(db, ids),
    planProgressOfPlans(db, ids),
  ]);
  const attendance = await attendanceOf(
    db,
    personId,
    activityRows.map((a) => a.activity.activityGroupId),
  );
  const effective = new Set(effectiveProgress(progressRows.map((r) => r.progress)).map((r) => r.id));

  return planRows.map(({ plan, createdByName }) => {
    const activities = activityRows.filter((a) => a.activity.planId === plan.id);
    const current = new Set(
      activities.filter((a) => a.activity.removedInVersion === null).map((a) => a.activity.id),
    );
    const progress = progressRows.filter((r) => r.progress.planId === plan.id);
    const all = adherenceOf(progress.map((r) => r.progress));
    // The plan's own figure counts its current activities, as the plan page shows it.
    const overall = adherenceOf(progress.map((r) => r.progress).filter((r) => current.has(r.planActivityId)));
    return {
      id: plan.id,
      status: plan.status,
      version: plan.version,
      goals: plan.goals as Record<string, unknown>,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      screeningId: plan.screeningId,
      createdBy: createdByName,
      createdAt: iso(plan.createdAt),
      updatedAt: iso(plan.updatedAt),
      adherence: { percent: overall.percent, months: overall.months },
      activities: activities.map(({ activity: a, organizationName }) => ({
        id: a.id,
        activityId: a.activityId,
        dimension: a.dimension,
        title: a.title,
        addresses: a.addresses,
        responsible: a.responsible,
        organizationName,
        responsibleName: a.responsibleName,
        mode: a.mode,
        goal: a.goal,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        addedInVersion: a.addedInVersion,
        removedInVersion: a.removedInVersion,
        adherence: all.byActivity[a.id] ?? null,
        attendance: a.activityGroupId
          ? (attendance.get(a.activityGroupId) ?? { sessions: 0, attended: 0 })
          : null,
      })),
      versions: versionRows
        .filter((v) => v.version.planId === plan.id)
        .map(({ version: v, createdByName: by }) => ({
          version: v.version,
          reason: v.reason,
          createdBy: by,
          createdAt: iso(v.createdAt),
          snapshot: v.snapshot as PlanSnapshot,
        })),
      progress: progress.map(({ progress: r, reportedByName }) => ({
        id: r.id,
        planActivityId: r.planActivityId,
        month: r.month,
        status: r.status,
        note: r.note,
        photo: (r.photo as Record<string, unknown> | null) ?? null,
        reportedAs: r.reportedAs,
        reportedBy: reportedByName,
        reportedAt: iso(r.createdAt),
        superseded: !effective.has(r.id),
      })),
    };
  });
}

export type ExportedPlan = Awaited<ReturnType<typeof plansForExport>>[number];
