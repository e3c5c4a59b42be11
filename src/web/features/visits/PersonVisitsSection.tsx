import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useCan } from '../auth/session.ts';
import { usePersonVisits } from './api.ts';
import { VisitCard } from './parts.tsx';

const PAST_SHOWN = 3;

/** On the person's profile: their coming visits and appointments, the latest past ones, and "schedule". */
export function PersonVisitsSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const place = placeOf(person.address);
  const mayRead = can({ action: 'service.readHistory', areaCode: place });
  const visits = usePersonVisits(person.id, mayRead);
  const [allPast, setAllPast] = useState(false);
  if (!mayRead) return null;
  if (visits.error instanceof ApiError && (visits.error.status === 403 || visits.error.status === 404))
    return null;

  const canSchedule = !person.mergedInto && can({ action: 'visit.schedule', areaCode: place });
  const items = visits.data?.items ?? [];
  const upcoming = items.filter((v) => v.status === 'scheduled').reverse();
  const past = items.filter((v) => v.status !== 'scheduled');
  const pastShown = allPast ? past : past.slice(0, PAST_SHOWN);

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="visits-section-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="visits-section-title">
            {t('visits.section.title')}
          </Title>
          <Button component={Link} to="/calendar" variant="subtle" size="compact-md">
            {t('visits.section.calendar')}
          </Button>
        </Group>
        {visits.isPending && <LoadingState rows={1} />}
        {visits.error && <ErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />}
        {visits.data && items.length === 0 && <Text c="dimmed">{t('visits.section.none')}</Text>}
        {upcoming.length > 0 && (
          <Stack gap="xs">
            <Text fw={700} size="sm">
              {t('visits.section.upcoming')}
            </Text>
            {upcoming.map((v) => (
              <VisitCard key={v.id} item={v} showDate />
            ))}
          </Stack>
        )}
        {past.length > 0 && (
          <Stack gap="xs">
            <Text fw={700} size="sm">
              {t('visits.section.past')}
            </Text>
            {pastShown.map((v) => (
              <VisitCard key={v.id} item={v} showDate />
            ))}
            {!allPast && past.length > PAST_SHOWN && (
              <Button variant="subtle" onClick={() => setAllPast(true)}>
                {t('visits.section.showAll', { count: past.length })}
              </Button>
            )}
          </Stack>
        )}
        {canSchedule && (
          <Button component={Link} to={`/persons/${person.id}/visits/new`} size="md">
            {t('visits.section.schedule')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
