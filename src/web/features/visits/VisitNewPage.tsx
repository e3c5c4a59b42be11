import {
  Anchor,
  Box,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Person } from '../../../core/schemas/index.ts';
import { type VisitWithWarnings, visitCreate, visitKinds } from '../../../core/schemas/visit.ts';
import { fieldErrorsFor, schemaErrors, shownPaths } from '../../app/validation.ts';
import { toBuddhistDate } from '../../components/buddhistDate.ts';
import { DateFields } from '../../components/DateFields.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { OrganizationSelect } from '../organizations/OrganizationSelect.tsx';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { usePersonPlans } from '../plans/api.ts';
import { useAssignees, useScheduleVisit } from './api.ts';
import { todayInThailand } from './dates.ts';
import { DURATIONS, SCHEDULE_FIELDS, type ScheduleValues, scheduleBody } from './form.ts';
import { WarningNotices } from './parts.tsx';

/** `/persons/:id/visits/new`: book a home visit or a centre appointment for a person. */
export default function VisitNewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <LoadingState rows={6} />;
  if (person.error) {
    return (
      <>
        <PageTitle title={t('visits.form.title')} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  return <ScheduleForm person={person.data} />;
}

function ScheduleForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const navigate = useNavigate();
  const schedule = useScheduleVisit(person.id);
  const [clientId] = useState(() => crypto.randomUUID());
  const [values, setValues] = useState<ScheduleValues>(() => ({
    kind: 'home_visit',
    date: toBuddhistDate(todayInThailand()),
    time: '09:00',
    durationMinutes: '60',
    organizationId: user.organizationId,
    // Usually the one booking goes; an operator is nobody's visitor.
    assigneeIds: user.roles.includes('operator') ? [] : [user.id],
    planActivityId: '',
    purpose: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<VisitWithWarnings | null>(null);
  const assignees = useAssignees(person.id, values.organizationId);
  const plans = usePersonPlans(person.id);
  const activities = plans.data?.items.find((p) => p.status === 'active')?.activities ?? [];
  const name = personName(person, t);

  const set = (changes: Partial<ScheduleValues>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors({});
  };

  if (!can({ action: 'visit.schedule', areaCode: placeOf(person.address) }) || person.mergedInto) {
    return (
      <>
        <PageTitle title={t('visits.form.title')} intro={name} />
        <Notice color="gray" title={t('common.forbidden')} />
      </>
    );
  }
  if (done) return <Scheduled visit={done} person={person} />;

  const server = fieldErrorsFor(schedule.error, SCHEDULE_FIELDS);
  const shown = { ...server.byField, ...errors };
  const options = (assignees.data?.items ?? []).map((u) => ({
    value: u.id,
    label:
      u.id === user.id
        ? t('visits.form.me', { name: u.displayName })
        : [u.displayName, u.organizationName].filter(Boolean).join(' · '),
  }));

  const submit = () => {
    const check = scheduleBody(values, clientId, t);
    if (!check.ok) return setErrors(check.errors);
    const problems = schemaErrors(visitCreate, check.body, t);
    if (Object.keys(problems).length > 0) return setErrors(problems);
    schedule.mutate(check.body, {
      onSuccess: (visit) => {
        if (visit.warnings.length > 0) setDone(visit);
        else {
          notifySuccess(t('visits.form.saved'));
          navigate(`/persons/${person.id}`);
        }
      },
    });
  };

  return (
    <Box maw={640}>
      <Anchor component={Link} to={`/persons/${person.id}`} size="sm" mb="xs" display="inline-block">
        ← {name}
      </Anchor>
      <PageTitle title={t('visits.form.title')} intro={name} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <div>
            <Text fw={700} mb={4} id="visit-kind">
              {t('visits.form.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="visit-kind"
              fullWidth
              size="md"
              value={values.kind}
              onChange={(k) => set({ kind: k as ScheduleValues['kind'] })}
              data={visitKinds.map((k) => ({ value: k, label: t(`visits.kind.${k}`) }))}
            />
          </div>
          <DateFields
            legend={t('visits.form.date')}
            value={values.date}
            onChange={(date) => set({ date })}
            error={shown.startsAt}
          />
          <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
            <TextInput
              type="time"
              size="md"
              label={t('visits.form.time')}
              value={values.time}
              onChange={(e) => set({ time: e.currentTarget.value })}
              error={shown.time}
              required
            />
            <NativeSelect
              size="md"
              label={t('visits.form.duration')}
              value={values.durationMinutes}
              onChange={(e) => set({ durationMinutes: e.currentTarget.value })}
              data={DURATIONS.map((m) => ({ value: String(m), label: t('visits.minutes', { count: m }) }))}
              error={shown.durationMinutes}
            />
          </Group>
          <OrganizationSelect
            label={t('visits.form.organization')}
            value={values.organizationId}
            valueLabel={values.organizationId === user.organizationId ? user.organizationName : null}
            onChange={(organizationId) => set({ organizationId })}
            error={shown.organizationId}
          />
          <MultiSelect
            size="md"
            label={t('visits.form.assignees')}
            description={t('visits.form.assigneesHint')}
            data={options}
            value={values.assigneeIds}
            onChange={(assigneeIds) => set({ assigneeIds })}
            searchable
            clearable
            nothingFoundMessage={t('visits.form.assigneesNone')}
            error={shown.assigneeIds}
          />
          {activities.length > 0 && (
            <NativeSelect
              size="md"
              label={t('visits.form.planActivity')}
              value={values.planActivityId}
              onChange={(e) => set({ planActivityId: e.currentTarget.value })}
              data={[
                { value: '', label: t('visits.form.noPlanActivity') },
                ...activities.map((a) => ({ value: a.id, label: a.title })),
              ]}
              error={shown.planActivityId}
            />
          )}
          <Textarea
            size="md"
            label={t('visits.form.purpose')}
            description={t('visits.form.purposeHint')}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.purpose}
            onChange={(e) => set({ purpose: e.currentTarget.value })}
            error={shown.purpose}
          />
          {schedule.error && (
            <ErrorAlert error={schedule.error} shownFields={shownPaths(schedule.error, SCHEDULE_FIELDS)} />
          )}
          <Button type="submit" size="lg" fullWidth loading={schedule.isPending}>
            {t('visits.form.submit')}
          </Button>
        </Stack>
      </form>
    </Box>
  );
}

/** Booked, with warnings: say them plainly before moving on. */
function Scheduled({ visit, person }: { visit: VisitWithWarnings; person: Person }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const userNames = new Map(visit.assignees.map((a) => [a.id, a.displayName]));
  return (
    <Box maw={640}>
      <PageTitle title={t('visits.form.savedWithWarnings')} intro={personName(person, t)} />
      <Stack gap="md">
        <WarningNotices
          warnings={visit.warnings}
          meId={user.id}
          thisPersonId={person.id}
          thisVisitId={visit.id}
          userNames={userNames}
        />
        <Paper withBorder radius="md" p="sm">
          <Group grow preventGrowOverflow={false} wrap="wrap">
            <Button component={Link} to={`/visits/${visit.id}`} size="md">
              {t('visits.form.openVisit')}
            </Button>
            <Button component={Link} to={`/persons/${person.id}`} size="md" variant="default">
              {t('visits.form.backToPerson')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </Box>
  );
}
