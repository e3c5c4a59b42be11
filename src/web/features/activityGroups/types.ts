/**
 * The group-activity API's answers (`src/server/modules/activities/groups.ts`, shapes in its
 * `schemas.ts`): an activity of the library done together (an exercise group), its members (plan
 * activities linked to it) and who came to each session.
 */
import type { PlanDimension } from '../../../core/schemas/plan.ts';

export interface ActivityGroup {
  id: string;
  activityId: string;
  activityTitle: string;
  dimension: PlanDimension;
  /** A subdistrict (6 digits) or a village (8). */
  areaCode: string;
  name: string;
  organizationId: string | null;
  organizationName: string | null;
  /** When it meets, in words ("ทุกวันพุธ 16.00 น. ที่ศาลาหมู่บ้าน"). */
  schedule: string | null;
  memberCount: number;
  createdAt: string;
}

/** A member the viewer may identify; the others are only counted (`otherMembers`). */
export interface ActivityGroupMember {
  planActivityId: string;
  planId: string;
  personId: string;
  firstName: string;
  lastName: string;
  villageCode: string | null;
  /** Sessions with a mark for this person, and those marked present. */
  sessions: number;
  attended: number;
}

export interface ActivityGroupSession {
  /** ISO date (CE). */
  heldOn: string;
  present: number;
  absent: number;
}

export interface ActivityGroupDetail extends ActivityGroup {
  members: ActivityGroupMember[];
  otherMembers: number;
  /** Oldest first. */
  sessions: ActivityGroupSession[];
}

export interface ActivityGroupCreate {
  activityId: string;
  areaCode: string;
  name: string;
  organizationId?: string;
  schedule?: string;
}

export interface AttendanceInput {
  heldOn: string;
  present: { personId: string; present: boolean }[];
}

export interface AttendanceResult {
  activityGroupId: string;
  heldOn: string;
  recorded: number;
  present: number;
}
