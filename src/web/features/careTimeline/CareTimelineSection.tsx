import { Anchor, Badge, Button, Group, Select, Stack, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { careTimelineKinds } from '../../../core/schemas/careTimeline.ts';
import { type ReferralUrgency, referralUrgencies } from '../../../core/schemas/referral.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { UrgencyBadge } from '../referrals/parts.tsx';
import { instrumentTitle, useLang } from '../screenings/instruments.ts';
import { type CareTimelineEntry, type CareTimelineKind, useCareTimeline } from './api.ts';

const COLOR: Record<CareTimelineKind, string> = {
  screening: 'blue',
  plan: 'teal',
  referral: 'grape',
  transport: 'orange',
  visit: 'green',
  assistance: 'pink',
};

/** Where an entry's record lives in the app, when it has a page of its own. */
const PAGE: Partial<Record<CareTimelineKind, string>> = {
  screening: '/screenings/',
  plan: '/plans/',
  referral: '/referrals/',
  transport: '/transport/',
  visit: '/visits/',
};

/** The person's care timeline: what every partner did for them, newest first, filtered by kind. */
export function CareTimelineSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CareTimelineKind | 'all'>('all');
  const timeline = useCareTimeline(personId, kind);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('services.timeline.intro')}
      </Text>
      <Select
        label={t('services.timeline.filter')}
        value={kind}
        onChange={(v) => setKind((v as CareTimelineKind | 'all' | null) ?? 'all')}
        allowDeselect={false}
        size="md"
        maw={320}
        data={[
          { value: 'all', label: t('services.timeline.all') },
          ...careTimelineKinds.map((k) => ({ value: k, label: t(`services.timeline.kinds.${k}`) })),
        ]}
      />
      {timeline.isPending ? (
        <LoadingState rows={4} />
      ) : timeline.error ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('services.timeline.empty')} hint={t('services.timeline.emptyHint')} />
      ) : (
        <Timeline bulletSize={16} lineWidth={2} active={-1} data-testid="care-timeline">
          {items.map((entry) => (
            <Timeline.Item
              key={entry.key}
              color={COLOR[entry.kind]}
              title={<EntryTitle entry={entry} />}
              data-kind={entry.kind}
              data-event={entry.event}
            >
              <EntryBody entry={entry} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {timeline.hasNextPage && (
        <Button
          variant="default"
          size="md"
          onClick={() => void timeline.fetchNextPage()}
          loading={timeline.isFetchingNextPage}
        >
          {t('services.timeline.more')}
        </Button>
      )}
    </Stack>
  );
}

function EntryTitle({ entry }: { entry: CareTimelineEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const page = PAGE[entry.kind];
  const text = eventText(t, entry, lang);
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={COLOR[entry.kind]} variant="light">
        {t(`services.timeline.kinds.${entry.kind}`)}
      </Badge>
      {page ? (
        <Anchor component={Link} to={`${page}${entry.subjectId}`} fw={700}>
          {text}
        </Anchor>
      ) : (
        <Text fw={700}>{text}</Text>
      )}
      {isUrgency(entry.detail.urgency) && entry.detail.urgency !== 'routine' && (
        <UrgencyBadge urgency={entry.detail.urgency} />
      )}
    </Group>
  );
}

function EntryBody({ entry }: { entry: CareTimelineEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const facts = factsOf(t, entry, lang);
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        <DateText value={entry.at} withTime />
        {entry.actorName ? ` · ${t('services.timeline.by', { name: entry.actorName })}` : ''}
      </Text>
      {facts.map((f) => (
        <Text size="sm" key={f}>
          {f}
        </Text>
      ))}
      {entry.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.note}
        </Text>
      )}
    </Stack>
  );
}

/** The entry in words: "Referred to <organisation>", "Screened: <instrument>"… */
function eventText(t: TFunction, entry: CareTimelineEntry, lang: 'th' | 'en'): string {
  const key = `services.timeline.events.${entry.kind}.${entry.event}`;
  const org = entry.organizationName ?? t('services.timeline.noOrg');
  const instrument =
    typeof entry.detail.instrument === 'string' ? instrumentTitle(entry.detail.instrument, lang) : '';
  // An event this build has no words for (a newer server): say the code rather than nothing.
  return t(key as 'services.timeline.events.other', {
    org,
    instrument,
    event: entry.event,
    defaultValue: entry.event,
  });
}

function factsOf(t: TFunction, entry: CareTimelineEntry, lang: 'th' | 'en'): string[] {
  const d = entry.detail;
  const facts: string[] = [];
  const date = (v: unknown, withTime: boolean) => formatDate(String(v), lang, { withTime });
  if (entry.kind === 'visit' && d.startsAt) {
    facts.push(t('services.timeline.visitAt', { date: date(d.startsAt, true) }));
  }
  if (entry.kind === 'transport' && d.pickupAt) {
    facts.push(t('services.timeline.pickupAt', { date: date(d.pickupAt, true) }));
  }
  if (entry.kind === 'assistance') {
    if (typeof d.assistanceKind === 'string') {
      facts.push(
        t(`assistance.kind.${d.assistanceKind as 'cash'}`, {
          defaultValue: d.assistanceKind,
        }),
      );
    }
    if (d.givenOn) facts.push(t('services.timeline.givenOn', { date: date(d.givenOn, false) }));
    if (typeof d.value === 'number') {
      facts.push(
        t('services.timeline.value', { value: d.value.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB') }),
      );
    }
  }
  return facts;
}

function isUrgency(value: unknown): value is ReferralUrgency {
  return referralUrgencies.includes(value as ReferralUrgency);
}
