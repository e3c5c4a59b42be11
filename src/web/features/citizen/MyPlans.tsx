import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bangkokMonth } from '../../../core/screenings/month.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { usePersonPlans } from '../plans/api.ts';
import { AdherenceBadge, dimensionLabel, LatestProgressLine, monthLabel, useLang } from '../plans/parts.tsx';
import type { Plan, PlanActivity } from '../plans/types.ts';

/**
 * "แผนสุขภาวะของฉัน": the person's active plan with its activities and how well each goes, the
 * button to report this month, and the closed plans. The area team makes and adjusts the plan with
 * the person; the person (or their proxy) reads it and reports progress (DOMAIN.md step 9).
 */
export function MyPlans({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const plans = usePersonPlans(personId);
  if (plans.isPending) return <LoadingState rows={3} />;
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />;
  const items = plans.data.items;
  const active = items.find((p) => p.status === 'active');
  const closed = items.filter((p) => p.status !== 'active');
  return (
    <Stack gap="md">
      {active ? (
        <ActivePlan plan={active} />
      ) : (
        <div>
          <Text fw={700}>{t('citizen.plan.none')}</Text>
          <Text c="dimmed">{t('citizen.plan.noneHint')}</Text>
        </div>
      )}
      {closed.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('citizen.plan.past')}
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {closed.map((p) => (
              <Paper component="li" key={p.id} withBorder p="sm">
                <Group justify="space-between" gap="xs">
                  <div>
                    <Anchor component={Link} to={`/plans/${p.id}`} fw={700}>
                      {t('citizen.plan.version', { version: p.version })}
                    </Anchor>
                    <Text size="sm">
                      <DateText value={p.startsOn} /> – <DateText value={p.endsOn ?? p.updatedAt} />
                    </Text>
                  </div>
                  <AdherenceBadge value={p.adherence} size="md" />
                </Group>
              </Paper>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

/** How many of the plan's activities have a report for this Thai month. */
export function reportedThisMonth(plan: Pick<Plan, 'activities'>, month: string) {
  const done = plan.activities.filter((a) => a.latestProgress?.month === month).length;
  return { done, total: plan.activities.length };
}

function ActivePlan({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLang();
  const month = bangkokMonth(new Date());
  const { done, total } = reportedThisMonth(plan, month);
  const complete = total > 0 && done === total;
  return (
    <Stack gap="sm" data-my-plan={plan.id}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div>
          <Text fw={700}>
            {t('citizen.plan.version', { version: plan.version })} · {t('citizen.plan.since')}{' '}
            <DateText value={plan.startsOn} />
          </Text>
          {plan.goals.personal && (
            <Text className="break-anywhere">
              {t('citizen.plan.personalGoal', { goal: plan.goals.personal })}
            </Text>
          )}
        </div>
        <AdherenceBadge value={plan.adherence} />
      </Group>
      <Paper withBorder p="sm" radius="md" bg={complete ? 'teal.0' : 'yellow.0'}>
        <Stack gap="xs">
          <Text fw={600} role="status">
            {complete
              ? t('citizen.plan.reported', { month: monthLabel(month, lang, t) })
              : t('citizen.plan.notReported', { month: monthLabel(month, lang, t), done, total })}
          </Text>
          {total > 0 && (
            <Button
              component={Link}
              to={`/plans/${plan.id}/progress?month=${month}`}
              size="lg"
              variant={complete ? 'default' : 'filled'}
            >
              {complete ? t('citizen.plan.reportAgain') : t('citizen.plan.report')}
            </Button>
          )}
        </Stack>
      </Paper>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {plan.activities.map((a) => (
          <Paper component="li" key={a.id} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                <Text fw={700} className="break-anywhere">
                  {a.title}
                </Text>
                <AdherenceBadge value={a.adherence} size="md" />
              </Group>
              <Text size="sm">
                {dimensionLabel(t, a.dimension)} · {whoDoesIt(t, a)}
              </Text>
              {a.goal && (
                <Text size="sm" className="break-anywhere">
                  {t('plans.goalLine', { goal: a.goal })}
                </Text>
              )}
              <LatestProgressLine progress={a.latestProgress} />
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Group gap="md">
        <Anchor component={Link} to={`/plans/${plan.id}`}>
          {t('citizen.plan.open')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('citizen.plan.changeHint')}
      </Text>
    </Stack>
  );
}

/** "ครอบครัว: ลูกสาว" — who carries the activity out. */
export function whoDoesIt(
  t: TFunction,
  a: Pick<PlanActivity, 'responsible' | 'organizationName' | 'responsibleName'>,
): string {
  const who = t(`plans.responsible.${a.responsible}`);
  const named = a.organizationName ?? a.responsibleName;
  return named ? `${who}: ${named}` : who;
}
