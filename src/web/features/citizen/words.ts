import type { TFunction } from 'i18next';
import type { PersonAuditEntry } from '../../../core/schemas/citizen.ts';
import { i18n } from '../../app/i18n/index.ts';

/** Audit actions with words of their own; anything else is named by its code. */
const ACTIONS = [
  'person.create',
  'person.read',
  'person.list',
  'person.update',
  'person.merge',
  'person.history.read',
  'person.export',
  'person.audit.read',
  'person.linkCode',
  'person.links.read',
  'person.unlink',
  'consent.grant',
  'consent.withdraw',
  'consent.read',
  'screening.list',
  'screening.timeline.read',
  'citizen.link',
  'citizen.unlink',
  'citizen.links.read',
  'group.person.enrol',
  'group.person.discharge',
  'group.person.list',
  'group.home.read',
  'group.activity.list',
  'group.assignment.add',
  'group.assignment.change',
  'group.assignment.end',
  'group.assignment.history.read',
  'group.member.remove',
  'me.people.list',
  'screening.create',
  'screening.read',
  'screening.revise',
] as const;

/** `person.read` → `person_read`: i18next reads dots as nesting. */
const keyOf = (action: string) => action.replaceAll('.', '_');

export function actionText(t: TFunction, action: string): string {
  return (ACTIONS as readonly string[]).includes(action)
    ? t(`citizen.access.actions.${keyOf(action)}` as never)
    : t('citizen.access.otherAction', { code: action });
}

const GROUP_ROLES = ['admin', 'case_worker', 'volunteer', 'viewer'] as const;
const ROLES = [
  'operator',
  'area_admin',
  'agency_member',
  'social_worker',
  'volunteer',
  'caregiver',
  'committee_viewer',
  'citizen',
] as const;

/** "ผู้ดูแลพื้นที่ (Admin) · รพ.สต.บ้านนา" — what the reader needs to know who it was. */
export function actorText(t: TFunction, entry: PersonAuditEntry, me: string): string {
  if (!entry.actor) return t('citizen.access.system');
  if (entry.actor.id === me) return t('citizen.access.you');
  const roles = entry.actor.roles
    .filter((r): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r))
    .map((r) => t(`enums.role.${r}`));
  return [entry.actor.displayName, roles.join(', '), entry.actor.organizationName]
    .filter(Boolean)
    .join(' · ');
}

export function groupText(t: TFunction, group: PersonAuditEntry['group']): string | null {
  if (!group) return null;
  const role = (GROUP_ROLES as readonly string[]).includes(group.role ?? '')
    ? t(`citizen.groupRole.${group.role as (typeof GROUP_ROLES)[number]}`)
    : null;
  return role
    ? t('citizen.access.viaGroupAs', { name: group.name, role })
    : t('citizen.access.viaGroup', { name: group.name });
}

export function relationText(t: TFunction, relation: 'self' | 'proxy'): string {
  return t(`citizen.relation.${relation}`);
}

const SOURCES = ['staff', 'self', 'import', 'merge'] as const;

/** Who a change came from: staff, the person themself (self-reported), an import, a merge. */
export function sourceText(t: TFunction, source: string): string {
  return (SOURCES as readonly string[]).includes(source)
    ? t(`persons.history.sources.${source as (typeof SOURCES)[number]}`)
    : source;
}

/** Stored columns whose words differ from their name. */
const COLUMN_FIELDS: Record<string, string> = {
  nationalIdEnc: 'nationalId',
  nationalIdHash: 'nationalId',
  areaCode: 'area',
  villageCode: 'area',
  householdId: 'household',
  disabilityTypes: 'disability',
  disabilityCardNo: 'disabilityCard',
  latitude: 'location',
  longitude: 'location',
};

/** The fields a revision changed, in words (`created` for the first one). */
export function changedFields(t: TFunction, changes: Record<string, unknown>): string {
  if ('created' in changes) return t('persons.history.created');
  const labels = Object.keys(changes).map((column) => {
    const field = COLUMN_FIELDS[column] ?? column;
    const key = `persons.field.${field}`;
    return i18n.exists(key, { lng: 'th' }) ? t(key as never) : column;
  });
  return [...new Set(labels)].join(', ');
}
