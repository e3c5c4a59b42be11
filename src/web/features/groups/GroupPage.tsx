import { Anchor, Badge, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCan } from '../auth/session.ts';
import { ActivityFeed } from './ActivityFeed.tsx';
import { useGroup, useUpdateGroup } from './api.ts';
import { GroupForm } from './GroupForm.tsx';
import { GroupHome } from './GroupHome.tsx';
import { groupStatus, periodText, roleLabel, statusColor } from './labels.ts';
import { MembersTab } from './MembersTab.tsx';
import { PeopleTab } from './PeopleTab.tsx';
import type { Group as GroupData } from './types.ts';

const TABS = ['home', 'members', 'people', 'activity'] as const;
type Tab = (typeof TABS)[number];

/** `/groups/:id`: the group's home, its members, its people and what partners did. */
export default function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const group = useGroup(id);
  if (group.isPending) return <LoadingState rows={6} />;
  if (group.error) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('groups.title')} />
        <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />
      </>
    );
  }
  return <GroupView group={group.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/groups" className="touch" mb="sm" display="inline-block">
      ← {t('groups.back')}
    </Anchor>
  );
}

function GroupView({ group: g }: { group: GroupData }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const manager = can({ action: 'group.manage', areaCode: g.areaCode, role: g.myRole });
  const listsPeople = can({ action: 'group.listPersons', areaCode: g.areaCode, role: g.myRole });
  const tabs = TABS.filter((x) => x !== 'people' || listsPeople);
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? 'home';
  const setTab = (v: string | null) => setParams(v && v !== 'home' ? { tab: v } : {}, { replace: true });
  const status = groupStatus(g);
  const lang = i18n.language === 'en' ? 'en' : 'th';

  return (
    <>
      <BackLink />
      <PageTitle
        title={g.name}
        intro={
          <>
            {g.areaName ? t('areas.prefix.subdistrict', { name: g.areaName }) : g.areaCode} ·{' '}
            {periodText(t, g, i18n.language)}
          </>
        }
        actions={manager && <EditGroupDialog group={g} />}
      />
      <Stack gap="md">
        <Group gap="xs">
          <Badge color={statusColor[status]} variant="light" size="lg">
            {t(`groups.status.${status}`)}
          </Badge>
          <Text size="sm">
            {g.myRole ? t('groups.myRole', { role: roleLabel(t, g.myRole) }) : t('groups.viaArea')}
          </Text>
          <Anchor component={Link} to={`/reports?group=${g.id}`} className="touch">
            {t('groups.reportLink')}
          </Anchor>
        </Group>
        {g.purpose && <Text className="break-anywhere">{g.purpose}</Text>}
        {status === 'ended' && g.endsAt && (
          <Notice color="gray" title={t('groups.endedTitle')}>
            <Text size="sm">{t('groups.endedBody', { date: formatDate(g.endsAt, lang) })}</Text>
          </Notice>
        )}
        {status === 'notStarted' && (
          <Notice color="blue" title={t(`groups.status.notStarted`)}>
            <Text size="sm">{t('groups.notStartedBody', { date: formatDate(g.startsOn, lang) })}</Text>
          </Notice>
        )}
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label={t('groups.tabs.label')} grow>
            {tabs.map((x) => (
              <Tabs.Tab key={x} value={x}>
                {t(`groups.tabs.${x}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="home" pt="md">
            <GroupHome groupId={g.id} manager={manager} onAllActivity={() => setTab('activity')} />
          </Tabs.Panel>
          <Tabs.Panel value="members" pt="md">
            <MembersTab groupId={g.id} manager={manager} />
          </Tabs.Panel>
          {listsPeople && (
            <Tabs.Panel value="people" pt="md">
              <PeopleTab group={g} manager={manager} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="activity" pt="md">
            <ActivityFeed groupId={g.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function EditGroupDialog({ group }: { group: GroupData }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const update = useUpdateGroup(group.id);
  const close = () => {
    setOpened(false);
    update.reset();
  };
  return (
    <>
      <Button variant="default" size="md" onClick={() => setOpened(true)}>
        {t('groups.form.edit')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('groups.form.edit')}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <GroupForm
          group={group}
          submitLabel={t('common.save')}
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onSubmit={(body) =>
            update.mutate(body, {
              onSuccess: () => {
                notifySuccess(t('groups.form.saved'));
                close();
              },
            })
          }
        />
      </Modal>
    </>
  );
}
