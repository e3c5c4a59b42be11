import { Anchor, Box, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ProgressStatus, progressStatuses } from '../../../core/schemas/plan.ts';
import { ApiError } from '../../app/api.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { usePlan, usePlanProgress, useRecordProgress } from './api.ts';
import { groupByDimension } from './grouping.ts';
import { DimensionHeading, monthLabel, useLang } from './parts.tsx';
import { type EntryDraft, errorsByActivity, reportableMonths, toProgressBody } from './progress.ts';
import type { Plan, PlanProgressInput, ProgressEntry } from './types.ts';

const STATUS_COLOR: Record<ProgressStatus, string> = {
  done: 'teal.9',
  partly: 'yellow.9',
  not_done: 'red.9',
};

/** `/plans/:id/progress`: this month's report, one row of big buttons per activity. */
export default function PlanProgressPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  if (plan.isPending) return <LoadingState rows={6} />;
  if (plan.error) {
    return (
      <>
        <PageTitle title={t('plans.progress.title')} />
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  return <ProgressView plan={plan.data} />;
}

function ProgressView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLang();
  const person = usePerson(plan.personId);
  const name = person.data ? personName(person.data, t) : '';
  const [params, setParams] = useSearchParams();
  const months = reportableMonths();
  const asked = params.get('month');
  const month = asked && months.includes(asked) ? asked : (months[0] as string);
  const progress = usePlanProgress(plan.id, month);

  return (
    <Box maw={640}>
      <Anchor component={Link} to={`/plans/${plan.id}`} size="sm" mb="xs" display="inline-block">
        ← {t('plans.view.title')}
      </Anchor>
      <PageTitle title={t('plans.progress.title')} intro={name || undefined} />
      <Stack gap="md">
        <NativeSelect
          size="md"
          label={t('plans.progress.month')}
          value={month}
          onChange={(e) => setParams({ month: e.currentTarget.value }, { replace: true })}
          data={months.map((m) => ({ value: m, label: monthLabel(m, lang, t) }))}
        />
        {plan.status !== 'active' && <Notice color="gray" title={t('plans.progress.closedPlan')} />}
        {plan.activities.length === 0 ? (
          <Empty title={t('plans.view.noActivities')} />
        ) : progress.isPending ? (
          <LoadingState rows={4} />
        ) : progress.error && !(progress.error instanceof ApiError && progress.error.status === 404) ? (
          <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
        ) : (
          <ProgressForm key={month} plan={plan} month={month} stored={progress.data?.items ?? null} />
        )}
      </Stack>
    </Box>
  );
}

function initialEntries(plan: Plan, stored: ProgressEntry[] | null): Record<string, EntryDraft> {
  const out: Record<string, EntryDraft> = {};
  for (const a of plan.activities) {
    const e = stored?.find((x) => x.planActivityId === a.id && !x.superseded);
    out[a.id] = { status: e?.status ?? null, note: e?.note ?? '' };
  }
  return out;
}

function ProgressForm({
  plan,
  month,
  stored,
}: {
  plan: Plan;
  month: string;
  stored: ProgressEntry[] | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [entries, setEntries] = useState(() => initialEntries(plan, stored));
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [sent, setSent] = useState<PlanProgressInput | null>(null);
  const [empty, setEmpty] = useState(false);
  const record = useRecordProgress(plan.id);
  const order = groupByDimension(plan.activities).flatMap((g) => g.items.map((a) => a.id));
  const problems =
    record.error instanceof ApiError
      ? errorsByActivity(record.error.errors, sent)
      : { byActivity: {}, month: null, rest: [] };
  const shown =
    record.error instanceof ApiError
      ? record.error.errors.map((e) => e.path).filter((p) => p.startsWith('entries.') || p === 'month')
      : [];

  const set = (id: string, changes: Partial<EntryDraft>) => {
    setEmpty(false);
    setEntries((all) => ({ ...all, [id]: { ...(all[id] ?? { status: null, note: '' }), ...changes } }));
  };

  function submit() {
    const body = toProgressBody(month, order, entries, clientId);
    if (!body) {
      setEmpty(true);
      return;
    }
    setSent(body);
    record.mutate(body, {
      onSuccess: () => {
        setClientId(crypto.randomUUID());
        notifySuccess(t('plans.progress.saved'));
        navigate(`/plans/${plan.id}`);
      },
    });
  }

  return (
    <Stack gap="lg">
      {problems.month && (
        <Text c="red.9" fw={600} role="alert">
          {problems.month}
        </Text>
      )}
      {groupByDimension(plan.activities).map((g) =>
        g.items.length === 0 ? null : (
          <Stack key={g.dimension} gap="sm">
            <DimensionHeading dimension={g.dimension} />
            {g.items.map((a) => {
              const entry = entries[a.id] ?? { status: null, note: '' };
              const error = problems.byActivity[a.id];
              return (
                <Paper key={a.id} withBorder p="sm" radius="md" data-progress-activity={a.id}>
                  <Stack gap="xs">
                    <Text fw={700} fz="lg" id={`pa-${a.id}`} className="break-anywhere">
                      {a.title}
                    </Text>
                    <Group
                      role="group"
                      aria-labelledby={`pa-${a.id}`}
                      gap="xs"
                      grow
                      preventGrowOverflow={false}
                    >
                      {progressStatuses.map((s) => {
                        const on = entry.status === s;
                        return (
                          <Button
                            key={s}
                            size="lg"
                            px="xs"
                            variant={on ? 'filled' : 'default'}
                            color={STATUS_COLOR[s]}
                            autoContrast
                            aria-pressed={on}
                            onClick={() => set(a.id, { status: on ? null : s })}
                            styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2 } }}
                          >
                            {on ? '✓ ' : ''}
                            {t(`plans.progress.status.${s}`)}
                          </Button>
                        );
                      })}
                    </Group>
                    <TextInput
                      size="md"
                      label={t('plans.progress.note')}
                      aria-label={t('plans.progress.noteFor', { title: a.title })}
                      value={entry.note}
                      maxLength={1000}
                      onChange={(e) => set(a.id, { note: e.currentTarget.value })}
                    />
                    {error && (
                      <Text c="red.9" size="sm" fw={600} role="alert">
                        {error}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        ),
      )}
      {empty && (
        <Text c="red.9" fw={600} role="alert">
          {t('plans.progress.chooseOne')}
        </Text>
      )}
      {record.error &&
        (!(record.error instanceof ApiError) || problems.rest.length > 0 || shown.length === 0) && (
          <ErrorAlert error={record.error} onRetry={submit} shownFields={shown} />
        )}
      <Button size="lg" onClick={submit} loading={record.isPending}>
        {t('plans.progress.submit')}
      </Button>
    </Stack>
  );
}
