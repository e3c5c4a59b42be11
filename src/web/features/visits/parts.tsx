import { Anchor, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarItem, VisitStatus, VisitWarningDto } from '../../../core/schemas/visit.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { personName } from '../persons/labels.ts';
import { thaiTime } from './dates.ts';

const STATUS_COLOR: Record<VisitStatus, string> = {
  scheduled: 'blue',
  done: 'teal',
  missed: 'orange',
  cancelled: 'gray',
};

export const useLang = (): 'th' | 'en' => (useTranslation().i18n.language === 'en' ? 'en' : 'th');

export function StatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} data-status={status}>
      {t(`visits.status.${status}`)}
    </Badge>
  );
}

/** The person by name, or "a person (name not shown)" when the reader may not know who. */
export function visitWho(item: Pick<CalendarItem, 'person'>, t: TFunction): string {
  return item.person ? personName(item.person, t) : t('visits.someone');
}

export function timeRange(item: Pick<CalendarItem, 'startsAt' | 'endsAt'>, t: TFunction): string {
  return t('visits.timeRange', { from: thaiTime(item.startsAt), to: thaiTime(item.endsAt) });
}

/** Who goes: their names, or "team of 3" when there is no room. */
export function assigneeLine(item: Pick<CalendarItem, 'assignees'>, t: TFunction, short = false): string {
  if (item.assignees.length === 0) return t('visits.unassigned');
  if (short && item.assignees.length > 1) return t('visits.team', { count: item.assignees.length });
  return item.assignees.map((a) => a.displayName).join(', ');
}

/** One visit as a large touch target: time, kind, who, where, status. */
export function VisitCard({ item, showDate = false }: { item: CalendarItem; showDate?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const faded = item.status === 'cancelled';
  return (
    <Paper
      component={Link}
      to={`/visits/${item.id}`}
      withBorder
      radius="md"
      p="sm"
      mih={64}
      style={{ display: 'block', textDecoration: 'none', color: 'inherit', opacity: faded ? 0.7 : 1 }}
      data-visit={item.id}
      data-view={item.view}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700}>
            {showDate ? `${formatDate(item.startsAt, lang)} · ` : ''}
            {timeRange(item, t)}
          </Text>
          <Group gap={6}>
            <Badge variant="outline" color="gray.8">
              {t(`visits.kind.${item.kind}`)}
            </Badge>
            <StatusBadge status={item.status} />
          </Group>
        </Group>
        <Text fw={600} td={faded ? 'line-through' : undefined} className="break-anywhere">
          {visitWho(item, t)}
          {item.villageName ? ` · ${item.villageName}` : ''}
        </Text>
        <Text size="sm" c="dimmed" className="break-anywhere">
          {[item.organizationName, assigneeLine(item, t)].filter(Boolean).join(' · ')}
        </Text>
        {item.purpose && (
          <Text size="sm" lineClamp={2}>
            {item.purpose}
          </Text>
        )}
        {item.followUpNeeded && (
          <Badge color="orange" variant="light">
            {t('visits.followUp')}
          </Badge>
        )}
      </Stack>
    </Paper>
  );
}

interface WarningProps {
  warnings: readonly VisitWarningDto[];
  /** Names the reader already has: staff by id, people by id (only those shown by name). */
  userNames?: ReadonlyMap<string, string>;
  personNames?: ReadonlyMap<string, string>;
  /** The signed-in user, said "you". */
  meId?: string;
  /** On a person's own form: that person is "this person". */
  thisPersonId?: string;
  /** Labels of the visits concerned (their time), for the links. */
  visitLabels?: ReadonlyMap<string, string>;
  /** The visit just booked or moved: "this visit". */
  thisVisitId?: string;
}

/** Conflict and overload warnings in plain words: a notice, never an error. */
export function WarningNotices(props: WarningProps) {
  const { t } = useTranslation();
  const lang = useLang();
  if (props.warnings.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" bg="yellow.0" role="status" aria-live="polite" data-warnings>
      <Stack gap="xs">
        <Text fw={700}>⚠ {t('visits.warnings.title')}</Text>
        <Text size="sm">{t('visits.warnings.intro')}</Text>
        <List spacing="xs">
          {props.warnings.map((w) => (
            <List.Item
              key={`${w.kind}:${w.userId ?? w.personId ?? ''}:${w.visitIds.join(',')}`}
              data-kind={w.kind}
            >
              <Text size="sm">{warningText(w, props, t, lang)}</Text>
              <Group gap="xs" mt={2}>
                <Text size="sm" c="dimmed">
                  {t('visits.warnings.open')}:
                </Text>
                {w.visitIds.map((id, i) => (
                  <Anchor key={id} component={Link} to={`/visits/${id}`} size="sm" py={4}>
                    {id === props.thisVisitId
                      ? t('visits.warnings.thisVisit')
                      : (props.visitLabels?.get(id) ?? t('visits.warnings.visitN', { n: i + 1 }))}
                  </Anchor>
                ))}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

function warningText(w: VisitWarningDto, p: WarningProps, t: TFunction, lang: 'th' | 'en'): string {
  const name =
    w.userId === p.meId
      ? t('visits.warnings.you')
      : ((w.userId && p.userNames?.get(w.userId)) ?? t('visits.warnings.aStaff'));
  const who =
    w.personId && w.personId === p.thisPersonId
      ? t('visits.warnings.thisPerson')
      : ((w.personId && p.personNames?.get(w.personId)) ?? t('visits.warnings.aPerson'));
  switch (w.kind) {
    case 'double_booked':
      return t('visits.warnings.double_booked', { name, count: w.count });
    case 'many_agencies':
      return t('visits.warnings.many_agencies', { who, count: w.count });
    case 'many_visits':
      return t('visits.warnings.many_visits', { who, count: w.count });
    case 'overloaded':
      return t('visits.warnings.overloaded', {
        name,
        count: w.count,
        date: w.date ? formatDate(w.date, lang) : '',
      });
  }
}

/** Names to word warnings with, from what a calendar or visit already shows. */
export function namesFrom(items: readonly CalendarItem[], t: TFunction, lang: 'th' | 'en') {
  const userNames = new Map<string, string>();
  const personNames = new Map<string, string>();
  const visitLabels = new Map<string, string>();
  for (const i of items) {
    for (const a of i.assignees) userNames.set(a.id, a.displayName);
    if (i.person) personNames.set(i.person.id, personName(i.person, t));
    visitLabels.set(i.id, `${formatDate(i.startsAt, lang)} ${thaiTime(i.startsAt)}`);
  }
  return { userNames, personNames, visitLabels };
}
