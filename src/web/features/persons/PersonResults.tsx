import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../core/schemas/index.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { enumLabel, houseLine, personName } from './labels.ts';

/** A table on wide screens, cards on phones: the same facts either way. */
export function PersonResults({ items }: { items: readonly Person[] }) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return wide ? <PersonTable items={items} /> : <PersonCards items={items} />;
}

function PersonTable({ items }: { items: readonly Person[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={760} label={t('persons.title')}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('persons.field.name')}</Table.Th>
            <Table.Th scope="col">{t('persons.field.age')}</Table.Th>
            <Table.Th scope="col">{t('persons.field.sex')}</Table.Th>
            <Table.Th scope="col">{t('persons.field.address')}</Table.Th>
            <Table.Th scope="col">{t('persons.field.vulnerability')}</Table.Th>
            <Table.Th scope="col">{t('persons.field.phone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <PersonLink person={p} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('persons.age', { count: p.age })}</Table.Td>
              <Table.Td>{enumLabel(t, 'sex', p.sex)}</Table.Td>
              <Table.Td>{houseLine(t, p.address)}</Table.Td>
              <Table.Td>
                <Vulnerabilities codes={p.vulnerability} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.phone ?? t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function PersonCards({ items }: { items: readonly Person[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((p) => (
        <Paper component="li" key={p.id} withBorder p="sm">
          <PersonLink person={p} />
          <Text>
            {enumLabel(t, 'sex', p.sex)} · {t('persons.age', { count: p.age })}
          </Text>
          <Text size="sm" c="dimmed">
            {houseLine(t, p.address)}
          </Text>
          <Vulnerabilities codes={p.vulnerability} />
        </Paper>
      ))}
    </Stack>
  );
}

function PersonLink({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/persons/${person.id}`} fw={700} className="touch">
      {personName(person, t)}
    </Anchor>
  );
}

export function Vulnerabilities({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return null;
  return (
    <Group gap={4} mt={4}>
      {codes.map((c) => (
        <Badge key={c} variant="light" color={c === 'bedbound' || c === 'disabled' ? 'red' : 'teal'}>
          {enumLabel(t, 'vulnerability', c)}
        </Badge>
      ))}
    </Group>
  );
}
