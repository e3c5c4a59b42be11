import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TransportRequestDto } from '../../../core/schemas/index.ts';
import { DateText } from '../../components/DateText.tsx';
import { destinationOf, NeedsBadges, personLine, StatusBadge } from './parts.tsx';
import { TransportActions } from './TransportActions.tsx';

/**
 * One ride in a list: when, who, where to, what it needs, and the moves the reader may make. The
 * provider sees who asked; the requester sees who drives.
 */
export function TransportCard({
  request: r,
  side,
}: {
  request: TransportRequestDto;
  side: 'provider' | 'requester';
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="md" data-transport={r.id} data-status={r.status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700} fz="lg">
            <DateText value={r.pickupAt} withTime />
          </Text>
          <StatusBadge status={r.status} />
        </Group>
        <Text fw={600}>{personLine(r, t)}</Text>
        <Text>
          {t('transport.field.destination')}: {destinationOf(r)}
        </Text>
        <NeedsBadges needs={r.needs} />
        <Text size="sm" c="dimmed">
          {side === 'provider'
            ? `${t('transport.field.requestedBy')}: ${r.requestedBy.displayName}${r.requestedBy.organizationName ? ` (${r.requestedBy.organizationName})` : ''}`
            : `${t('transport.field.provider')}: ${r.providerName}`}
        </Text>
        <Anchor component={Link} to={`/transport/${r.id}`} fw={600} className="touch">
          {t('transport.open')}
        </Anchor>
        <TransportActions request={r} />
      </Stack>
    </Paper>
  );
}
