import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { type Lang, say, shortTitle } from './instruments.ts';
import type { TimelineElder } from './types.ts';

/** The elders' instruments, the latest result of each per year, newest year first. */
export function EldersByYear({ elders, lang }: { elders: readonly TimelineElder[]; lang: Lang }) {
  const { t } = useTranslation();
  const rows = [...elders].sort((a, b) => b.year - a.year || a.instrument.localeCompare(b.instrument));
  return (
    <ScrollTable label={t('screenings.timeline.elders')} minWidth={320}>
      <Table withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('screenings.timeline.year')}</Table.Th>
            <Table.Th scope="col">{t('screenings.timeline.instrument')}</Table.Th>
            <Table.Th scope="col">{t('screenings.timeline.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={`${e.year}:${e.instrument}`}>
              <Table.Td>{lang === 'th' ? e.yearBE : e.year}</Table.Td>
              <Table.Td>{shortTitle(e.instrument, lang)}</Table.Td>
              <Table.Td>
                {e.results.length === 0 && t('screenings.timeline.noResult')}
                {e.results.map((r) => (
                  <Group key={r.dimension} gap={6} wrap="nowrap">
                    <LevelIcon level={r.level} size={20} />
                    <Text size="sm">{say(r.label, lang)}</Text>
                  </Group>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
