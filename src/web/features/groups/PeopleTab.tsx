import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../core/schemas/index.ts';
import { ApiError } from '../../app/api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { personName } from '../persons/labels.ts';
import { PersonSelect } from '../persons/PersonSelect.tsx';
import {
  useAssign,
  useAssignmentHistory,
  useDischarge,
  useEnrol,
  useGroupMembers,
  useGroupPersons,
  useUnassign,
} from './api.ts';
import { LevelsLine } from './LevelsLine.tsx';
import type { Group as GroupData, GroupMember, GroupPersonRow, IdentifiedRow } from './types.ts';

/**
 * The group's people as the signed-in member may see them: named rows for
 * those they may know, a code for the rest. Admins enrol, discharge and assign.
 */
export function PeopleTab({ group, manager }: { group: GroupData; manager: boolean }) {
  const { t } = useTranslation();
  const persons = useGroupPersons(group.id, group.active);
  const members = useGroupMembers(group.id);
  const caseMembers = (members.data?.items ?? []).filter(
    (m) => m.role === 'case_worker' || m.role === 'volunteer',
  );
  const items = persons.data?.pages.flatMap((p) => p.items) ?? [];

  if (!group.active) return <Notice color="gray" title={t('groups.people.endedNote')} />;
  const forbidden = persons.error instanceof ApiError && persons.error.status === 403;
  if (forbidden) return <Notice color="blue" title={t('groups.people.viewerNote')} />;
  return (
    <Stack gap="md">
      {manager && (
        <Group justify="flex-end">
          <EnrolDialog group={group} />
        </Group>
      )}
      {!manager && items.some((i) => i.view === 'pseudonymous') && (
        <Text size="sm" c="dimmed">
          {t('groups.people.pseudonymousNote')}
        </Text>
      )}
      {persons.isPending ? (
        <LoadingState rows={5} />
      ) : persons.error && items.length === 0 ? (
        <ErrorAlert error={persons.error} onRetry={() => void persons.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          title={t('groups.people.empty')}
          hint={manager ? t('groups.people.emptyHintAdmin') : undefined}
        />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((row, i) => (
            <PersonRow
              key={row.view === 'identified' ? row.personId : `${row.alias}-${i}`}
              groupId={group.id}
              row={row}
              manager={manager}
              caseMembers={caseMembers}
            />
          ))}
        </Stack>
      )}
      {persons.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void persons.fetchNextPage()}
          loading={persons.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function PersonRow({
  groupId,
  row,
  manager,
  caseMembers,
}: {
  groupId: string;
  row: GroupPersonRow;
  manager: boolean;
  caseMembers: GroupMember[];
}) {
  const { t } = useTranslation();
  const sex = row.sex === 'male' || row.sex === 'female' ? t(`groups.people.sex.${row.sex}`) : row.sex;
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        {row.view === 'identified' ? (
          <Group gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to={`/persons/${row.personId}`}
              fw={700}
              className="touch break-anywhere"
            >
              {personName(row, t)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {sex} · {t('groups.people.age', { count: row.age })} ·{' '}
              {row.villageName ?? t('groups.people.noVillage')}
            </Text>
          </Group>
        ) : (
          <Group gap="xs" wrap="wrap">
            <Badge variant="outline" color="gray.8" size="lg" ff="monospace">
              {row.alias}
            </Badge>
            <Text size="sm">
              <Text span fw={700}>
                {t('groups.people.pseudonymous')}
              </Text>{' '}
              · {sex} · {t('groups.people.ageBand', { band: row.ageBand })} ·{' '}
              {row.villageName ?? t('groups.people.noVillage')}
            </Text>
          </Group>
        )}
        <LevelsLine levels={row.levels} />
        <Text size="sm">
          {t('groups.people.assignee')}: {row.assignee?.displayName ?? t('groups.people.unassigned')}
        </Text>
        {manager && row.view === 'identified' && (
          <ManageRow groupId={groupId} row={row} caseMembers={caseMembers} />
        )}
      </Stack>
    </Paper>
  );
}

function ManageRow({
  groupId,
  row,
  caseMembers,
}: {
  groupId: string;
  row: IdentifiedRow;
  caseMembers: GroupMember[];
}) {
  const { t } = useTranslation();
  const assign = useAssign(groupId);
  const unassign = useUnassign(groupId);
  const discharge = useDischarge(groupId);
  const [reason, setReason] = useState('');
  const name = personName(row, t);
  const error = assign.error ?? unassign.error ?? discharge.error;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {caseMembers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('groups.people.noCaseMembers')}
          </Text>
        ) : (
          <Select
            label={t('groups.people.assignTo')}
            aria-label={t('groups.people.assignLabel', { name })}
            size="md"
            w={240}
            data={caseMembers.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={row.assignee?.userId ?? null}
            allowDeselect={false}
            disabled={assign.isPending}
            onChange={(userId) =>
              userId &&
              userId !== row.assignee?.userId &&
              assign.mutate(
                { personId: row.personId, userId },
                { onSuccess: () => notifySuccess(t('groups.people.assigned')) },
              )
            }
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {row.assignee && (
          <Button
            variant="default"
            size="md"
            aria-label={t('groups.people.unassignLabel', { name })}
            loading={unassign.isPending}
            onClick={() =>
              unassign.mutate(
                { personId: row.personId },
                { onSuccess: () => notifySuccess(t('groups.people.unassignedDone')) },
              )
            }
          >
            {t('groups.people.unassign')}
          </Button>
        )}
        <HistoryDialog groupId={groupId} personId={row.personId} name={name} />
        <ConfirmButton
          label={t('groups.people.discharge')}
          ariaLabel={t('groups.people.dischargeLabel', { name })}
          variant="outline"
          size="md"
          loading={discharge.isPending}
          question={
            <Stack gap="sm" component="span">
              <Text component="span">{t('groups.people.dischargeQuestion', { name })}</Text>
              <Textarea
                label={t('groups.people.reason')}
                maxLength={500}
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            </Stack>
          }
          onConfirm={() =>
            discharge
              .mutateAsync(
                { personId: row.personId, reason: reason.trim() || undefined },
                { onSuccess: () => notifySuccess(t('groups.people.discharged')) },
              )
              .catch(() => undefined)
          }
        />
      </Group>
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}

function HistoryDialog({ groupId, personId, name }: { groupId: string; personId: string; name: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const history = useAssignmentHistory(groupId, opened ? personId : null);
  const items = history.data?.items ?? [];
  return (
    <>
      <Button
        variant="subtle"
        size="md"
        aria-label={t('groups.people.historyLabel', { name })}
        onClick={() => setOpened(true)}
      >
        {t('groups.people.history')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('groups.people.historyTitle', { name })}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {history.isPending ? (
          <LoadingState rows={2} />
        ) : history.error ? (
          <ErrorAlert error={history.error} />
        ) : items.length === 0 ? (
          <Text>{t('groups.people.historyEmpty')}</Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((a) => (
              <li key={`${a.userId}-${a.assignedAt}`}>
                <Text fw={700}>{a.displayName}</Text>
                <Text size="sm">
                  <DateText value={a.assignedAt} withTime /> –{' '}
                  {a.endedAt ? <DateText value={a.endedAt} withTime /> : t('groups.people.historyNow')}
                </Text>
                {a.assignedByName && (
                  <Text size="sm" c="dimmed">
                    {t('groups.people.historyBy', { name: a.assignedByName })}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** Enrol from a search of the area's registry; the person's consent to share within a group is shown first. */
function EnrolDialog({ group }: { group: GroupData }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [person, setPerson] = useState<Person | null>(null);
  const enrol = useEnrol(group.id);
  const close = () => {
    setOpened(false);
    setPerson(null);
    enrol.reset();
  };
  const consent = person?.consent.shareGroup;
  return (
    <>
      <Button size="md" onClick={() => setOpened(true)}>
        {t('groups.people.enrol')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('groups.people.enrolTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!person) return;
            enrol.mutate(
              { personId: person.id },
              {
                onSuccess: () => {
                  notifySuccess(t('groups.people.enrolled'));
                  close();
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <PersonSelect
              label={t('groups.people.enrolSearch')}
              required
              area={group.villageCodes.length === 1 ? group.villageCodes[0] : group.areaCode}
              value={person?.id ?? null}
              onChange={(_id, p) => {
                setPerson(p);
                enrol.reset();
              }}
            />
            {person && (
              <Notice
                color={consent ? 'teal' : 'yellow'}
                title={consent ? t('groups.people.consentOk') : t('groups.people.consentMissing')}
              >
                {!consent && (
                  <Anchor component={Link} to={`/persons/${person.id}?tab=consent`} size="sm" fw={700}>
                    {t('groups.people.openPerson')}
                  </Anchor>
                )}
              </Notice>
            )}
            {enrol.error && <ErrorAlert error={enrol.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" size="md" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="md" loading={enrol.isPending} disabled={!person || !consent}>
                {t('groups.people.enrolSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
