import {
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Calendar, CalendarItem } from '../../../core/schemas/visit.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { areaLabel } from '../areas/labels.ts';
import { useAreaDetails } from '../areas/useAreaOptions.ts';
import { useCurrentUser } from '../auth/session.ts';
import { type CalendarOwnerQuery, useCalendar } from './api.ts';
import {
  byDay,
  type CalendarView,
  calendarViews,
  daysBetween,
  monthGrid,
  rangeOf,
  shiftDate,
  thaiTime,
  todayInThailand,
  weekdayOf,
} from './dates.ts';
import { namesFrom, StatusBadge, useLang, VisitCard, visitWho, WarningNotices } from './parts.tsx';

type OwnerKind = 'me' | 'organization' | 'area';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/calendar`: one calendar for me, my organisation or an area; day, week and month views, and an
 * agenda list that phones open by default. Dates in the Buddhist era; warnings as notices on top.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const isPhone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();

  const ownerKinds: OwnerKind[] = [
    'me',
    ...(user.organizationId ? (['organization'] as const) : []),
    ...(user.areaCodes.length > 0 && !user.roles.every((r) => r === 'citizen' || r === 'committee_viewer')
      ? (['area'] as const)
      : []),
  ];
  const asked = params.get('owner') as OwnerKind | null;
  const ownerKind: OwnerKind = asked && ownerKinds.includes(asked) ? asked : 'me';
  const area = params.get('area') ?? user.areaCodes[0] ?? '';
  const askedView = params.get('view') as CalendarView | null;
  const view: CalendarView =
    askedView && calendarViews.includes(askedView) ? askedView : isPhone ? 'agenda' : 'week';
  const askedDate = params.get('date');
  const today = todayInThailand();
  const date = askedDate && ISO_DAY.test(askedDate) ? askedDate : today;
  const { from, to } = rangeOf(view, date);

  const owner: CalendarOwnerQuery | null =
    ownerKind === 'organization' && user.organizationId
      ? { organization: user.organizationId }
      : ownerKind === 'area'
        ? area
          ? { area }
          : null
        : { me: true };
  const calendar = useCalendar(owner, from, to);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle title={t('visits.calendar.title')} intro={t('visits.calendar.intro')} />
      <Stack gap="md">
        <Paper withBorder radius="md" p="sm">
          <Stack gap="sm">
            {ownerKinds.length > 1 && (
              <div>
                <Text fw={700} size="sm" mb={4} id="calendar-owner">
                  {t('visits.calendar.owner')}
                </Text>
                <SegmentedControl
                  aria-labelledby="calendar-owner"
                  fullWidth={isPhone}
                  size="md"
                  value={ownerKind}
                  onChange={(v) => set({ owner: v })}
                  data={ownerKinds.map((k) => ({ value: k, label: t(`visits.calendar.${k}`) }))}
                />
              </div>
            )}
            {ownerKind === 'area' && (
              <AreaChoice codes={user.areaCodes} value={area} onChange={(code) => set({ area: code })} />
            )}
            <div>
              <Text fw={700} size="sm" mb={4} id="calendar-view">
                {t('visits.calendar.view')}
              </Text>
              <SegmentedControl
                aria-labelledby="calendar-view"
                fullWidth={isPhone}
                size="md"
                value={view}
                onChange={(v) => set({ view: v })}
                data={calendarViews.map((v) => ({ value: v, label: t(`visits.calendar.views.${v}`) }))}
              />
            </div>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Button
                variant="default"
                size="md"
                onClick={() => set({ date: shiftDate(view, date, -1) })}
                aria-label={t('visits.calendar.previous')}
              >
                ‹
              </Button>
              <Stack gap={0} align="center" style={{ flex: 1 }}>
                <Text fw={700} ta="center" data-range={`${from}/${to}`}>
                  {from === to
                    ? `${t(`visits.calendar.weekdaysLong.d${weekdayOf(from)}` as 'visits.calendar.weekdaysLong.d0')} ${formatDate(from, lang)}`
                    : `${formatDate(from, lang)} – ${formatDate(to, lang)}`}
                </Text>
                {date !== today && (
                  <Button variant="subtle" size="compact-sm" onClick={() => set({ date: today })}>
                    {t('visits.calendar.today')}
                  </Button>
                )}
              </Stack>
              <Button
                variant="default"
                size="md"
                onClick={() => set({ date: shiftDate(view, date, 1) })}
                aria-label={t('visits.calendar.next')}
              >
                ›
              </Button>
            </Group>
          </Stack>
        </Paper>
        {calendar.isPending && owner ? (
          <LoadingState rows={5} />
        ) : calendar.error ? (
          <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : calendar.data ? (
          <CalendarBody
            calendar={calendar.data}
            view={view}
            from={from}
            to={to}
            date={date}
            today={today}
            onPickDay={(day) => set({ view: 'day', date: day })}
          />
        ) : null}
      </Stack>
    </>
  );
}

/** The user's own areas to choose from, named. */
function AreaChoice({
  codes,
  value,
  onChange,
}: {
  codes: readonly string[];
  value: string;
  onChange: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const details = useAreaDetails(codes);
  return (
    <NativeSelect
      size="md"
      label={t('visits.calendar.areaPick')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={codes.map((code, i) => {
        const d = details[i]?.data;
        return { value: code, label: d ? areaLabel(d, t, i18n.language) : code };
      })}
    />
  );
}

function CalendarBody({
  calendar,
  view,
  from,
  to,
  date,
  today,
  onPickDay,
}: {
  calendar: Calendar;
  view: CalendarView;
  from: string;
  to: string;
  date: string;
  today: string;
  onPickDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const names = namesFrom(calendar.items, t, lang);
  const days = byDay(calendar.items);
  return (
    <Stack gap="md">
      {calendar.truncated && <Notice color="yellow" title={t('visits.calendar.truncated')} />}
      <WarningNotices warnings={calendar.warnings} meId={user.id} {...names} />
      {calendar.items.length === 0 ? (
        <Empty title={t('visits.calendar.empty')} hint={t('visits.calendar.emptyHint')} />
      ) : view === 'agenda' || view === 'day' ? (
        <Agenda days={days} />
      ) : view === 'week' ? (
        <WeekGrid days={days} dates={daysBetween(from, to)} today={today} />
      ) : (
        <MonthGrid
          days={days}
          weeks={monthGrid(date)}
          month={date.slice(0, 7)}
          today={today}
          onPickDay={onPickDay}
        />
      )}
    </Stack>
  );
}

/** `วันจันทร์ 7 ธ.ค. 2569`, or `จ. 7 ธ.ค.` in a narrow column. */
function DayHeading({ day, today, short = false }: { day: string; today?: string; short?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const weekday = short
    ? t(`visits.calendar.weekdays.d${weekdayOf(day)}` as 'visits.calendar.weekdays.d0')
    : t(`visits.calendar.weekdaysLong.d${weekdayOf(day)}` as 'visits.calendar.weekdaysLong.d0');
  const date = formatDate(day, lang);
  return (
    <Text fw={700} c={day === today ? 'blue.9' : undefined} component="h2" fz="md" m={0}>
      {weekday} {short ? date.replace(/\s\d{4}$/, '') : date}
    </Text>
  );
}

/** The phone's list: day by day, each visit a large card. */
function Agenda({ days }: { days: Map<string, CalendarItem[]> }) {
  const today = todayInThailand();
  return (
    <Stack gap="lg">
      {[...days].map(([day, items]) => (
        <Stack key={day} gap="xs" data-day={day}>
          <DayHeading day={day} today={today} />
          {items.map((item) => (
            <VisitCard key={item.id} item={item} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** Seven columns on a wide screen; they stack on a narrow one. */
function WeekGrid({
  days,
  dates,
  today,
}: {
  days: Map<string, CalendarItem[]>;
  dates: string[];
  today: string;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 7 }} spacing="xs">
      {dates.map((day) => (
        <Paper
          key={day}
          withBorder
          radius="md"
          p="xs"
          bg={day === today ? 'blue.0' : undefined}
          data-day={day}
        >
          <Stack gap={6}>
            <DayHeading day={day} today={today} short />
            {(days.get(day) ?? []).map((item) => (
              <CompactVisit key={item.id} item={item} />
            ))}
            {!days.get(day) && (
              <Text size="sm" c="dimmed">
                {t('visits.calendar.noDay')}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** A visit in a narrow cell: time and who, the whole block a link. */
function CompactVisit({ item }: { item: CalendarItem }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      component={Link}
      to={`/visits/${item.id}`}
      p={6}
      mih={44}
      style={{
        borderRadius: 6,
        border: '1px solid var(--mantine-color-gray-4)',
        opacity: item.status === 'cancelled' ? 0.6 : 1,
      }}
      data-visit={item.id}
    >
      <Text size="sm" fw={700}>
        {thaiTime(item.startsAt)} · {t(`visits.kind.${item.kind}`)}
      </Text>
      <Text size="sm" lineClamp={2} className="break-anywhere">
        {visitWho(item, t)}
      </Text>
      <StatusBadge status={item.status} />
    </UnstyledButton>
  );
}

const MONTH_PREVIEW = 3;

function MonthGrid({
  days,
  weeks,
  month,
  today,
  onPickDay,
}: {
  days: Map<string, CalendarItem[]>;
  weeks: string[][];
  month: string;
  today: string;
  onPickDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Box miw={640}>
        <SimpleGrid cols={7} spacing={4} mb={4}>
          {weeks[0]!.map((d) => (
            <Text key={d} size="sm" fw={700} ta="center">
              {t(`visits.calendar.weekdays.d${weekdayOf(d)}` as 'visits.calendar.weekdays.d0')}
            </Text>
          ))}
        </SimpleGrid>
        <Stack gap={4}>
          {weeks.map((week) => (
            <SimpleGrid key={week[0]} cols={7} spacing={4}>
              {week.map((day) => {
                const items = days.get(day) ?? [];
                const outside = !day.startsWith(month);
                return (
                  <Paper
                    key={day}
                    withBorder
                    p={4}
                    mih={96}
                    bg={day === today ? 'blue.0' : outside ? 'gray.0' : undefined}
                    data-day={day}
                  >
                    <UnstyledButton
                      onClick={() => onPickDay(day)}
                      w="100%"
                      mih={32}
                      aria-label={`${formatDate(day, lang)}: ${t('visits.calendar.count', { count: items.length })}`}
                    >
                      <Text size="sm" fw={700} c={outside ? 'dimmed' : undefined}>
                        {Number(day.slice(8))}
                      </Text>
                    </UnstyledButton>
                    <Stack gap={2}>
                      {items.slice(0, MONTH_PREVIEW).map((item) => (
                        <Text
                          key={item.id}
                          component={Link}
                          to={`/visits/${item.id}`}
                          size="xs"
                          lineClamp={1}
                          td={item.status === 'cancelled' ? 'line-through' : undefined}
                          c="blue.9"
                        >
                          {thaiTime(item.startsAt)} {visitWho(item, t)}
                        </Text>
                      ))}
                      {items.length > MONTH_PREVIEW && (
                        <Text size="xs" c="dimmed">
                          {t('visits.calendar.more', { count: items.length - MONTH_PREVIEW })}
                        </Text>
                      )}
                    </Stack>
                  </Paper>
                );
              })}
            </SimpleGrid>
          ))}
        </Stack>
      </Box>
    </Box>
  );
}
