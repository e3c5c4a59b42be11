import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { AreaNames } from '../areas/AreaNames.tsx';
import { errorsCsvUrl, type ImportJob } from './api.ts';

const ACTION_COLORS = { create: 'teal', update: 'blue', unchanged: 'gray' } as const;

/** What committing would do to the first rows of the file. */
export function PreviewTable({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  if (job.preview.length === 0) return null;
  return (
    <section aria-labelledby="preview-title">
      <Title order={2} size="h4" id="preview-title">
        {t('imports.job.preview')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('imports.job.previewNote', { count: job.preview.length })}
      </Text>
      <ScrollTable minWidth={560} label={t('imports.job.preview')}>
        <Table striped verticalSpacing="xs" aria-labelledby="preview-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.job.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.job.mode')}</Table.Th>
              <Table.Th scope="col">{t('persons.field.name')}</Table.Th>
              <Table.Th scope="col">{t('persons.field.birthDate')}</Table.Th>
              <Table.Th scope="col">{t('persons.field.area')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.preview.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ACTION_COLORS[r.action] ?? 'gray'}>
                    {t(`imports.job.actions.${r.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.firstName} {r.lastName}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.birthDate ? formatDate(r.birthDate, lang) : ''}
                </Table.Td>
                <Table.Td>
                  <AreaNames codes={[r.areaCode]} empty={t('common.none')} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

/** Every refused row (the first ones; the report has all), with a download of the whole report. */
export function ErrorTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.errorCount === 0 && job.errors.length === 0) {
    return job.status === 'done' ? (
      <Text c="teal.9" fw={600}>
        {t('imports.job.noErrors')}
      </Text>
    ) : null;
  }
  return (
    <section aria-labelledby="errors-title">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Stack gap={0}>
          <Title order={2} size="h4" id="errors-title">
            {t('imports.job.errorsTitle')}
          </Title>
          {job.errors.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('imports.job.errorsShown', {
                shown: job.errors.length,
                total: Math.max(job.errorCount, job.errors.length),
              })}
            </Text>
          )}
        </Stack>
        <Anchor href={errorsCsvUrl(job.id)} download fw={700} className="touch">
          {t('imports.job.downloadErrors')}
        </Anchor>
      </Group>
      <ScrollTable minWidth={480} label={t('imports.job.errorsTitle')}>
        <Table striped verticalSpacing="xs" aria-labelledby="errors-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.job.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.job.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.job.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have the same column twice with different messages
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column ?? t('common.none')}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}
