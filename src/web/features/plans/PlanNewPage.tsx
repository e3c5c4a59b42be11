import {
  Anchor,
  Box,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type PlanDimension, planDimensions } from '../../../core/schemas/plan.ts';
import { ApiError } from '../../app/api.ts';
import { DateFields } from '../../components/DateFields.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ActivityGroupSelect } from '../activityGroups/ActivityGroupSelect.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { useScreening } from '../screenings/api.ts';
import { planKeys, useCreatePlan, usePersonPlans, usePlanDraft } from './api.ts';
import {
  type BodyProblem,
  type Candidate,
  clearEditorState,
  editorReducer,
  hasWork,
  loadEditorState,
  newEditorState,
  type PickedActivity,
  type PlanEditorState,
  saveEditorState,
  toPlanCreate,
} from './draftState.ts';
import { allGreen, dimensionLevels, groupByDimension } from './grouping.ts';
import { LibraryAdder } from './LibraryAdder.tsx';
import {
  ActivityInfoButton,
  AddressesLine,
  activityTitle,
  DimensionHeading,
  dimensionLabel,
  useLang,
} from './parts.tsx';
import { ResponsibleFields } from './ResponsibleFields.tsx';
import type { PlanDraft } from './types.ts';

/**
 * `/persons/:id/plans/new`: the individual well-being plan made from the system's draft. Phone first:
 * tick activities (big cards), say who does each and how, then goals, targets and dates, review, save.
 */
export default function PlanNewPage() {
  const { id = '' } = useParams();
  return <Editor key={id} personId={id} />;
}

function Editor({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const person = usePerson(personId);
  const draft = usePlanDraft(personId);
  const name = person.data ? personName(person.data, t) : '';
  const [restored] = useState(() => {
    const stored = loadEditorState(user.id, personId);
    return stored && hasWork(stored) ? stored : null;
  });
  const [state, dispatch] = useReducer(
    editorReducer,
    null,
    () => restored ?? loadEditorState(user.id, personId) ?? newEditorState(personId),
  );
  const [showRestored, setShowRestored] = useState(restored !== null);

  useEffect(() => {
    saveEditorState(user.id, state);
  }, [user.id, state]);

  const back = (
    <Anchor component={Link} to={`/persons/${personId}`} size="sm" mb="xs" display="inline-block">
      ← {name || t('persons.title')}
    </Anchor>
  );
  const title = t('plans.editor.title');
  const intro = name ? t('plans.editor.forPerson', { name }) : undefined;

  if (draft.isPending) {
    return (
      <Box maw={640}>
        {back}
        <PageTitle title={title} intro={intro} />
        <LoadingState rows={6} />
      </Box>
    );
  }
  if (draft.error) {
    const noScreening = draft.error instanceof ApiError && draft.error.status === 422;
    return (
      <Box maw={640}>
        {back}
        <PageTitle title={title} intro={intro} />
        {noScreening ? (
          <Empty
            title={t('plans.editor.noScreening')}
            hint={t('plans.editor.noScreeningHint')}
            action={
              <Button component={Link} to={`/persons/${personId}/screen/wellbeing20`} size="md">
                {t('plans.editor.screenFirst')}
              </Button>
            }
          />
        ) : (
          <ErrorAlert error={draft.error} onRetry={() => void draft.refetch()} />
        )}
      </Box>
    );
  }

  return (
    <Box maw={640}>
      {back}
      <PageTitle title={title} intro={intro} />
      <Stack gap="md">
        {showRestored && (
          <Notice color="blue" title={t('plans.editor.restored')}>
            <Group gap="sm" mt="xs">
              <Button size="sm" variant="default" onClick={() => setShowRestored(false)}>
                {t('plans.editor.keepGoing')}
              </Button>
              <Button
                size="sm"
                variant="subtle"
                color="red.9"
                onClick={() => {
                  dispatch({ type: 'reset' });
                  setShowRestored(false);
                }}
              >
                {t('plans.editor.startOver')}
              </Button>
            </Group>
          </Notice>
        )}
        <ActivePlanNotice personId={personId} />
        {state.step === 'pick' ? (
          <PickStep
            state={state}
            dispatch={dispatch}
            candidates={draft.data.items}
            screeningId={draft.data.screeningId}
          />
        ) : (
          <ReviewStep
            state={state}
            dispatch={dispatch}
            screeningId={draft.data.screeningId}
            onSaved={() => clearEditorState(user.id, personId)}
          />
        )}
      </Stack>
    </Box>
  );
}

/** A plan already running: only one is active at a time, so say so and link to it. */
function ActivePlanNotice({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const plans = usePersonPlans(personId);
  const active = plans.data?.items.find((p) => p.status === 'active');
  if (!active) return null;
  return (
    <Notice color="yellow" title={t('plans.editor.activeExists')}>
      <Anchor component={Link} to={`/plans/${active.id}`} fw={700}>
        {t('plans.editor.openActive')}
      </Anchor>
    </Notice>
  );
}

type Dispatch = (action: Parameters<typeof editorReducer>[1]) => void;

function useLevels(screeningId: string | null) {
  const screening = useScreening(screeningId);
  return dimensionLevels(screening.data?.levels as Record<string, string> | undefined);
}

function PickStep({
  state,
  dispatch,
  candidates,
  screeningId,
}: {
  state: PlanEditorState;
  dispatch: Dispatch;
  candidates: PlanDraft['items'];
  screeningId: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const levels = useLevels(screeningId);
  const [problem, setProblem] = useState<string | null>(null);
  const all = useMemo(() => {
    const inDraft = new Set(candidates.map((c) => c.activityId));
    return [
      ...candidates,
      ...state.extras.filter((e) => !inDraft.has(e.activityId)).map((e) => ({ ...e, rank: 1000 })),
    ];
  }, [candidates, state.extras]);
  const groups = groupByDimension(all);
  const picked = new Map(state.picked.map((p) => [p.activityId, p]));
  const nothingProposed = candidates.length === 0;

  function next() {
    if (state.picked.length === 0) {
      setProblem(t('plans.editor.pickOne'));
      return;
    }
    const missing = state.picked.find((p) => p.responsible === 'organization' && !p.organizationId);
    if (missing) {
      setProblem(t('plans.editor.organizationMissing', { title: missing.title }));
      return;
    }
    setProblem(null);
    dispatch({ type: 'step', step: 'review' });
    window.scrollTo({ top: 0 });
  }

  return (
    <Stack gap="lg">
      <Text>{t('plans.editor.pickIntro')}</Text>
      {nothingProposed && (
        <Empty
          title={allGreen(levels) ? t('plans.editor.allGreen') : t('plans.editor.noCandidates')}
          hint={t('plans.editor.libraryStill')}
        />
      )}
      {groups.map((g) =>
        nothingProposed && g.items.length === 0 ? null : (
          <Stack component="section" key={g.dimension} gap="sm" aria-labelledby={`dim-${g.dimension}`}>
            <DimensionHeading dimension={g.dimension} level={levels[g.dimension]} id={`dim-${g.dimension}`} />
            {g.items.length === 0 ? (
              <Text c="dimmed" size="sm">
                {levels[g.dimension] === 'green'
                  ? t('plans.editor.dimensionGreen')
                  : t('plans.editor.dimensionNone')}
              </Text>
            ) : (
              g.items.map((c) => (
                <CandidateCard
                  key={c.activityId}
                  personId={state.personId}
                  candidate={c}
                  picked={picked.get(c.activityId)}
                  dispatch={dispatch}
                />
              ))
            )}
          </Stack>
        ),
      )}
      <LibraryAdder
        exclude={new Set(all.map((c) => c.activityId))}
        onAdd={(a) =>
          dispatch({
            type: 'addExtra',
            candidate: {
              activityId: a.id,
              dimension: a.dimension,
              title: activityTitle(a, lang),
              addresses: a.addresses,
            },
          })
        }
      />
      {problem && (
        <Text c="red.9" fw={600} role="alert">
          {problem}
        </Text>
      )}
      <Paper withBorder p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 2 }}>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text fw={700} aria-live="polite">
            {t('plans.editor.pickedCount', { count: state.picked.length })}
          </Text>
          <Button size="md" onClick={next}>
            {t('plans.editor.next')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

function CandidateCard({
  personId,
  candidate: c,
  picked,
  dispatch,
}: {
  personId: string;
  candidate: Candidate;
  picked: PickedActivity | undefined;
  dispatch: Dispatch;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-activity={c.activityId}
      data-picked={picked ? 'true' : 'false'}
      style={picked ? { borderColor: 'var(--mantine-color-blue-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Checkbox
          size="lg"
          checked={Boolean(picked)}
          onChange={() => dispatch({ type: 'toggle', candidate: c })}
          label={
            <Text fw={700} fz="lg" lh={1.4}>
              {c.title}
            </Text>
          }
          styles={{ body: { alignItems: 'flex-start', minHeight: 48 }, labelWrapper: { flex: 1 } }}
        />
        <AddressesLine codes={c.addresses} />
        <Group gap="xs">
          <ActivityInfoButton activityId={c.activityId} title={c.title} />
        </Group>
        {picked && (
          <ResponsibleFields
            title={c.title}
            value={picked}
            onChange={(changes) => dispatch({ type: 'update', activityId: c.activityId, changes })}
          />
        )}
        {picked?.mode === 'group' && (
          <ActivityGroupSelect
            personId={personId}
            activityId={c.activityId}
            title={c.title}
            value={picked.activityGroupId}
            onChange={(id, name) =>
              dispatch({
                type: 'update',
                activityId: c.activityId,
                changes: { activityGroupId: id, activityGroupName: name },
              })
            }
          />
        )}
      </Stack>
    </Paper>
  );
}

function ReviewStep({
  state,
  dispatch,
  screeningId,
  onSaved,
}: {
  state: PlanEditorState;
  dispatch: Dispatch;
  screeningId: string | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreatePlan(state.personId);
  const levels = useLevels(screeningId);
  const [problems, setProblems] = useState<BodyProblem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const problemOf = (path: string) => problems.find((p) => p.path === path);
  const dateError = (path: 'startsOn' | 'endsOn') => {
    const p = problemOf(path);
    return p ? t(`plans.editor.date.${p.problem as 'incomplete' | 'invalid' | 'order'}`) : undefined;
  };

  function save() {
    const result = toPlanCreate(state, screeningId);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    create.mutate(result.body, {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          void queryClient.invalidateQueries({ queryKey: planKeys.person(state.personId) });
        }
      },
      onSuccess: (plan) => {
        onSaved();
        notifySuccess(t('plans.editor.saved'));
        navigate(`/plans/${plan.id}`, { replace: true });
      },
    });
  }

  const conflict = create.error instanceof ApiError && create.error.status === 409;

  return (
    <Stack gap="lg">
      <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {t('plans.editor.reviewTitle')}
      </Title>
      <Stack component="section" gap="sm" aria-label={t('plans.editor.chosen')}>
        {groupByDimension(state.picked).map((g) =>
          g.items.length === 0 ? null : (
            <Stack key={g.dimension} gap={6}>
              <DimensionHeading dimension={g.dimension} level={levels[g.dimension]} order={3} />
              {g.items.map((p) => (
                <Paper key={p.activityId} withBorder p="sm" radius="md">
                  <Text fw={700}>{p.title}</Text>
                  <Text size="sm">
                    {t(`plans.responsible.${p.responsible}`)}
                    {p.responsibleName.trim() ? ` (${p.responsibleName.trim()})` : ''}
                    {p.mode ? ` · ${t(`plans.mode.${p.mode}`)}` : ''}
                  </Text>
                  {p.goal.trim() && <Text size="sm">{t('plans.goalLine', { goal: p.goal.trim() })}</Text>}
                  {p.mode === 'group' && p.activityGroupId && p.activityGroupName && (
                    <Text size="sm">{t('activityGroups.pick.line', { name: p.activityGroupName })}</Text>
                  )}
                </Paper>
              ))}
            </Stack>
          ),
        )}
        <Button variant="default" size="md" onClick={() => dispatch({ type: 'step', step: 'pick' })}>
          {t('plans.editor.changeActivities')}
        </Button>
      </Stack>

      <Textarea
        size="md"
        label={t('plans.editor.personal')}
        description={t('plans.editor.personalHint')}
        autosize
        minRows={2}
        maxLength={1000}
        value={state.personal}
        onChange={(e) => dispatch({ type: 'personal', text: e.currentTarget.value })}
      />

      <Stack component="fieldset" gap="sm" p={0} m={0} style={{ border: 0 }}>
        <Text component="legend" fw={700} mb={4}>
          {t('plans.editor.targets')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('plans.editor.targetsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {planDimensions.map((d: PlanDimension) => (
            <NativeSelect
              key={d}
              size="md"
              label={`${dimensionLabel(t, d)}${levels[d] ? ` (${t('plans.editor.now', { level: t(`plans.level.${levels[d]}`) })})` : ''}`}
              value={state.targets[d] ?? ''}
              onChange={(e) =>
                dispatch({
                  type: 'target',
                  dimension: d,
                  level: (e.currentTarget.value || null) as 'green' | 'yellow' | null,
                })
              }
              data={[
                { value: '', label: t('plans.editor.noTarget') },
                { value: 'green', label: t('plans.target.green') },
                { value: 'yellow', label: t('plans.target.yellow') },
              ]}
            />
          ))}
        </SimpleGrid>
      </Stack>

      <DateFields
        legend={t('plans.editor.startsOn')}
        value={state.startsOn}
        onChange={(startsOn) => dispatch({ type: 'dates', startsOn })}
        error={dateError('startsOn')}
      />
      <DateFields
        legend={t('plans.editor.endsOn')}
        value={state.endsOn}
        onChange={(endsOn) => dispatch({ type: 'dates', endsOn })}
        error={dateError('endsOn')}
      />

      {problems.some((p) => p.path.startsWith('activities')) && (
        <Text c="red.9" fw={600} role="alert">
          {t('plans.editor.fixActivities')}
        </Text>
      )}
      {conflict ? (
        <Notice color="yellow" title={t('plans.editor.activeExists')} role="alert">
          <Text size="sm">{t('plans.editor.conflictHint')}</Text>
        </Notice>
      ) : (
        create.error && <ErrorAlert error={create.error} onRetry={save} />
      )}
      <Group gap="sm" grow preventGrowOverflow={false}>
        <Button variant="default" size="lg" onClick={() => dispatch({ type: 'step', step: 'pick' })}>
          {t('common.back')}
        </Button>
        <Button size="lg" onClick={save} loading={create.isPending}>
          {t('plans.editor.save')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('plans.editor.keptOnDevice')}
      </Text>
    </Stack>
  );
}
