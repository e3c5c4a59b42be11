import { Anchor, Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../core/schemas/index.ts';
import { AreaNames } from '../areas/AreaNames.tsx';
import { CatchmentList } from './CatchmentField.tsx';
import { serviceLabel } from './labels.ts';
import { HoursText, OpenNowBadge } from './parts.tsx';

/** The organisation as plain text, for those who may read but not edit it. */
export function OrganizationDetails({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const facts: { label: string; value: ReactNode }[] = [
    { label: t('organizations.field.name'), value: org.name },
    { label: t('organizations.field.nameEn'), value: org.nameEn || none },
    { label: t('organizations.field.type'), value: t(`enums.organizationType.${org.type}`) },
    { label: t('organizations.field.area'), value: <AreaNames codes={[org.areaCode]} empty={none} /> },
    { label: t('organizations.field.tier'), value: org.tier ? t(`enums.tier.${org.tier}`) : none },
    {
      label: t('organizations.field.phone'),
      value: org.phone ? (
        <Anchor href={`tel:${org.phone.replace(/[^0-9+]/g, '')}`}>{org.phone}</Anchor>
      ) : (
        none
      ),
    },
    {
      label: t('organizations.field.email'),
      value: org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : none,
    },
    { label: t('organizations.field.contactName'), value: org.contactName || none },
    { label: t('organizations.field.address'), value: org.address || none },
    {
      label: t('organizations.field.hours'),
      value: (
        <>
          <HoursText hours={org.openingHours} empty={none} />
          <OpenNowBadge openNow={org.openNow} />
        </>
      ),
    },
    {
      label: t('organizations.field.catchment'),
      value: <CatchmentList value={org.catchmentVillageCodes} empty={none} />,
    },
  ];

  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        {facts.map((f) => (
          <div key={f.label}>
            <Text component="dt" size="sm" c="dimmed">
              {f.label}
            </Text>
            <Text component="dd" fw={600} m={0} className="break-anywhere" style={{ whiteSpace: 'pre-line' }}>
              {f.value}
            </Text>
          </div>
        ))}
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('organizations.field.services')}
          </Text>
          <Group component="dd" gap={4} m={0} mt={4}>
            {org.services.length === 0
              ? none
              : org.services.map((s) => (
                  <Badge key={s} variant="light" color="teal">
                    {serviceLabel(t, s)}
                  </Badge>
                ))}
          </Group>
        </div>
      </SimpleGrid>
    </Paper>
  );
}
