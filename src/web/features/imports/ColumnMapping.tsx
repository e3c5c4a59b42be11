import { Button, Collapse, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import type { Inspection } from './api.ts';

/** The person fields a spreadsheet can fill, when the server does not list them. */
const FALLBACK_FIELDS = [
  'nationalId',
  'title',
  'firstName',
  'lastName',
  'sex',
  'birthDate',
  'areaCode',
  'villageNo',
  'houseNo',
  'phone',
] as const;
export const REQUIRED = ['firstName', 'lastName', 'sex', 'birthDate'];

interface Props {
  inspection: Inspection;
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
  error?: string;
}

/** For any spreadsheet: which column holds which item, guessed by the server, checked by a person. */
export function ColumnMapping({ inspection, mapping, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const fields =
    inspection.fields ??
    FALLBACK_FIELDS.map((key) => ({
      key,
      th: t(`persons.field.${key === 'areaCode' ? 'area' : key}`),
      en: key,
      required: REQUIRED.includes(key),
    }));
  const headers = inspection.headers.map((h, i) => ({ value: h, label: h || `#${i + 1}` }));
  // What must be matched, and what the server already matched, first; the rest behind a button.
  const [first] = useState(() => new Set(Object.keys(inspection.suggestedMapping)));
  const main = fields.filter((f) => f.required || first.has(f.key));
  const rest = fields.filter((f) => !f.required && !first.has(f.key));
  const [more, { toggle }] = useDisclosure(false);
  const select = (f: (typeof fields)[number]) => (
    <Select
      key={f.key}
      label={i18n.language === 'en' ? f.en : f.th}
      required={f.required}
      clearable
      placeholder={t('imports.notMapped')}
      data={headers}
      value={mapping[f.key] ?? null}
      onChange={(header) => {
        const next = { ...mapping };
        if (header) next[f.key] = header;
        else delete next[f.key];
        onChange(next);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Stack gap="md">
      <Text>{t('imports.mappingIntro')}</Text>
      <Text size="sm" c="dimmed">
        {t('imports.encoding', { encoding: inspection.encoding })}
      </Text>
      {error && (
        <Text c="red.9" role="alert">
          {error}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {main.map(select)}
      </SimpleGrid>
      {rest.length > 0 && (
        <div>
          <Button variant="default" onClick={toggle} aria-expanded={more} aria-controls="mapping-more">
            {t('imports.moreColumns', { count: rest.length })}
          </Button>
          <Collapse expanded={more} id="mapping-more">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="sm">
              {rest.map(select)}
            </SimpleGrid>
          </Collapse>
        </div>
      )}
      {inspection.sampleRows.length > 0 && (
        <section aria-labelledby="sample-title">
          <Title order={3} size="h5" id="sample-title" mb="xs">
            {t('imports.sample')}
          </Title>
          <ScrollTable minWidth={Math.max(480, headers.length * 120)} label={t('imports.sample')}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {headers.map((h) => (
                    <Table.Th key={h.label} scope="col">
                      {h.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inspection.sampleRows.slice(0, 5).map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity
                  <Table.Tr key={r}>
                    {headers.map((h, c) => (
                      <Table.Td key={h.label}>{row[c] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </section>
      )}
    </Stack>
  );
}
