import type { TFunction } from 'i18next';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import type { ActivityItem, Group, GroupRole } from './types.ts';

export type GroupStatus = 'active' | 'ended' | 'notStarted';

/** Running, ended (access lapsed) or not yet started, from the server's `active` and the start day. */
export function groupStatus(g: Pick<Group, 'active' | 'startsOn'>, today = thaiToday()): GroupStatus {
  if (g.active) return 'active';
  return g.startsOn > today ? 'notStarted' : 'ended';
}

export const statusColor: Record<GroupStatus, string> = {
  active: 'teal',
  ended: 'gray',
  notStarted: 'blue',
};

export function roleLabel(t: TFunction, role: GroupRole): string {
  return t(`groups.role.${role}`);
}

export function periodText(t: TFunction, g: Pick<Group, 'startsOn' | 'endsAt'>, lang: string): string {
  const l = lang === 'en' ? 'en' : 'th';
  return g.endsAt
    ? t('groups.period', { from: formatDate(g.startsOn, l), to: formatDate(g.endsAt, l) })
    : t('groups.periodOpen', { from: formatDate(g.startsOn, l) });
}

/** "Enrolled ก-3F2A", "Added a member: สมศรี as Volunteer" — who did what, in plain words. */
export function activityText(t: TFunction, item: ActivityItem): { what: string; detail: string } {
  const key = item.action.replaceAll('.', '_');
  const what = t(`groups.activity.actions.${key}` as never, {
    defaultValue: t('groups.activity.actions.other', { action: item.action }),
  }) as string;
  const parts: string[] = [];
  const s = item.subject;
  if (s?.kind === 'member' && s.displayName) parts.push(s.displayName);
  if (s?.kind === 'person') parts.push(s.name ?? s.alias ?? t('groups.activity.aPerson'));
  if (item.previousRole) parts.push(t('groups.activity.fromRole', { role: roleLabel(t, item.previousRole) }));
  if (item.role) parts.push(t('groups.activity.toRole', { role: roleLabel(t, item.role) }));
  if (item.assignee?.displayName)
    parts.push(t('groups.activity.toMember', { name: item.assignee.displayName }));
  if (item.fields?.length) parts.push(t('groups.activity.fields', { fields: item.fields.join(', ') }));
  return { what, detail: parts.join(' · ') };
}

/** Thai month name and Buddhist year of a `YYYY-MM` month (English: month name and CE year). */
export function monthText(t: TFunction, month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = t(`enums.month.${m}` as never) as string;
  return lang === 'en' ? `${name} ${y}` : `${name} ${y + 543}`;
}
