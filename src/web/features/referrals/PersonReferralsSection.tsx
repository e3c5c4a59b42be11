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
import { usePersonReferrals } from './api.ts';
import { ReferralBadges } from './parts.tsx';

/** On the person's profile: their referrals, newest first, and "refer" for those who may. */
export function PersonReferralsSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const place = placeOf(person.address);
  const mayRead = can({ action: 'service.readHistory', areaCode: place });
  const referrals = usePersonReferrals(person.id, mayRead);
  if (!mayRead) return null;
  // Not the reader's to see after all (the server decides): the section stays out of the way.
  if (referrals.error instanceof ApiError && [403, 404].includes(referrals.error.status)) return null;
  const canRefer = !person.mergedInto && can({ action: 'referral.create', areaCode: place });
  const items = referrals.data?.items ?? [];

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="referrals-section-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id="referrals-section-title">
            {t('referrals.section.title')}
          </Title>
          {canRefer && (
            <Button component={Link} to={`/persons/${person.id}/refer`} size="md">
              {t('referrals.section.refer')}
            </Button>
          )}
        </Group>
        {referrals.isPending && <LoadingState rows={2} />}
        {referrals.error && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
        {referrals.data && items.length === 0 && <Text c="dimmed">{t('referrals.section.none')}</Text>}
        {items.length > 0 && (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((r) => (
              <li key={r.id} data-referral={r.id}>
                <Stack gap={4}>
                  <Group gap="sm" wrap="wrap">
                    <Anchor component={Link} to={`/referrals/${r.id}`} fw={700}>
                      {r.toOrganization.name}
                    </Anchor>
                    <ReferralBadges referral={r} />
                  </Group>
                  <Text size="sm" c="dimmed">
                    <DateText value={r.createdAt} withTime /> · {r.fromUser.name}
                  </Text>
                </Stack>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
