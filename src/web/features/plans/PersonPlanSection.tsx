import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { ApiError } from '../../app/api.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { usePersonPlans } from './api.ts';
import { hasWork, loadEditorState } from './draftState.ts';
import { AdherenceBadge } from './parts.tsx';

/** On the person's profile: the active well-being plan with how well it goes, or "make a plan". */
export function PersonPlanSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const place = placeOf(person.address);
  const plans = usePersonPlans(person.id);
  if (!can({ action: 'plan.read', areaCode: place })) return null;
  // Not allowed to see plans here: the section stays out of the way.
  if (plans.error instanceof ApiError && (plans.error.status === 403 || plans.error.status === 404))
    return null;

  const canPlan = !person.mergedInto && can({ action: 'plan.write', areaCode: place });
  const active = plans.data?.items.find((p) => p.status === 'active');
  const closed = plans.data?.items.filter((p) => p.status !== 'active') ?? [];
  const halfMade = canPlan && !active ? loadEditorState(user.id, person.id) : null;
  const count = active?.activities.length;

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="plan-section-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="plan-section-title">
          {t('plans.section.title')}
        </Title>
        {plans.isPending && <LoadingState rows={1} />}
        {plans.error && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
        {plans.data && active && (
          <Stack gap={6} data-active-plan={active.id}>
            <Group gap="sm" wrap="wrap">
              <Text fw={700}>{t('plans.view.version', { version: active.version })}</Text>
              <AdherenceBadge value={active.adherence} />
            </Group>
            <Text size="sm" c="dimmed">
              {t('plans.section.since')} <DateText value={active.startsOn ?? active.createdAt} />
              {typeof count === 'number' ? ` · ${t('plans.section.activities', { count })}` : ''}
            </Text>
            <Group gap="sm" grow preventGrowOverflow={false}>
              <Button component={Link} to={`/plans/${active.id}`} size="md">
                {t('plans.section.open')}
              </Button>
              <Button component={Link} to={`/plans/${active.id}/progress`} size="md" variant="default">
                {t('plans.view.recordProgress')}
              </Button>
            </Group>
          </Stack>
        )}
        {plans.data && !active && (
          <>
            <Text c="dimmed">{t('plans.section.none')}</Text>
            {canPlan && (
              <Button component={Link} to={`/persons/${person.id}/plans/new`} size="md">
                {halfMade && hasWork(halfMade) ? t('plans.section.continue') : t('plans.section.make')}
              </Button>
            )}
          </>
        )}
        {closed.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('plans.section.past')}
            </Text>
            {closed.map((p) => (
              <Anchor key={p.id} component={Link} to={`/plans/${p.id}`} size="sm">
                {t('plans.section.pastPlan', { version: p.version })} · <DateText value={p.createdAt} />
              </Anchor>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
