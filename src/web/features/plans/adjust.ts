/**
 * Adjusting a plan: its activities as editable rows (kept, dropped, or new from the library) and the
 * PATCH that makes the next version. Pure: unit-tested.
 */
import type { ActivityMode, PlanDimension, PlanPatch, PlanResponsible } from '../../../core/schemas/plan.ts';
import type { Plan } from './types.ts';

export interface AdjustRow {
  /** The plan activity's id; none for an activity added now. */
  id?: string;
  activityId: string;
  dimension: PlanDimension;
  title: string;
  responsible: PlanResponsible;
  organizationId: string | null;
  organizationName: string | null;
  responsibleName: string;
  mode: ActivityMode | '';
  goal: string;
  startsOn: string | null;
  endsOn: string | null;
  activityGroupId: string | null;
  removed: boolean;
}

export function rowsOf(plan: Plan): AdjustRow[] {
  return plan.activities.map((a) => ({
    id: a.id,
    activityId: a.activityId,
    dimension: a.dimension,
    title: a.title,
    responsible: a.responsible,
    organizationId: a.organizationId,
    organizationName: a.organizationName,
    responsibleName: a.responsibleName ?? '',
    mode: a.mode,
    goal: a.goal ?? '',
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    activityGroupId: a.activityGroupId,
    removed: false,
  }));
}

/** The PATCH body: every row not dropped (rows left out are dropped by the server), goals kept. */
export function toPatch(plan: Plan, rows: readonly AdjustRow[], personal: string, reason: string): PlanPatch {
  const text = personal.trim();
  const { personal: _old, ...restGoals } = plan.goals;
  return {
    reason: reason.trim(),
    activities: rows
      .filter((r) => !r.removed)
      .map((r) => {
        const name = r.responsibleName.trim();
        const goal = r.goal.trim();
        return {
          ...(r.id ? { id: r.id } : {}),
          activityId: r.activityId,
          responsible: r.responsible,
          ...(r.responsible === 'organization' && r.organizationId
            ? { organizationId: r.organizationId }
            : {}),
          ...((r.responsible === 'family' || r.responsible === 'volunteer') && name
            ? { responsibleName: name }
            : {}),
          ...(r.mode ? { mode: r.mode } : {}),
          title: r.title,
          ...(goal ? { goal } : {}),
          ...(r.startsOn ? { startsOn: r.startsOn } : {}),
          ...(r.endsOn ? { endsOn: r.endsOn } : {}),
          ...(r.activityGroupId ? { activityGroupId: r.activityGroupId } : {}),
        };
      }),
    goals: { ...restGoals, ...(text ? { personal: text } : {}) },
  };
}
