import {
  Anchor,
  Box,
  Button,
  Collapse,
  Group,
  List,
  Modal,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { placeOf } from '../../../core/policy/index.ts';
import type { Visit, VisitPatch, VitalSigns } from '../../../core/schemas/visit.ts';
import { thaiDay } from '../../../core/services/calendar.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ApiError } from '../../app/api.ts';
import { fieldErrorsFor } from '../../app/validation.ts';
import { type BuddhistDate, parseBuddhistDate, toBuddhistDate } from '../../components/buddhistDate.ts';
import { DateFields } from '../../components/DateFields.tsx';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan, useCurrentUser } from '../auth/session.ts';
import { useAssignees, useCancelVisit, usePatchVisit, useVisit } from './api.ts';
import { thaiInstant, thaiTime } from './dates.ts';
import { DURATIONS } from './form.ts';
import { assigneeLine, StatusBadge, timeRange, useLang, visitWho, WarningNotices } from './parts.tsx';
import { RecordForm } from './RecordForm.tsx';

/** `/visits/:id`: the visit, its record form (on a phone), moving or cancelling it, and its history. */
export default function VisitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const visit = useVisit(id);
  if (visit.isPending) return <LoadingState rows={6} />;
  if (visit.error) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('visits.view.title')} />
        <ErrorAlert error={visit.error} onRetry={() => void visit.refetch()} />
      </>
    );
  }
  return <VisitView visit={visit.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/calendar" size="sm" mb="xs" display="inline-block">
      ← {t('visits.view.back')}
    </Anchor>
  );
}

function VisitView({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const place = placeOf(visit);
  const mayWrite =
    can({
      action: 'visit.record',
      visit: { organizationId: visit.organizationId, assigneeIds: visit.assignees.map((a) => a.id), place },
    }) || can({ action: 'visit.schedule', areaCode: place });
  const open = visit.status === 'scheduled';

  return (
    <Box maw={720}>
      <BackLink />
      <PageTitle
        title={`${t(`visits.kind.${visit.kind}`)} · ${visitWho(visit, t)}`}
        intro={`${formatDate(visit.startsAt, lang)} ${timeRange(visit, t)}`}
        actions={<StatusBadge status={visit.status} />}
      />
      <Stack gap="md">
        {visit.view === 'pseudonymous' && <Notice color="gray" title={t('visits.someoneHint')} />}
        <Paper withBorder radius="md" p="md">
          <FactList
            facts={[
              {
                label: t('visits.view.person'),
                value: visit.personId ? (
                  <Anchor component={Link} to={`/persons/${visit.personId}`}>
                    {visitWho(visit, t)}
                  </Anchor>
                ) : (
                  visitWho(visit, t)
                ),
              },
              {
                label: t('visits.view.when'),
                value: `${formatDate(visit.startsAt, lang)} ${timeRange(visit, t)} (${t('visits.minutes', { count: visit.durationMinutes })})`,
              },
              {
                label: t('visits.view.where'),
                value: visit.villageName ?? visit.villageCode ?? t('common.none'),
              },
              { label: t('visits.view.organization'), value: visit.organizationName ?? t('common.none') },
              { label: t('visits.view.assignees'), value: assigneeLine(visit, t) },
              ...(visit.purpose ? [{ label: t('visits.view.purpose'), value: visit.purpose }] : []),
              ...(visit.planActivityTitle
                ? [{ label: t('visits.view.planActivity'), value: visit.planActivityTitle }]
                : []),
            ]}
          />
        </Paper>
        {visit.record && <RecordView visit={visit} />}
        {open && mayWrite && <RecordForm visit={visit} />}
        {open && mayWrite && <ChangeVisit visit={visit} />}
        {!open && <Text c="dimmed">{t('visits.view.closed')}</Text>}
        <History visit={visit} />
      </Stack>
    </Box>
  );
}

function RecordView({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const r = visit.record!;
  const vitals = Object.entries(r.vitals ?? {}) as [keyof VitalSigns, number][];
  const unit: Record<keyof VitalSigns, string> = {
    systolic: 'mmHg',
    diastolic: 'mmHg',
    pulse: 'bpm',
    temperature: 'celsius',
    glucose: 'mgdl',
    weight: 'kg',
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="record-view-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="record-view-title">
          {t('visits.record.result')}
        </Title>
        <FactList
          facts={[
            { label: t('visits.record.outcome'), value: t(`visits.record.${r.status}`) },
            { label: t('visits.view.when'), value: <DateText value={r.doneAt} withTime /> },
            { label: t('visits.record.attendees'), value: r.attendees.map((a) => a.displayName).join(', ') },
            ...(r.activities ? [{ label: t('visits.record.activities'), value: r.activities }] : []),
            ...vitals.map(([k, v]) => ({
              label: t(`visits.record.${k}`),
              value: `${v} ${t(`visits.record.units.${unit[k]}` as 'visits.record.units.kg')}`,
            })),
            ...(r.notes ? [{ label: t('visits.record.notes'), value: r.notes }] : []),
            {
              label: t('visits.record.followUp'),
              value: r.followUpNeeded
                ? [t('visits.record.followUpYes'), r.followUpNote].filter(Boolean).join(': ')
                : t('visits.record.followUpNo'),
            },
          ]}
        />
        {r.recordedBy && (
          <Text size="sm" c="dimmed">
            {t('visits.record.recordedBy', { name: r.recordedBy.displayName })} ·{' '}
            <DateText value={r.recordedAt} withTime />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Reschedule or reassign (on the version shown), or cancel with a reason after a confirmation. */
function ChangeVisit({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group grow preventGrowOverflow={false} wrap="wrap">
          <Button variant="default" size="md" onClick={toggle} aria-expanded={opened}>
            {t('visits.view.reschedule')}
          </Button>
          <CancelButton visit={visit} />
        </Group>
        <Collapse expanded={opened}>{opened && <Reschedule visit={visit} />}</Collapse>
      </Stack>
    </Paper>
  );
}

const PATCH_FIELDS = ['startsAt', 'durationMinutes', 'assigneeIds', 'version'] as const;

function Reschedule({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const change = usePatchVisit(visit.id);
  const [date, setDate] = useState<BuddhistDate>(() => toBuddhistDate(thaiDay(visit.startsAt)));
  const [time, setTime] = useState(() => thaiTime(visit.startsAt));
  const [duration, setDuration] = useState(String(visit.durationMinutes));
  const [assigneeIds, setAssigneeIds] = useState(() => visit.assignees.map((a) => a.id));
  const [dateError, setDateError] = useState<string | undefined>();
  // Who may be sent is asked per person: only for a reader who sees who it is.
  const options = useAssignees(visit.personId ?? '', visit.organizationId, Boolean(visit.personId));
  const known = visit.personId
    ? (options.data?.items ?? []).map((u) => ({
        value: u.id,
        label: u.id === user.id ? t('visits.form.me', { name: u.displayName }) : u.displayName,
      }))
    : [];
  for (const a of visit.assignees) {
    if (!known.some((o) => o.value === a.id)) known.push({ value: a.id, label: a.displayName });
  }
  const server = fieldErrorsFor(change.error, PATCH_FIELDS);
  const stale = change.error instanceof ApiError && change.error.status === 409;

  const save = () => {
    const parsed = parseBuddhistDate(date);
    if (!parsed.ok || !parsed.iso || !/^\d{2}:\d{2}$/.test(time)) {
      return setDateError(t('visits.form.dateIncomplete'));
    }
    setDateError(undefined);
    const body: VisitPatch = {
      version: visit.version,
      startsAt: thaiInstant(parsed.iso, time),
      durationMinutes: Number(duration),
      assigneeIds,
    };
    change.mutate(body, { onSuccess: () => notifySuccess(t('visits.view.rescheduled')) });
  };

  return (
    <Stack gap="sm" pt="sm">
      <DateFields
        legend={t('visits.form.date')}
        value={date}
        onChange={setDate}
        error={dateError ?? server.byField.startsAt}
      />
      <Group grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          type="time"
          size="md"
          label={t('visits.form.time')}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
        />
        <NativeSelect
          size="md"
          label={t('visits.form.duration')}
          value={duration}
          onChange={(e) => setDuration(e.currentTarget.value)}
          data={DURATIONS.map((m) => ({ value: String(m), label: t('visits.minutes', { count: m }) }))}
        />
      </Group>
      <MultiSelect
        size="md"
        label={t('visits.form.assignees')}
        description={t('visits.form.assigneesHint')}
        data={known}
        value={assigneeIds}
        onChange={setAssigneeIds}
        searchable
        error={server.byField.assigneeIds}
      />
      {stale ? (
        <Notice color="yellow" title={t('visits.view.stale')} />
      ) : (
        change.error && <ErrorAlert error={change.error} shownFields={Object.keys(server.byField)} />
      )}
      {change.data && change.data.warnings.length > 0 && (
        <WarningNotices
          warnings={change.data.warnings}
          meId={user.id}
          thisPersonId={visit.personId ?? undefined}
          thisVisitId={visit.id}
          userNames={new Map(change.data.assignees.map((a) => [a.id, a.displayName]))}
        />
      )}
      <Button size="md" onClick={save} loading={change.isPending}>
        {t('visits.view.rescheduleSave')}
      </Button>
    </Stack>
  );
}

function CancelButton({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const cancel = useCancelVisit(visit.id);
  const confirm = () => {
    if (!reason.trim()) return setMissing(true);
    cancel.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('visits.view.cancelled'));
          close();
        },
      },
    );
  };
  return (
    <>
      <Button color="red.9" variant="outline" size="md" onClick={open}>
        {t('visits.view.cancel')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('visits.view.cancel')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('visits.view.cancelQuestion')}</Text>
          <Textarea
            size="md"
            label={t('visits.view.cancelReason')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : undefined}
            data-autofocus
          />
          {cancel.error && <ErrorAlert error={cancel.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.back')}
            </Button>
            <Button color="red.9" loading={cancel.isPending} onClick={confirm}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function History({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  if (visit.history.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="visit-history-title">
      <Title order={2} size="h4" id="visit-history-title" mb="xs">
        {t('visits.view.history')}
      </Title>
      <List spacing={4} size="sm">
        {visit.history.map((h) => (
          <List.Item key={`${h.at}:${h.toStatus}`}>
            <DateText value={h.at} withTime /> · {t(`visits.status.${h.toStatus}`)}
            {h.actor ? ` · ${t('visits.view.historyBy', { name: h.actor.displayName })}` : ''}
            {h.note ? ` — ${h.note}` : ''}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
