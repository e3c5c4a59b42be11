import { Anchor, Badge, Box, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { citizenOnly } from '../../../core/policy/actor.ts';
import { planPatch } from '../../../core/schemas/plan.ts';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { useScreening } from '../screenings/api.ts';
import { usePatchPlan, usePlan, usePlanVersions } from './api.ts';
import { dimensionLevels, groupByDimension } from './grouping.ts';
import { PlanAdjustForm } from './PlanAdjustForm.tsx';
import {
  ActivityInfoButton,
  AddressesLine,
  AdherenceBadge,
  DimensionHeading,
  dimensionLabel,
  LatestProgressLine,
} from './parts.tsx';
import type { Plan, PlanActivity } from './types.ts';

/** `/plans/:id` (`?version=N` for an old version, read-only): the plan, its progress, history and changes. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const asked = Number(params.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const { t } = useTranslation();
  const plan = usePlan(id, version);

  if (plan.isPending) return <LoadingState rows={8} />;
  if (plan.error) {
    return (
      <>
        <PageTitle title={t('plans.view.title')} />
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  return <PlanView key={`${id}:${version ?? ''}`} plan={plan.data} old={version !== undefined} />;
}

function PlanView({ plan, old }: { plan: Plan; old: boolean }) {
  const { t } = useTranslation();
  const person = usePerson(plan.personId);
  const name = person.data ? personName(person.data, t) : '';
  const [editing, setEditing] = useState(false);
  const active = plan.status === 'active';
  // The person and their proxy follow the plan and report on it; the team adjusts it (the server says 403).
  const citizen = citizenOnly(useCurrentUser().roles);
  const screening = useScreening(plan.screeningId);
  const levels = dimensionLevels(screening.data?.levels as Record<string, string> | undefined);

  return (
    <Box maw={800}>
      <Anchor
        component={Link}
        to={citizen ? `/me?person=${plan.personId}` : `/persons/${plan.personId}`}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        ← {name || t('persons.title')}
      </Anchor>
      <PageTitle
        title={t('plans.view.title')}
        intro={
          <>
            {name && `${name} · `}
            {t('plans.view.version', { version: plan.version })}
          </>
        }
        actions={
          !old &&
          active &&
          !editing && (
            <>
              <Button component={Link} to={`/plans/${plan.id}/progress`} size="md">
                {t('plans.view.recordProgress')}
              </Button>
              {!citizen && (
                <Button variant="default" size="md" onClick={() => setEditing(true)}>
                  {t('plans.view.adjust')}
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        {old && (
          <Notice color="blue" title={t('plans.view.oldVersion', { version: plan.version })}>
            <Anchor component={Link} to={`/plans/${plan.id}`} fw={700}>
              {t('plans.view.toCurrent')}
            </Anchor>
          </Notice>
        )}
        {editing ? (
          <PlanAdjustForm plan={plan} onDone={() => setEditing(false)} />
        ) : (
          <>
            <Paper withBorder p="md" radius="md">
              <FactList
                facts={[
                  {
                    label: t('plans.view.status'),
                    value: (
                      <Badge
                        color={active ? 'teal' : 'gray'}
                        variant="light"
                        styles={{ label: { textTransform: 'none' } }}
                      >
                        {t(`plans.status.${plan.status}`)}
                      </Badge>
                    ),
                  },
                  { label: t('plans.view.adherence'), value: <AdherenceBadge value={plan.adherence} /> },
                  { label: t('plans.editor.startsOn'), value: <DateText value={plan.startsOn} /> },
                  { label: t('plans.editor.endsOn'), value: <DateText value={plan.endsOn} /> },
                ]}
              />
            </Paper>
            <Goals plan={plan} />
            <Stack component="section" gap="md" aria-labelledby="plan-activities">
              <Title order={2} size="h3" id="plan-activities">
                {t('plans.view.activities')}
              </Title>
              {plan.activities.length === 0 && <Empty title={t('plans.view.noActivities')} />}
              {groupByDimension(plan.activities).map((g) =>
                g.items.length === 0 ? null : (
                  <Stack key={g.dimension} gap="sm">
                    <DimensionHeading dimension={g.dimension} level={levels[g.dimension]} order={3} />
                    {g.items.map((a) => (
                      <ActivityCard key={a.id} activity={a} />
                    ))}
                  </Stack>
                ),
              )}
            </Stack>
            {!old && active && !citizen && <ClosePlan plan={plan} />}
          </>
        )}
        <Versions planId={plan.id} shown={plan.version} latest={plan.currentVersion ?? plan.version} />
      </Stack>
    </Box>
  );
}

function Goals({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const targets = Object.entries(plan.goals.targets ?? {}) as [
    Plan['activities'][number]['dimension'],
    string,
  ][];
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="plan-goals">
      <Title order={2} size="h3" id="plan-goals" mb="sm">
        {t('plans.view.goals')}
      </Title>
      <FactList
        facts={[
          { label: t('plans.editor.personal'), value: plan.goals.personal || t('common.none') },
          {
            label: t('plans.editor.targets'),
            value:
              targets.length === 0
                ? t('common.none')
                : targets
                    .map(([d, level]) => `${dimensionLabel(t, d)}: ${t(`plans.target.${level as 'green'}`)}`)
                    .join('\n'),
          },
        ]}
      />
    </Paper>
  );
}

export function responsibleText(t: TFunction, a: PlanActivity): string {
  const who = t(`plans.responsible.${a.responsible}`);
  const named = a.organizationName ?? a.responsibleName;
  return named ? `${who}: ${named}` : who;
}

function ActivityCard({ activity: a }: { activity: PlanActivity }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-plan-activity={a.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Text fw={700} fz="lg" className="break-anywhere">
            {a.title}
          </Text>
          <AdherenceBadge value={a.adherence} size="md" />
        </Group>
        <Text size="sm">
          {responsibleText(t, a)} · {t(`plans.mode.${a.mode}`)}
        </Text>
        {a.goal && <Text size="sm">{t('plans.goalLine', { goal: a.goal })}</Text>}
        <AddressesLine codes={a.addresses} />
        <LatestProgressLine progress={a.latestProgress} />
        <Group gap="xs">
          <ActivityInfoButton activityId={a.activityId} title={a.title} />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Closing asks why and confirms: the plan stays readable, nothing more is reported on it. */
function ClosePlan({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const patch = usePatchPlan(plan.id);
  const label = t('plans.view.close');

  function confirm() {
    const body = { reason: reason.trim(), status: 'closed' as const };
    if (!planPatch.safeParse(body).success) {
      setError(t('plans.adjust.reasonRequired'));
      return;
    }
    patch.mutate(body, {
      onSuccess: () => {
        close();
        notifySuccess(t('plans.view.closed'));
      },
    });
  }

  return (
    <>
      <Group>
        <Button variant="outline" color="red.9" size="md" onClick={open}>
          {label}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={label}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('plans.view.closeQuestion')}</Text>
          <Textarea
            label={t('plans.adjust.reason')}
            required
            value={reason}
            error={error}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(undefined);
            }}
            data-autofocus
          />
          {patch.error && <ErrorAlert error={patch.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={patch.isPending} onClick={confirm}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Versions({ planId, shown, latest }: { planId: string; shown: number; latest: number }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(planId);
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="plan-versions">
      <Title order={2} size="h3" id="plan-versions" mb="sm">
        {t('plans.view.history')}
      </Title>
      {versions.isPending && <LoadingState rows={2} />}
      {versions.error && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.data && versions.data.items.length === 0 && (
        <Text c="dimmed">{t('plans.view.noHistory')}</Text>
      )}
      {versions.data && versions.data.items.length > 0 && (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {[...versions.data.items]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <li key={v.version} data-version={v.version}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <div>
                    <Text fw={700}>
                      {t('plans.view.version', { version: v.version })}
                      {v.version === shown && (
                        <Text span c="dimmed" fw={400}>
                          {' '}
                          ({t('plans.view.shown')})
                        </Text>
                      )}
                    </Text>
                    <Text size="sm">
                      <DateText value={v.createdAt} withTime />
                      {v.createdByName ? ` · ${v.createdByName}` : ''}
                    </Text>
                    {v.reason && (
                      <Text size="sm" className="break-anywhere">
                        {t('plans.view.reason', { reason: v.reason })}
                      </Text>
                    )}
                  </div>
                  {v.version !== shown && (
                    <Anchor
                      component={Link}
                      to={v.version === latest ? `/plans/${planId}` : `/plans/${planId}?version=${v.version}`}
                      size="sm"
                    >
                      {t('plans.view.openVersion', { version: v.version })}
                    </Anchor>
                  )}
                </Group>
              </li>
            ))}
        </Stack>
      )}
    </Paper>
  );
}
