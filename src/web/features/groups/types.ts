/**
 * The answers of the group endpoints, as the web reads them. The server
 * parses every answer through its own zod shapes (server/modules/groups/
 * schemas.ts); these types mirror them for the pages.
 */
import type { Level } from '../../../core/instruments/index.ts';
import type { GroupRole } from '../../../core/schemas/group.ts';

export type { Group, GroupRole } from '../../../core/schemas/group.ts';

export const DIMENSIONS = ['health', 'economy', 'society', 'environment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Levels = Partial<Record<Dimension, Level | null>>;

export interface GroupMember {
  userId: string;
  displayName: string;
  organizationName: string | null;
  role: GroupRole;
  addedAt: string;
}

export interface MemberCandidate {
  id: string;
  displayName: string;
  organizationName: string | null;
  roles: string[];
  memberRole: GroupRole | null;
}

export interface Assignee {
  userId: string;
  displayName: string;
}

export interface IdentifiedRow {
  view: 'identified';
  personId: string;
  alias: string;
  title: string | null;
  firstName: string;
  lastName: string;
  sex: string;
  age: number;
  villageNo: number | null;
  villageName: string | null;
  levels: Levels | null;
  lastScreenedAt: string | null;
  assignee: Assignee | null;
  enrolledAt: string;
}

export interface PseudonymousRow {
  view: 'pseudonymous';
  alias: string;
  sex: string;
  ageBand: string;
  villageName: string | null;
  levels: Levels | null;
  assignee: Assignee | null;
}

export type GroupPersonRow = IdentifiedRow | PseudonymousRow;

export interface AssignmentHistoryItem {
  personId: string;
  userId: string;
  displayName: string;
  assignedAt: string;
  endedAt: string | null;
  assignedByName: string | null;
  endedByName: string | null;
}

type Cell = number | null;

export interface DueItem {
  personId: string;
  title: string | null;
  firstName: string;
  lastName: string;
  villageName: string | null;
  lastScreenedAt: string | null;
  overdue: boolean;
  assignee: Assignee | null;
}

export interface GroupHome {
  membersByRole: Record<GroupRole, number>;
  enrolled: number;
  screened: number;
  levels: Record<Dimension, { green: Cell; yellow: Cell; red: Cell }>;
  suppressed: boolean;
  due: { month: string; count: Cell; done: Cell; items: DueItem[]; complete: boolean };
}

export interface ActivityItem {
  id: number;
  at: string;
  action: string;
  actor: { id: string; displayName: string } | null;
  subject:
    | { kind: 'person'; personId?: string; name?: string; alias?: string }
    | { kind: 'member'; userId: string; displayName: string | null }
    | null;
  role?: GroupRole;
  previousRole?: GroupRole;
  fields?: string[];
  assignee?: { userId: string; displayName: string | null };
}

export interface MyPerson {
  personId: string;
  title: string | null;
  firstName: string;
  lastName: string;
  sex: string;
  age: number;
  phone: string | null;
  houseNo: string | null;
  villageNo: number | null;
  villageName: string | null;
  levels: Levels | null;
  lastScreenedAt: string | null;
  dueThisMonth: boolean;
  group: { id: string; name: string };
  assignedAt: string;
}
