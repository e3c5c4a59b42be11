import { Anchor, Badge, Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Level } from '../../../core/instruments/index.ts';
import { groupRoles } from '../../../core/schemas/group.ts';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LevelIcon, levelColor } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { personName } from '../persons/labels.ts';
import { ActivityFeed } from './ActivityFeed.tsx';
import { useGroupHome } from './api.ts';
import { monthText, roleLabel } from './labels.ts';
import { DIMENSIONS, type GroupHome as Home } from './types.ts';

const LEVELS: Level[] = ['green', 'yellow', 'red'];

/** The group's overview: members by role, people and their latest levels, who is due, recent activity. */
export function GroupHome({
  groupId,
  manager,
  onAllActivity,
}: {
  groupId: string;
  /** Runs the group (sees everyone due). */
  manager: boolean;
  onAllActivity: () => void;
}) {
  const { t } = useTranslation();
  const home = useGroupHome(groupId);
  if (home.isPending) return <LoadingState rows={6} />;
  if (home.error) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const h = home.data;
  return (
    <Stack gap="xl">
      <section aria-labelledby="group-members-title">
        <Title order={2} size="h3" id="group-members-title" mb="sm">
          {t('groups.home.membersTitle')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
          {groupRoles.map((role) => (
            <Stat key={role} label={roleLabel(t, role)} value={h.membersByRole[role] ?? 0} />
          ))}
          <Stat label={t('groups.home.enrolled')} value={h.enrolled} />
          <Stat label={t('groups.home.screened')} value={h.screened} />
        </SimpleGrid>
      </section>
      <LevelsSection home={h} />
      <DueSection home={h} manager={manager} />
      <section aria-labelledby="group-recent-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="group-recent-title">
            {t('groups.home.recent')}
          </Title>
          <Anchor component="button" type="button" onClick={onAllActivity} className="touch">
            {t('groups.home.allActivity')}
          </Anchor>
        </Group>
        <ActivityFeed groupId={groupId} limit={5} />
      </section>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** A table (the numbers) with a bar per dimension beside it (the picture, hidden from screen readers). */
function LevelsSection({ home: h }: { home: Home }) {
  const { t } = useTranslation();
  const cell = (n: number | null) => (n === null ? t('groups.home.hidden') : String(n));
  return (
    <section aria-labelledby="group-levels-title">
      <Title order={2} size="h3" id="group-levels-title">
        {t('groups.home.levelsTitle')}
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {t('groups.home.levelsIntro')}
      </Text>
      {h.screened === 0 ? (
        <Text>{t('groups.home.noScreenings')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={420}>
            <Table striped withTableBorder verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('groups.home.dimension')}</Table.Th>
                  {LEVELS.map((level) => (
                    <Table.Th scope="col" key={level}>
                      <Group gap={6} wrap="nowrap">
                        <LevelIcon level={level} size={18} />
                        {t(`screenings.level.${level}`)}
                      </Group>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {DIMENSIONS.map((d) => {
                  const row = h.levels[d];
                  return (
                    <Table.Tr key={d}>
                      <Table.Th scope="row">
                        {t(`screenings.dimensions.${d}`)}
                        <Bar cells={row} />
                      </Table.Th>
                      {LEVELS.map((level) => (
                        <Table.Td key={level} data-cell={`${d}.${level}`}>
                          {cell(row[level])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {h.suppressed && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('groups.home.suppressedNote')}
            </Text>
          )}
        </>
      )}
    </section>
  );
}

/** Stacked shares of the known cells; a hidden cell draws nothing rather than a guess. */
function Bar({ cells }: { cells: Record<Level, number | null> }) {
  const total = LEVELS.reduce((sum, l) => sum + (cells[l] ?? 0), 0);
  if (total === 0) return null;
  return (
    <Box
      aria-hidden="true"
      mt={4}
      style={{ display: 'flex', height: 10, minWidth: 96, borderRadius: 4, overflow: 'hidden' }}
    >
      {LEVELS.map((l) =>
        cells[l] ? (
          <Box key={l} style={{ width: `${((cells[l] ?? 0) / total) * 100}%`, background: levelColor[l] }} />
        ) : null,
      )}
    </Box>
  );
}

function DueSection({ home: h, manager }: { home: Home; manager: boolean }) {
  const { t, i18n } = useTranslation();
  const { due } = h;
  const hidden = t('groups.home.hidden');
  return (
    <section aria-labelledby="group-due-title">
      <Title order={2} size="h3" id="group-due-title">
        {t('groups.home.dueTitle', { month: monthText(t, due.month, i18n.language) })}
      </Title>
      <Text mb="sm">
        {due.count === 0
          ? t('groups.home.dueNone')
          : t('groups.home.dueSummary', { due: due.count ?? hidden, done: due.done ?? hidden })}
      </Text>
      {!manager && due.count !== 0 && (
        <Text size="sm" fw={700} mb="xs">
          {due.items.length === 0 ? t('groups.home.dueNoneMine') : t('groups.home.dueMine')}
        </Text>
      )}
      {due.items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {due.items.map((p) => (
            <Paper component="li" key={p.personId} withBorder p="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/persons/${p.personId}`} fw={700} className="touch">
                    {personName(p, t)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {p.villageName ?? t('groups.people.noVillage')} · {t('groups.home.lastScreened')}:{' '}
                    {p.lastScreenedAt ? (
                      <DateText value={p.lastScreenedAt} />
                    ) : (
                      t('groups.home.neverScreened')
                    )}
                    {p.assignee ? ` · ${p.assignee.displayName}` : ''}
                  </Text>
                </Stack>
                {p.overdue && (
                  <Badge color="red" variant="light">
                    {t('groups.home.overdue')}
                  </Badge>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {manager && !due.complete && due.items.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('groups.home.dueMore')}
        </Text>
      )}
    </section>
  );
}
