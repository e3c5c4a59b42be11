import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organization } from '../../../core/schemas/index.ts';
import { serviceLabel } from './labels.ts';

/** A table on wide screens, cards on phones: the same facts either way. */
export function OrganizationResults({ items }: { items: readonly Organization[] }) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return wide ? <OrganizationTable items={items} /> : <OrganizationCards items={items} />;
}

function OrganizationTable({ items }: { items: readonly Organization[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organizations.field.name')}</Table.Th>
            <Table.Th scope="col">{t('organizations.field.type')}</Table.Th>
            <Table.Th scope="col">{t('organizations.field.area')}</Table.Th>
            <Table.Th scope="col">{t('organizations.field.tier')}</Table.Th>
            <Table.Th scope="col">{t('organizations.field.services')}</Table.Th>
            <Table.Th scope="col">{t('organizations.field.phone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((org) => (
            <Table.Tr key={org.id}>
              <Table.Td>
                <OrganizationLink org={org} />
              </Table.Td>
              <Table.Td>{t(`enums.organizationType.${org.type}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{areaOf(org, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{org.tier ?? t('common.none')}</Table.Td>
              <Table.Td>
                <Services services={org.services} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{org.phone ?? t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OrganizationCards({ items }: { items: readonly Organization[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((org) => (
        <Paper component="li" key={org.id} withBorder p="sm">
          <OrganizationLink org={org} />
          <Text>{t(`enums.organizationType.${org.type}`)}</Text>
          <Text size="sm" c="dimmed">
            {areaOf(org, i18n.language)}
            {org.tier ? ` · ${org.tier}` : ''}
            {org.phone ? ` · ${org.phone}` : ''}
          </Text>
          <Services services={org.services} />
        </Paper>
      ))}
    </Stack>
  );
}

/** The official name is the link; the English name, if any, under it. */
function OrganizationLink({ org }: { org: Organization }) {
  return (
    <div>
      <Anchor component={Link} to={`/organizations/${org.id}`} fw={700} className="touch">
        {org.name}
      </Anchor>
      {org.nameEn && (
        <Text size="sm" c="dimmed" lang="en">
          {org.nameEn}
        </Text>
      )}
    </div>
  );
}

function Services({ services }: { services: readonly string[] }) {
  const { t } = useTranslation();
  if (services.length === 0) return null;
  return (
    <Group gap={4} mt={4}>
      {services.map((s) => (
        <Badge key={s} variant="light" color="teal">
          {serviceLabel(t, s)}
        </Badge>
      ))}
    </Group>
  );
}

function areaOf(org: Organization, language: string): string {
  return (language === 'en' ? org.areaNameEn : null) ?? org.areaName ?? org.areaCode;
}
