import { Anchor, List, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../../core/thai/buddhistEra.ts';
import { DateText } from '../../../components/DateText.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { AreaNames } from '../../areas/AreaNames.tsx';
import { useCurrentUser } from '../../auth/session.ts';
import { type Revision, usePersonHistory } from '../api.ts';
import { type EnumName, enumLabel } from '../labels.ts';

/** Stored columns → the words for the field, and how to show a value. */
const COLUMNS: Record<
  string,
  { label: string; enum?: EnumName; kind?: 'date' | 'bool' | 'area' | 'secret' | 'person' }
> = {
  idType: { label: 'persons.field.idType', enum: 'idType' },
  nationalIdEnc: { label: 'persons.field.nationalId', kind: 'secret' },
  noIdReason: { label: 'persons.field.noIdReason' },
  title: { label: 'persons.field.title', enum: 'title' },
  firstName: { label: 'persons.field.firstName' },
  lastName: { label: 'persons.field.lastName' },
  sex: { label: 'persons.field.sex', enum: 'sex' },
  birthDate: { label: 'persons.field.birthDate', kind: 'date' },
  birthDateEstimated: { label: 'persons.birth.estimated', kind: 'bool' },
  nationality: { label: 'persons.field.nationality' },
  religion: { label: 'persons.field.religion', enum: 'religion' },
  maritalStatus: { label: 'persons.field.maritalStatus', enum: 'maritalStatus' },
  education: { label: 'persons.field.education', enum: 'education' },
  occupation: { label: 'persons.field.occupation' },
  incomeBand: { label: 'persons.field.incomeBand', enum: 'incomeBand' },
  healthCoverage: { label: 'persons.field.healthCoverage', enum: 'healthCoverage' },
  areaCode: { label: 'persons.field.area', kind: 'area' },
  villageCode: { label: 'persons.address.village', kind: 'area' },
  villageNo: { label: 'persons.field.villageNo' },
  houseNo: { label: 'persons.field.houseNo' },
  postcode: { label: 'persons.field.postcode' },
  phone: { label: 'persons.field.phone' },
  householdId: { label: 'persons.field.household' },
  relationToHead: { label: 'persons.field.relationToHead', enum: 'relationToHead' },
  chronicConditions: { label: 'persons.field.chronicConditions', enum: 'chronicCondition' },
  disabilityTypes: { label: 'persons.field.disability', enum: 'disabilityType' },
  disabilityCardNo: { label: 'persons.field.disabilityCard' },
  vulnerability: { label: 'persons.field.vulnerability', enum: 'vulnerability' },
  caregiver: { label: 'persons.field.caregiver' },
  latitude: { label: 'persons.field.location' },
  longitude: { label: 'persons.field.location' },
  mergedInto: { label: 'persons.history.mergedInto', kind: 'person' },
  mergedFrom: { label: 'persons.history.mergedFrom', kind: 'person' },
};

/** Every version of the record: who, when, from where, why, and each field from → to. */
export function HistorySection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const history = usePersonHistory(personId);

  if (history.isPending) return <LoadingState rows={3} />;
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const items = [...history.data.items].sort((a, b) => b.version - a.version);
  if (items.length === 0) return <Text c="dimmed">{t('persons.history.empty')}</Text>;

  return (
    <Timeline bulletSize={14} lineWidth={2} active={-1}>
      {items.map((r) => (
        <Timeline.Item key={`${r.version}-${r.changedAt}`} title={<RevisionTitle revision={r} />}>
          {r.reason && <Text size="sm">{t('persons.history.reason', { reason: r.reason })}</Text>}
          <Changes revision={r} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function RevisionTitle({ revision: r }: { revision: Revision }) {
  const { t } = useTranslation();
  const source = ['staff', 'self', 'import', 'merge'].includes(r.source)
    ? t(`persons.history.sources.${r.source as 'staff' | 'self' | 'import' | 'merge'}`)
    : r.source;
  const name = useUserName(r.changedBy, r.changedByName);
  return (
    <>
      <Text fw={700} span>
        {t('persons.history.version', { version: r.version })}
      </Text>{' '}
      <Text span size="sm">
        · <DateText value={r.changedAt} withTime /> · {t('persons.history.by', { name })} ({source})
      </Text>
    </>
  );
}

/** "คุณ" for oneself; otherwise the name the server sends with the revision. */
function useUserName(id: string | null, name: string | null): string {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!id) return t('persons.history.system');
  if (id === me.id) return `${t('persons.history.you')} (${me.displayName})`;
  return name ?? t('persons.history.someone', { id: id.slice(0, 8) });
}

function Changes({ revision: r }: { revision: Revision }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const entries = Object.entries(r.changes).filter(([k]) => k !== 'nationalIdHash');
  if ('created' in r.changes) return <Text size="sm">{t('persons.history.created')}</Text>;

  return (
    <List size="sm" spacing={2} mt={4}>
      {entries.map(([column, change]) => {
        const spec = COLUMNS[column];
        const { from, to } = isChange(change) ? change : { from: null, to: change };
        if (column === 'filled') {
          const fields = Array.isArray(to) ? to.map((c) => labelOf(String(c), t)).join(', ') : '';
          return <List.Item key={column}>{t('persons.history.filled', { fields })}</List.Item>;
        }
        if (spec?.kind === 'person') {
          return (
            <List.Item key={column}>
              {t(spec.label as 'persons.history.mergedInto')}:{' '}
              <Anchor component={Link} to={`/persons/${String(to)}`}>
                {t('persons.duplicate.open')}
              </Anchor>
            </List.Item>
          );
        }
        if (spec?.kind === 'secret') {
          return (
            <List.Item key={column}>
              {labelOf(column, t)}: {t('persons.history.hidden')}
            </List.Item>
          );
        }
        return (
          <List.Item key={column}>
            {labelOf(column, t)}: {show(from, column, t, lang)} → {show(to, column, t, lang)}
          </List.Item>
        );
      })}
    </List>
  );
}

function labelOf(column: string, t: TFunction): string {
  const spec = COLUMNS[column];
  return spec ? t(spec.label as 'persons.field.name') : column;
}

function show(value: unknown, column: string, t: TFunction, lang: 'th' | 'en'): ReactNode {
  const spec = COLUMNS[column];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return t('persons.history.blank');
  if (Array.isArray(value))
    return value.map((v) => (spec?.enum ? enumLabel(t, spec.enum, String(v)) : String(v))).join(', ');
  if (spec?.enum) return enumLabel(t, spec.enum, String(value));
  if (spec?.kind === 'date') return formatDate(String(value), lang);
  if (spec?.kind === 'bool') return value ? t('common.yes') : t('common.no');
  if (spec?.kind === 'area') return <AreaNames codes={[String(value)]} empty={t('common.none')} />;
  if (typeof value === 'object') {
    const c = value as { relation?: string; name?: string; phone?: string };
    return [c.relation ? enumLabel(t, 'caregiverRelation', c.relation) : '', c.name, c.phone]
      .filter(Boolean)
      .join(' · ');
  }
  return String(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}
