import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganizationListItem } from '../../../core/schemas/index.ts';
import { serviceLabel } from './labels.ts';
import { DistanceBadge, HoursText, OpenNowBadge } from './parts.tsx';

/** The directory's answer, nearest first: one card per centre with what a caller needs to decide. */
export function DirectoryResults({ items }: { items: readonly OrganizationListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((org) => (
        <Paper component="li" key={org.id} withBorder p="md" radius="md" data-organization={org.id}>
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Anchor component={Link} to={`/organizations/${org.id}`} fw={700} fz="lg" className="touch">
                  {org.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`enums.organizationType.${org.type}`)} · {org.areaName ?? org.areaCode}
                </Text>
              </div>
              <Group gap={6}>
                <DistanceBadge distance={org.distance} />
                <OpenNowBadge openNow={org.openNow} />
              </Group>
            </Group>
            <Group gap={4}>
              {org.tier && (
                <Badge variant="outline" color="blue.9">
                  {t(`enums.tier.${org.tier}`)}
                </Badge>
              )}
              {org.services.map((s) => (
                <Badge key={s} variant="light" color="teal">
                  {serviceLabel(t, s)}
                </Badge>
              ))}
            </Group>
            <HoursText hours={org.openingHours} />
            {org.phone && (
              <Anchor href={`tel:${org.phone.replace(/[^0-9+]/g, '')}`} fw={600} className="touch">
                {t('organizations.call', { phone: org.phone })}
              </Anchor>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
