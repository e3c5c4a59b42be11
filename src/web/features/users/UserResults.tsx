import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../core/schemas/index.ts';
import { DateText } from '../../components/DateText.tsx';

export function UserResults({ items }: { items: readonly User[] }) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return wide ? <UserTable items={items} /> : <UserCards items={items} />;
}

function UserTable({ items }: { items: readonly User[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.field.displayName')}</Table.Th>
            <Table.Th scope="col">{t('users.field.roles')}</Table.Th>
            <Table.Th scope="col">{t('users.field.organization')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">{t('users.field.lastLogin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <UserLink user={user} />
              </Table.Td>
              <Table.Td>
                <Roles user={user} />
              </Table.Td>
              <Table.Td>{user.organizationName ?? t('common.none')}</Table.Td>
              <Table.Td>
                <Status user={user} />
              </Table.Td>
              <Table.Td>
                {user.lastLoginAt ? <DateText value={user.lastLoginAt} withTime /> : t('users.never')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserCards({ items }: { items: readonly User[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((user) => (
        <Paper component="li" key={user.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <UserLink user={user} />
            <Status user={user} />
          </Group>
          <Roles user={user} />
          <Text size="sm" c="dimmed" mt={4}>
            {user.organizationName ?? t('users.noOrganization')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function UserLink({ user }: { user: User }) {
  return (
    <div>
      <Anchor component={Link} to={`/users/${user.id}`} fw={700} className="touch">
        {user.displayName}
      </Anchor>
      <Text size="sm" c="dimmed">
        {user.username}
      </Text>
    </div>
  );
}

function Roles({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.roles.map((role) => (
        <Badge key={role} variant="light">
          {t(`enums.role.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

function Status({ user }: { user: User }) {
  const { t } = useTranslation();
  return user.disabled ? (
    <Badge color="red" variant="light">
      {t('users.disabledStatus')}
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      {t('users.active')}
    </Badge>
  );
}
