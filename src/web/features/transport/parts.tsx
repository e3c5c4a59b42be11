import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TransportNeed, TransportRequestDto, TransportStatus } from '../../../core/schemas/index.ts';
import { DateText } from '../../components/DateText.tsx';

const STATUS_COLOR: Record<TransportStatus, string> = {
  requested: 'yellow',
  accepted: 'blue',
  declined: 'red',
  completed: 'teal',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: TransportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="lg" variant="light" color={STATUS_COLOR[status]} data-status={status}>
      {t(`transport.status.${status}`)}
    </Badge>
  );
}

export function NeedsBadges({ needs }: { needs: readonly TransportNeed[] }) {
  const { t } = useTranslation();
  if (needs.length === 0) return null;
  return (
    <Group gap={4}>
      {needs.map((n) => (
        <Badge key={n} variant="outline" color="grape.9">
          {t(`transport.need.${n}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Who rides: their name when the reader may see it, else "a person" and the pick-up village. */
export function personLine(r: TransportRequestDto, t: TFunction): string {
  if (r.person) return `${r.person.firstName} ${r.person.lastName}`;
  return r.villageName ? `${t('transport.pseudonymous')} · ${r.villageName}` : t('transport.pseudonymous');
}

/** Where to: the directory centre's name, or the place typed in words. */
export function destinationOf(r: TransportRequestDto): string {
  return r.destinationName ?? r.destination ?? '';
}

/** The status moves, oldest first, with who made each and why. */
export function TransportHistory({ history }: { history: TransportRequestDto['history'] }) {
  const { t } = useTranslation();
  if (!history || history.length === 0) return null;
  return (
    <Timeline active={history.length - 1} bulletSize={18} lineWidth={2}>
      {history.map((h) => (
        <Timeline.Item
          key={`${h.at}-${h.toStatus}`}
          title={t(`transport.history.${h.toStatus}`, {
            actor: h.actorName ?? t('transport.history.someone'),
          })}
        >
          <Text size="sm" c="dimmed">
            <DateText value={h.at} withTime />
          </Text>
          {h.note && <Text size="sm">{h.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
