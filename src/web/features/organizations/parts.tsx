import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryDistance, OpeningSession } from '../../../core/services/directory.ts';
import { hoursLines } from './hours.ts';

/** Nearer is greener; the words say it too, so colour is never the only sign. */
const DISTANCE_COLOR: Record<DirectoryDistance, string> = {
  catchment: 'teal',
  subdistrict: 'blue',
  district: 'grape',
  province: 'gray',
};

export function DistanceBadge({ distance }: { distance: DirectoryDistance | null | undefined }) {
  const { t } = useTranslation();
  if (!distance) return null;
  return (
    <Badge variant="light" color={DISTANCE_COLOR[distance]} size="lg" data-distance={distance}>
      {t(`organizations.distance.${distance}`)}
    </Badge>
  );
}

/** Open or closed now (Thai time, computed by the server); nothing when no hours are recorded. */
export function OpenNowBadge({ openNow }: { openNow: boolean | null }) {
  const { t } = useTranslation();
  if (openNow === null) return null;
  return (
    <Badge variant={openNow ? 'filled' : 'light'} color={openNow ? 'teal.9' : 'gray'} size="lg">
      {openNow ? t('organizations.openNow') : t('organizations.closedNow')}
    </Badge>
  );
}

/** A week of hours with Thai (or English) day names, one line per run of days. */
export function HoursText({ hours, empty }: { hours: readonly OpeningSession[]; empty?: string }) {
  const { t } = useTranslation();
  const lines = hoursLines(
    hours,
    (day) => t(`organizations.day.${day as 1}`),
    (opens, closes) => t('organizations.hours.time', { opens, closes }),
  );
  if (lines.length === 0) return <Text c="dimmed">{empty ?? t('organizations.noHours')}</Text>;
  return (
    <Stack gap={0}>
      {lines.map((l) => (
        <Text key={l.days}>
          <Text span fw={600}>
            {l.days}
          </Text>{' '}
          {l.times.join(', ')}
        </Text>
      ))}
    </Stack>
  );
}
