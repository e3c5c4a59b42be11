import { Anchor, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrorsFor } from '../../app/validation.ts';
import type { BuddhistDate } from '../../components/buddhistDate.ts';
import { parseBuddhistDate } from '../../components/buddhistDate.ts';
import { DateFields } from '../../components/DateFields.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { personName } from '../persons/labels.ts';
import { useActivityGroup, useRecordAttendance } from './api.ts';
import {
  type AttendanceProblem,
  type Mark,
  sessionOn,
  toAttendanceBody,
  todayFields,
  unmarkedCount,
} from './attendance.ts';
import type { ActivityGroupDetail } from './types.ts';

/** `/activity-groups/:id/attendance`: who came to one session (today by default), one big toggle each. */
export default function AttendancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const group = useActivityGroup(id);
  const back = (
    <Anchor component={Link} to={`/activity-groups/${id}`} size="sm" mb="xs" display="inline-block">
      ← {group.data?.name ?? t('activityGroups.title')}
    </Anchor>
  );
  const title = t('activityGroups.attendance.title');
  return (
    <Box maw={640}>
      {back}
      <PageTitle title={title} intro={group.data?.name} />
      {group.isPending ? (
        <LoadingState rows={5} />
      ) : group.error ? (
        <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />
      ) : group.data.members.length === 0 ? (
        <Empty
          title={t('activityGroups.attendance.noMembers')}
          hint={t('activityGroups.page.noMembersHint')}
        />
      ) : (
        <AttendanceForm group={group.data} />
      )}
    </Box>
  );
}

const MARK_COLOR: Record<Mark, string> = { present: 'teal', absent: 'red' };

function AttendanceForm({ group: g }: { group: ActivityGroupDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const record = useRecordAttendance(g.id);
  const [date, setDate] = useState<BuddhistDate>(() => todayFields());
  const [marks, setMarks] = useState<Record<string, Mark | undefined>>({});
  const [problems, setProblems] = useState<AttendanceProblem[]>([]);
  const order = g.members.map((m) => m.personId);
  const parsed = parseBuddhistDate(date);
  const earlier = sessionOn(g.sessions, parsed.ok ? parsed.iso : null);
  const left = unmarkedCount(marks, order);
  const server = fieldErrorsFor(record.error, ['heldOn', 'present']).byField;

  const dateProblem = problems.find((p) => p !== 'none');
  const dateError = dateProblem ? t(`activityGroups.attendance.problem.${dateProblem}`) : server.heldOn;

  const mark = (personId: string, value: Mark) => {
    setProblems((p) => p.filter((x) => x !== 'none'));
    setMarks((all) => ({ ...all, [personId]: all[personId] === value ? undefined : value }));
  };

  function save() {
    const result = toAttendanceBody(date, marks, order);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    record.mutate(result.body, {
      onSuccess: (saved) => {
        notifySuccess(
          t('activityGroups.attendance.saved', { present: saved.present, recorded: saved.recorded }),
        );
        navigate(`/activity-groups/${g.id}`);
      },
    });
  }

  return (
    <Stack gap="lg">
      <DateFields
        legend={t('activityGroups.attendance.date')}
        value={date}
        onChange={(next) => {
          setDate(next);
          setProblems((p) => p.filter((x) => x === 'none'));
        }}
        error={dateError}
      />
      {earlier && (
        <Notice
          color="blue"
          title={t('activityGroups.attendance.already', { present: earlier.present, absent: earlier.absent })}
          data-earlier-session=""
        >
          <Text size="sm">{t('activityGroups.attendance.alreadyHint')}</Text>
        </Notice>
      )}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fw={700} aria-live="polite">
          {left > 0
            ? t('activityGroups.attendance.unmarked', { count: left })
            : t('activityGroups.attendance.allMarked')}
        </Text>
        <Button
          variant="default"
          size="md"
          onClick={() => setMarks(Object.fromEntries(order.map((id) => [id, 'present' as const])))}
        >
          {t('activityGroups.attendance.allPresent')}
        </Button>
      </Group>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {g.members.map((m) => {
          const name = personName(m);
          const current = marks[m.personId];
          const labelId = `att-${m.personId}`;
          return (
            <Paper
              component="li"
              key={m.personId}
              withBorder
              p="sm"
              radius="md"
              data-attendance-person={m.personId}
              data-mark={current ?? ''}
              style={
                current
                  ? { borderColor: `var(--mantine-color-${MARK_COLOR[current]}-7)`, borderWidth: 2 }
                  : undefined
              }
            >
              <Stack gap="xs">
                <Text fw={700} fz="lg" id={labelId} className="break-anywhere">
                  {name}
                </Text>
                <Group role="group" aria-labelledby={labelId} gap="xs" grow preventGrowOverflow={false}>
                  {(['present', 'absent'] as const).map((value) => {
                    const on = current === value;
                    return (
                      <Button
                        key={value}
                        size="xl"
                        px="xs"
                        variant={on ? 'filled' : 'default'}
                        color={`${MARK_COLOR[value]}.9`}
                        aria-pressed={on}
                        onClick={() => mark(m.personId, value)}
                      >
                        {on && <span aria-hidden="true">✓&nbsp;</span>}
                        {t(`activityGroups.attendance.${value}`)}
                      </Button>
                    );
                  })}
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {g.otherMembers > 0 && (
        <Text size="sm" c="dimmed">
          {t('activityGroups.attendance.others', { count: g.otherMembers })}
        </Text>
      )}
      {problems.includes('none') && (
        <Text c="red.9" fw={600} role="alert">
          {t('activityGroups.attendance.problem.none')}
        </Text>
      )}
      {record.error && (
        <ErrorAlert error={record.error} onRetry={save} shownFields={server.heldOn ? ['heldOn'] : []} />
      )}
      <Button size="xl" onClick={save} loading={record.isPending}>
        {t('activityGroups.attendance.save')}
      </Button>
    </Stack>
  );
}
