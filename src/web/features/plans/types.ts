/**
 * The plan API's answers (`src/server/modules/plans`, `activities`). Requests are the zod schemas of
 * `src/core/schemas/plan.ts`; these are the shapes the server sends back.
 */
import type {
  ActivityMode,
  PlanDimension,
  PlanGoals,
  PlanResponsible,
  PlanStatus,
  ProgressReporter,
  ProgressStatus,
} from '../../../core/schemas/plan.ts';

export type {
  ActivityCreate,
  ActivityMode,
  PlanActivityInput,
  PlanCreate,
  PlanDimension,
  PlanDraftItem,
  PlanGoals,
  PlanPatch,
  PlanProgressInput,
  PlanResponsible,
  PlanStatus,
  ProgressStatus,
} from '../../../core/schemas/plan.ts';

export interface Activity {
  id: string;
  code: string | null;
  dimension: PlanDimension;
  titleTh: string;
  titleEn: string | null;
  descriptionTh: string;
  descriptionEn: string | null;
  howTh: string | null;
  howEn: string | null;
  addresses: string[];
  modes: ActivityMode[];
  durationWeeks: number | null;
  providerTypes: string[];
  adlGroups: string[];
  minAge: number | null;
  maxAge: number | null;
  source: string | null;
  areaCode: string | null;
}

/** How the people who did the activity changed, next to those who did not. */
export interface ActivityEffect {
  dimension?: PlanDimension;
  n: number;
  comparisonN: number;
  meanChange: number | null;
  comparisonMeanChange: number | null;
  /** The difference: positive = got better than the comparison. */
  estimate: number | null;
  /** Too few people to say much. */
  small: boolean;
  /** The server's reading of it (core/plans/effect.ts `describeEffect`). */
  kind?: 'none' | 'small' | 'better' | 'worse' | 'no_difference';
}

export interface ActivityDetail extends Activity {
  effect: ActivityEffect | null;
}

export interface PlanDraft {
  items: { activityId: string; dimension: PlanDimension; title: string; addresses: string[]; rank: number }[];
  screeningId: string | null;
  takenAt: string | null;
  needsScreeningId?: string | null;
}

export interface LatestProgress {
  month: string;
  status: ProgressStatus;
  note: string | null;
  reportedAs: ProgressReporter;
  reportedAt: string;
}

/** A plan's adherence: percent (0–100) over the months reported; null before any report. */
export interface Adherence {
  percent: number | null;
  months: number;
}

export interface PlanActivity {
  id: string;
  activityId: string;
  dimension: PlanDimension;
  title: string;
  addresses: string[];
  responsible: PlanResponsible;
  organizationId: string | null;
  organizationName: string | null;
  responsibleName: string | null;
  mode: ActivityMode;
  goal: string | null;
  startsOn: string | null;
  endsOn: string | null;
  activityGroupId: string | null;
  latestProgress: LatestProgress | null;
  /** Percent (0–100) of the months reported that were done (partly counts half); null before any report. */
  adherence: number | null;
  attendance?: { sessions: number; attended: number } | null;
}

export interface Plan {
  id: string;
  personId: string;
  version: number;
  /** The latest version (differs from `version` when an older one was asked for). */
  currentVersion?: number;
  status: PlanStatus;
  goals: PlanGoals;
  startsOn: string | null;
  endsOn: string | null;
  screeningId: string | null;
  activities: PlanActivity[];
  adherence: Adherence | number | null;
  createdAt: string;
  updatedAt: string;
}

/** The person's plans come as whole plans. */
export type PlanSummary = Plan;

export interface PlanVersion {
  version: number;
  reason: string | null;
  status?: PlanStatus;
  activityCount?: number;
  createdBy?: string | null;
  createdByName?: string | null;
  createdAt: string;
}

export interface ProgressEntry {
  id?: string;
  planActivityId: string;
  month?: string;
  status: ProgressStatus;
  note: string | null;
  reportedAs?: ProgressReporter;
  reportedAt?: string;
  /** A later report for the same month and activity replaced it. */
  superseded?: boolean;
}

/** The answer to a month's report. */
export interface MonthProgress {
  planId?: string;
  month: string;
  entries: ProgressEntry[];
  adherence?: Adherence;
}

/** One plan activity an organisation owes. */
export interface PlanTask {
  planActivityId: string;
  planId: string;
  activityId: string;
  dimension: PlanDimension;
  title: string;
  mode: ActivityMode;
  goal: string | null;
  startsOn: string | null;
  endsOn: string | null;
  areaCode: string;
  villageCode: string | null;
  villageName: string | null;
  /** identified: the person may be named to this organisation; else only counted. */
  view: 'identified' | 'pseudonymous';
  person: { id: string; firstName: string; lastName: string } | null;
  latestProgress: LatestProgress | null;
}
