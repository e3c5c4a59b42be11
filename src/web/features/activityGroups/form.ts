/**
 * The "new group activity" form as values, and the request it makes. Pure: unit-tested.
 */
import { isGroupArea } from './attendance.ts';
import type { ActivityGroupCreate } from './types.ts';

export interface GroupFormValues {
  activityId: string | null;
  name: string;
  /** The chosen area: a subdistrict or one of the admin's villages. */
  areaCode: string | null;
  /** A village of the chosen subdistrict, when narrowed to one. */
  villageCode: string | null;
  organizationId: string | null;
  schedule: string;
}

export const emptyGroupForm = (areaCode: string | null = null): GroupFormValues => ({
  activityId: null,
  name: '',
  areaCode,
  villageCode: null,
  organizationId: null,
  schedule: '',
});

export type GroupFormProblem = 'required' | 'areaLevel' | 'tooLong';

/** The POST body, or per field what is wrong (keyed like the server's field paths). */
export function toGroupCreate(
  v: GroupFormValues,
): { ok: true; body: ActivityGroupCreate } | { ok: false; problems: Record<string, GroupFormProblem> } {
  const problems: Record<string, GroupFormProblem> = {};
  const name = v.name.trim();
  const schedule = v.schedule.trim();
  const area =
    v.villageCode && v.areaCode && v.villageCode.startsWith(v.areaCode) ? v.villageCode : v.areaCode;
  if (!v.activityId) problems.activityId = 'required';
  if (!name) problems.name = 'required';
  else if (name.length > 200) problems.name = 'tooLong';
  if (!area) problems.areaCode = 'required';
  else if (!isGroupArea(area)) problems.areaCode = 'areaLevel';
  if (schedule.length > 500) problems.schedule = 'tooLong';
  if (Object.keys(problems).length > 0 || !v.activityId || !area) return { ok: false, problems };
  return {
    ok: true,
    body: {
      activityId: v.activityId,
      areaCode: area,
      name,
      ...(v.organizationId ? { organizationId: v.organizationId } : {}),
      ...(schedule ? { schedule } : {}),
    },
  };
}
