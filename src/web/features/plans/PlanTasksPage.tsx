import {
  Anchor,
  Badge,
  Button,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { planDimensions } from '../../../core/schemas/plan.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { usePlanTasks } from './api.ts';
import { dimensionLabel, LatestProgressLine } from './parts.tsx';
import type { PlanTask } from './types.ts';

/** `/plan-tasks`: the plan activities my organisation carries out, with a way to report on each. */
export default function PlanTasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const dimension = params.get('dimension') ?? '';
  const tasks = usePlanTasks(dimension);
  const items = (tasks.data?.pages ?? []).flatMap((p) => p.items);
  const wide = useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });

  return (
    <>
      <PageTitle title={t('plans.tasks.title')} intro={t('plans.tasks.intro')} />
      <Stack gap="md">
        <NativeSelect
          size="md"
          maw={360}
          label={t('plans.library.dimension')}
          value={dimension}
          onChange={(e) =>
            setParams(e.currentTarget.value ? { dimension: e.currentTarget.value } : {}, { replace: true })
          }
          data={[
            { value: '', label: t('common.all') },
            ...planDimensions.map((d) => ({ value: d, label: dimensionLabel(t, d) })),
          ]}
        />
        {tasks.isPending ? (
          <LoadingState rows={5} />
        ) : tasks.error ? (
          <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : items.length === 0 ? (
          <Empty title={t('plans.tasks.empty')} hint={t('plans.tasks.emptyHint')} />
        ) : wide ? (
          <TaskTable items={items} />
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((task) => (
              <Paper
                component="li"
                key={task.planActivityId}
                withBorder
                p="sm"
                radius="md"
                data-task={task.planActivityId}
              >
                <Stack gap={6}>
                  <Text fw={700} fz="lg" className="break-anywhere">
                    {task.title}
                  </Text>
                  <Text size="sm">
                    <PersonText task={task} />
                  </Text>
                  <Badge variant="light" styles={{ label: { textTransform: 'none' } }}>
                    {dimensionLabel(t, task.dimension)}
                  </Badge>
                  <LatestProgressLine progress={task.latestProgress} />
                  <Button component={Link} to={`/plans/${task.planId}/progress`} size="md" variant="light">
                    {t('plans.tasks.record')}
                  </Button>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {tasks.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void tasks.fetchNextPage()}
            loading={tasks.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </>
  );
}

/** Who the activity is for; a person hidden from us is said so, not guessed. */
function PersonText({ task }: { task: PlanTask }) {
  const { t } = useTranslation();
  const person = task.view === 'identified' ? task.person : null;
  const who = person ? `${person.firstName} ${person.lastName}` : t('plans.tasks.hidden');
  return (
    <>
      {person ? (
        <Anchor component={Link} to={`/persons/${person.id}`}>
          {who}
        </Anchor>
      ) : (
        who
      )}
      {task.villageName ? ` · ${task.villageName}` : ''}
    </>
  );
}

function TaskTable({ items }: { items: PlanTask[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('plans.tasks.title')} minWidth={760}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.tasks.activity')}</Table.Th>
            <Table.Th>{t('plans.tasks.person')}</Table.Th>
            <Table.Th>{t('plans.library.dimension')}</Table.Th>
            <Table.Th>{t('plans.tasks.latest')}</Table.Th>
            <Table.Th>{t('plans.library.mode')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('plans.tasks.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((task) => (
            <Table.Tr key={task.planActivityId} data-task={task.planActivityId}>
              <Table.Td fw={700}>{task.title}</Table.Td>
              <Table.Td>
                <PersonText task={task} />
              </Table.Td>
              <Table.Td>{dimensionLabel(t, task.dimension)}</Table.Td>
              <Table.Td>
                <LatestProgressLine progress={task.latestProgress} />
              </Table.Td>
              <Table.Td>{t(`plans.mode.${task.mode}`)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/plans/${task.planId}/progress`}>
                  {t('plans.tasks.record')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
