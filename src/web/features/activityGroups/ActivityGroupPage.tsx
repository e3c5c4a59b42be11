import { Anchor, Box, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get } from '../../app/api.ts';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan } from '../auth/session.ts';
import { personName } from '../persons/labels.ts';
import { planKeys } from '../plans/api.ts';
import { dimensionLabel, LatestProgressLine } from '../plans/parts.tsx';
import type { Plan } from '../plans/types.ts';
import { useActivityGroup } from './api.ts';
import { attendanceRate, groupTotals, newestFirst } from './attendance.ts';
import { AreaName, AttendanceBadge } from './parts.tsx';
import type { ActivityGroupDetail, ActivityGroupMember } from './types.ts';

/** `/activity-groups/:id`: who is in the group, how each is doing, and the sessions held. */
export default function ActivityGroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const group = useActivityGroup(id);
  const back = (
    <Anchor component={Link} to="/activity-groups" size="sm" mb="xs" display="inline-block">
      ← {t('activityGroups.title')}
    </Anchor>
  );
  if (group.isPending) {
    return (
      <Box maw={760}>
        {back}
        <LoadingState rows={6} />
      </Box>
    );
  }
  if (group.error) {
    return (
      <Box maw={760}>
        {back}
        <PageTitle title={t('activityGroups.title')} />
        <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />
      </Box>
    );
  }
  return (
    <Box maw={760}>
      {back}
      <GroupView group={group.data} />
    </Box>
  );
}

function GroupView({ group: g }: { group: ActivityGroupDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const totals = groupTotals(g.sessions);
  const mayRecord =
    g.members.length > 0 &&
    can({ action: 'activityGroup.manage', areaCode: g.areaCode, organizationId: g.organizationId });
  const record = mayRecord && (
    <Button component={Link} to={`/activity-groups/${g.id}/attendance`} size="lg">
      {t('activityGroups.page.record')}
    </Button>
  );

  return (
    <Stack gap="lg">
      <PageTitle title={g.name} intro={g.activityTitle} actions={record} />
      <FactList
        facts={[
          {
            label: t('activityGroups.activity'),
            value: `${g.activityTitle} (${dimensionLabel(t, g.dimension)})`,
          },
          { label: t('activityGroups.area'), value: <AreaName code={g.areaCode} /> },
          { label: t('activityGroups.schedule'), value: g.schedule ?? t('activityGroups.noSchedule') },
          { label: t('activityGroups.organization'), value: g.organizationName ?? t('common.none') },
        ]}
      />

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ag-summary">
        <Title order={2} size="h4" id="ag-summary" mb="sm">
          {t('activityGroups.page.summary')}
        </Title>
        <Group gap="lg" wrap="wrap" data-group-summary="">
          <div>
            <Text size="sm" c="dimmed">
              {t('activityGroups.page.membersCount')}
            </Text>
            <Text fw={700} fz="xl" data-member-count={g.memberCount}>
              {t('activityGroups.page.membersValue', { count: g.memberCount })}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('activityGroups.page.sessionsHeld')}
            </Text>
            <Text fw={700} fz="xl" data-sessions-held={totals.sessions}>
              {t('activityGroups.page.sessionsCount', { count: totals.sessions })}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('activityGroups.page.rate')}
            </Text>
            <AttendanceBadge rate={totals.rate} />
          </div>
        </Group>
      </Paper>

      <Stack component="section" gap="sm" aria-labelledby="ag-members">
        <Title order={2} size="h3" id="ag-members">
          {t('activityGroups.page.membersTitle')}
        </Title>
        {g.members.length === 0 && g.otherMembers === 0 ? (
          <Empty title={t('activityGroups.page.noMembers')} hint={t('activityGroups.page.noMembersHint')} />
        ) : (
          <Members members={g.members} />
        )}
        {g.otherMembers > 0 && (
          <Text c="dimmed" data-other-members={g.otherMembers}>
            {t('activityGroups.page.otherMembers', { count: g.otherMembers })}
          </Text>
        )}
      </Stack>

      <Stack component="section" gap="sm" aria-labelledby="ag-sessions">
        <Title order={2} size="h3" id="ag-sessions">
          {t('activityGroups.page.sessionsTitle')}
        </Title>
        {g.sessions.length === 0 ? (
          <Empty title={t('activityGroups.page.noSessions')} />
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {newestFirst(g.sessions).map((s) => (
              <Paper component="li" key={s.heldOn} withBorder p="sm" radius="md" data-session={s.heldOn}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={700}>
                    <DateText value={s.heldOn} />
                  </Text>
                  <Text>
                    {t('activityGroups.page.sessionLine', { present: s.present, absent: s.absent })}
                  </Text>
                  <AttendanceBadge rate={attendanceRate(s.present, s.present + s.absent)} size="md" />
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

/** Each identified member: their attendance, and the latest monthly report on this activity from their plan. */
function Members({ members }: { members: readonly ActivityGroupMember[] }) {
  const { t } = useTranslation();
  const plans = useQueries({
    queries: members.map((m) => ({
      queryKey: planKeys.detail(m.planId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        get<Plan>(`/plans/${encodeURIComponent(m.planId)}`, {}, signal),
    })),
  });
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {members.map((m, i) => {
        const name = personName(m);
        const plan = plans[i];
        const activity = plan?.data?.activities.find((a) => a.id === m.planActivityId);
        return (
          <Paper component="li" key={m.planActivityId} withBorder p="sm" radius="md" data-member={m.personId}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/plans/${m.planId}`}
                  fw={700}
                  fz="lg"
                  className="touch break-anywhere"
                  aria-label={t('activityGroups.page.openPlan', { name })}
                >
                  {name}
                </Anchor>
                <AttendanceBadge rate={attendanceRate(m.attended, m.sessions)} size="md" />
              </Group>
              <Text size="sm">
                {m.sessions === 0
                  ? t('activityGroups.page.notYet')
                  : t('activityGroups.page.attended', { attended: m.attended, sessions: m.sessions })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('activityGroups.page.latest')}
              </Text>
              {plan?.isPending ? (
                <Skeleton h={24} w="60%" />
              ) : plan?.error ? (
                <Text size="sm" c="dimmed">
                  {t('activityGroups.page.latestFailed')}
                </Text>
              ) : (
                <LatestProgressLine progress={activity?.latestProgress ?? null} />
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
