import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { draftsFor } from './draft.ts';
import { instrumentTitle, useLang, WELLBEING } from './instruments.ts';
import { TimelineView } from './TimelineView.tsx';

/**
 * On the person's profile: screen now (or continue a half-done screening),
 * the other instruments, and the timeline of change over time.
 */
export function PersonScreeningsSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const user = useCurrentUser();
  const place = placeOf(person.address);
  const canScreen = !person.mergedInto && can({ action: 'screening.create', areaCode: place });
  const drafts = canScreen ? draftsFor(user.id, person.id) : [];
  const base = `/persons/${person.id}/screen`;
  if (!can({ action: 'screening.read', areaCode: place })) return null;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="screenings-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="screenings-title">
          {t('screenings.section')}
        </Title>
        {drafts.map((d) => (
          <Group key={d.flow} gap="sm" justify="space-between">
            <Text fw={700}>{t('screenings.draftWaiting', { title: instrumentTitle(d.flow, lang) })}</Text>
            <Button component={Link} to={`${base}/${d.flow}`} variant="light" size="sm">
              {t('screenings.continueDraft')}
            </Button>
          </Group>
        ))}
        {canScreen && (
          <Group gap="sm" grow preventGrowOverflow={false}>
            <Button component={Link} to={`${base}/${WELLBEING}`} size="md">
              {t('screenings.screenNow')}
            </Button>
            <Button component={Link} to={base} size="md" variant="default">
              {t('screenings.otherInstruments')}
            </Button>
          </Group>
        )}
        <TimelineView personId={person.id} />
      </Stack>
    </Paper>
  );
}
