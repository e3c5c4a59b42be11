import { Button, Group, Loader, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupRoles } from '../../../core/schemas/group.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { useAddMember, useGroupMembers, useMemberCandidates, useRemoveMember } from './api.ts';
import { roleLabel } from './labels.ts';
import type { GroupMember, GroupRole } from './types.ts';

/** Who is in the group; its admins add partners from any organisation, change roles and remove members. */
export function MembersTab({ groupId, manager }: { groupId: string; manager: boolean }) {
  const { t } = useTranslation();
  const members = useGroupMembers(groupId);
  const items = members.data?.items ?? [];
  return (
    <Stack gap="md">
      {manager && (
        <Group justify="flex-end">
          <AddMemberDialog groupId={groupId} />
        </Group>
      )}
      {members.isPending ? (
        <LoadingState rows={4} />
      ) : members.error ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('groups.members.empty')} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((m) => (
            <MemberRow key={m.userId} groupId={groupId} member={m} manager={manager} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MemberRow({
  groupId,
  member: m,
  manager,
}: {
  groupId: string;
  member: GroupMember;
  manager: boolean;
}) {
  const { t } = useTranslation();
  const add = useAddMember(groupId);
  const remove = useRemoveMember(groupId);
  const roleOptions = groupRoles.map((r) => ({ value: r, label: roleLabel(t, r) }));
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Text fw={700} className="break-anywhere">
            {m.displayName}
          </Text>
          <Text size="sm">{m.organizationName ?? t('groups.members.noOrganization')}</Text>
          <Text size="sm" c="dimmed">
            {t('groups.members.addedAt')} <DateText value={m.addedAt} />
          </Text>
        </Stack>
        {manager ? (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('groups.members.changeRole', { name: m.displayName })}
              size="md"
              w={220}
              data={roleOptions}
              value={m.role}
              allowDeselect={false}
              disabled={add.isPending}
              onChange={(role) =>
                role &&
                role !== m.role &&
                add.mutate(
                  { userId: m.userId, role: role as GroupRole },
                  { onSuccess: () => notifySuccess(t('groups.members.roleChanged')) },
                )
              }
              comboboxProps={{ withinPortal: true }}
            />
            <ConfirmButton
              label={t('groups.members.remove')}
              ariaLabel={t('groups.members.removeLabel', { name: m.displayName })}
              question={t('groups.members.removeQuestion', { name: m.displayName })}
              variant="outline"
              size="md"
              loading={remove.isPending}
              onConfirm={() =>
                remove
                  .mutateAsync(
                    { userId: m.userId },
                    { onSuccess: () => notifySuccess(t('groups.members.removed')) },
                  )
                  .catch(() => undefined)
              }
            />
          </Group>
        ) : (
          <Text fw={600}>{roleLabel(t, m.role)}</Text>
        )}
      </Group>
      {(add.error || remove.error) && <ErrorAlert error={add.error ?? remove.error} />}
    </Paper>
  );
}

function AddMemberDialog({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<GroupRole>('case_worker');
  const found = useMemberCandidates(groupId, debounced);
  const add = useAddMember(groupId);
  const candidates = found.data?.items ?? [];
  const options = candidates.map((c) => ({
    value: c.id,
    label: [
      c.displayName,
      c.organizationName ?? t('groups.members.noOrganization'),
      c.roles.map((r) => t(`enums.role.${r}` as never)).join(', '),
      c.memberRole ? t('groups.members.alreadyMember', { role: roleLabel(t, c.memberRole) }) : '',
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const close = () => {
    setOpened(false);
    setUserId(null);
    setSearch('');
    add.reset();
  };

  return (
    <>
      <Button size="md" onClick={() => setOpened(true)}>
        {t('groups.members.add')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('groups.members.addTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!userId) return;
            add.mutate(
              { userId, role },
              {
                onSuccess: () => {
                  notifySuccess(t('groups.members.added'));
                  close();
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <Select
              label={t('groups.members.search')}
              description={t('groups.members.searchHint')}
              required
              searchable
              size="md"
              data={options}
              value={userId}
              onChange={setUserId}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              nothingFoundMessage={
                debounced.length < 2
                  ? t('groups.members.searchHint')
                  : found.isFetching
                    ? t('common.loading')
                    : t('groups.members.nothingFound')
              }
              rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('groups.members.role')}
              description={t(`groups.roleHint.${role}`)}
              size="md"
              allowDeselect={false}
              data={groupRoles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
              value={role}
              onChange={(r) => r && setRole(r as GroupRole)}
              comboboxProps={{ withinPortal: true }}
            />
            {add.error && <ErrorAlert error={add.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" size="md" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="md" loading={add.isPending} disabled={!userId}>
                {t('groups.members.addSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
