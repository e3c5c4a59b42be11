import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../components/DateText.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { type ImportSummary, useRecentImports } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The last imports (checks and commits), newest first, each opening its results. */
export function RecentImports() {
  const { t } = useTranslation();
  const recent = useRecentImports();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <section aria-labelledby="recent-title">
      <Title order={2} size="h4" id="recent-title" mb="sm">
        {t('imports.recent')}
      </Title>
      {recent.isPending ? (
        <LoadingState rows={3} />
      ) : recent.error ? (
        <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />
      ) : recent.data.length === 0 ? (
        <Text c="dimmed">{t('imports.noRecent')}</Text>
      ) : wide ? (
        <ScrollTable minWidth={640} label={t('imports.recent')}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.job.file')}</Table.Th>
                <Table.Th scope="col">{t('imports.job.mode')}</Table.Th>
                <Table.Th scope="col">{t('imports.job.statusLabel')}</Table.Th>
                <Table.Th scope="col">{t('imports.job.total')}</Table.Th>
                <Table.Th scope="col">{t('imports.job.errors')}</Table.Th>
                <Table.Th scope="col">{t('imports.job.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.data.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>
                    <JobLink job={j} />
                  </Table.Td>
                  <Table.Td>{t(`imports.job.modes.${j.mode}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={j.status} />
                  </Table.Td>
                  <Table.Td>{j.total}</Table.Td>
                  <Table.Td>{j.errorCount}</Table.Td>
                  <Table.Td>
                    <DateText value={j.createdAt} withTime />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {recent.data.map((j) => (
            <Paper component="li" key={j.id} withBorder p="sm">
              <JobLink job={j} />
              <Text size="sm">
                {t(`imports.job.modes.${j.mode}`)} · <DateText value={j.createdAt} withTime />
              </Text>
              <StatusBadge status={j.status} />{' '}
              <Badge variant="light" color={j.errorCount ? 'red' : 'gray'}>
                {t('imports.job.errors')} {j.errorCount}
              </Badge>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

function JobLink({ job }: { job: ImportSummary }) {
  return (
    <Anchor component={Link} to={`/imports/${job.id}`} fw={700} className="touch break-anywhere">
      {job.fileName}
    </Anchor>
  );
}
