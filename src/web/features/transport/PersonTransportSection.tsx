import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { ApiError } from '../../app/api.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useCan } from '../auth/session.ts';
import { usePersonTransport } from './api.ts';
import { destinationOf, StatusBadge } from './parts.tsx';

/** On the person's profile: their latest rides and their status, and "ask for a ride" for staff. */
export function PersonTransportSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const place = placeOf(person.address);
  const mayRead = can({ action: 'service.readHistory', areaCode: place });
  const rides = usePersonTransport(person.id, mayRead);
  if (!mayRead) return null;
  if (rides.error instanceof ApiError && (rides.error.status === 403 || rides.error.status === 404))
    return null;
  const canRequest = !person.mergedInto && can({ action: 'transport.request', areaCode: place });
  const items = rides.data?.items ?? [];

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="transport-section-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="transport-section-title">
          {t('transport.section.title')}
        </Title>
        {rides.isPending && <LoadingState rows={1} />}
        {rides.error && <ErrorAlert error={rides.error} onRetry={() => void rides.refetch()} />}
        {rides.data && items.length === 0 && <Text c="dimmed">{t('transport.section.none')}</Text>}
        {items.length > 0 && (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((r) => (
              <Group component="li" key={r.id} gap="sm" wrap="wrap" data-transport={r.id}>
                <StatusBadge status={r.status} />
                <Anchor component={Link} to={`/transport/${r.id}`} fw={600} className="touch">
                  <DateText value={r.pickupAt} withTime />
                </Anchor>
                <Text>→ {destinationOf(r)}</Text>
              </Group>
            ))}
          </Stack>
        )}
        {canRequest && (
          <Group>
            <Button component={Link} to={`/persons/${person.id}/transport/new`} size="md">
              {t('transport.section.request')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
