import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Level } from '../../../core/instruments/index.ts';
import type { MyLink } from '../../../core/schemas/citizen.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DateText } from '../../components/DateText.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { notifySuccess } from '../../components/notifySuccess.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { usePerson } from '../persons/api.ts';
import { personName } from '../persons/labels.ts';
import { PersonDetails } from '../persons/profile/PersonDetails.tsx';
import { usePersonScreenings } from '../screenings/api.ts';
import { instrumentTitle, useLang } from '../screenings/instruments.ts';
import { dimensionText } from '../screenings/words.ts';
import { AccessLog } from './AccessLog.tsx';
import { AddLinkForm } from './AddLinkForm.tsx';
import { downloadMyData, useMyLinks, useUnlink } from './api.ts';
import { MyConsents } from './MyConsents.tsx';
import { MyPlans } from './MyPlans.tsx';
import { SelfEditDialog } from './SelfEditDialog.tsx';
import { relationText } from './words.ts';

/**
 * `/me` — "ข้อมูลของฉัน / My data": the citizen's own record, screenings,
 * well-being plan (with this month's progress report), consents and who
 * looked at them; the download and the printable page; and
 * the records linked to the account (a proxy may care for two parents).
 */
export default function MyDataPage() {
  const { t } = useTranslation();
  const links = useMyLinks();
  const [params, setParams] = useSearchParams();

  let body: ReactNode;
  if (links.isPending) body = <LoadingState rows={6} />;
  else if (links.error) body = <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />;
  else if (links.data.items.length === 0) {
    body = (
      <Stack gap="lg">
        <Empty title={t('citizen.me.noLinks')} hint={t('citizen.me.noLinksHint')} />
        <AddLinkForm />
      </Stack>
    );
  } else {
    const items = links.data.items;
    const chosen = items.find((l) => l.personId === params.get('person')) ?? items[0]!;
    body = (
      <Stack gap="lg">
        {items.length > 1 && (
          <div>
            <Text fw={700} id="whose" mb={4}>
              {t('citizen.me.choose')}
            </Text>
            <SegmentedControl
              aria-labelledby="whose"
              fullWidth
              orientation={items.length > 2 ? 'vertical' : 'horizontal'}
              value={chosen.personId}
              onChange={(v) => setParams({ person: v }, { replace: true })}
              data={items.map((l) => ({
                value: l.personId,
                label: `${personName(l, t)} (${relationText(t, l.relation)})`,
              }))}
            />
          </div>
        )}
        <PersonView key={chosen.personId} link={chosen} />
        <LinkedRecords links={items} />
      </Stack>
    );
  }

  return (
    <>
      <PageTitle title={t('citizen.me.title')} intro={t('citizen.me.intro')} />
      {body}
    </>
  );
}

function PersonView({ link }: { link: MyLink }) {
  const { t } = useTranslation();
  const person = usePerson(link.personId);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  async function download() {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadMyData(link.personId);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Stack gap="lg">
      <Section
        id="my-record"
        title={personName(link, t)}
        actions={person.data && !person.data.mergedInto ? <SelfEditDialog person={person.data} /> : null}
      >
        {person.isPending ? (
          <LoadingState rows={4} />
        ) : person.error ? (
          <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
        ) : (
          <PersonDetails person={person.data} linkHousehold={false} />
        )}
      </Section>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text>{t('citizen.me.ownData')}</Text>
          <Group gap="sm" grow preventGrowOverflow={false}>
            <Button onClick={() => void download()} loading={downloading}>
              {t('citizen.me.download')}
            </Button>
            <Button component={Link} to={`/me/print?person=${link.personId}`} variant="default">
              {t('citizen.me.print')}
            </Button>
          </Group>
          {downloadError !== null && <ErrorAlert error={downloadError} />}
        </Stack>
      </Paper>
      <Section id="my-screenings" title={t('citizen.me.screenings')}>
        <Button component={Link} to={`/persons/${link.personId}/screen/wellbeing20`} size="lg">
          {t('citizen.me.screenMyself')}
        </Button>
        <MyScreenings personId={link.personId} />
      </Section>
      <Section id="my-plan" title={t('citizen.plan.title')}>
        <MyPlans personId={link.personId} />
      </Section>
      {person.data && (
        <Section id="my-consents" title={t('persons.consent.title')}>
          <MyConsents person={person.data} />
        </Section>
      )}
      <Section id="my-access" title={t('citizen.access.title')}>
        <Text c="dimmed" mb="sm">
          {t('citizen.access.intro')}
        </Text>
        <AccessLog personId={link.personId} hideMineByDefault />
      </Section>
    </Stack>
  );
}

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={2} size="h3" id={id} className="break-anywhere">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function MyScreenings({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const screenings = usePersonScreenings(personId);
  if (screenings.isPending) return <LoadingState rows={2} />;
  if (screenings.error)
    return <ErrorAlert error={screenings.error} onRetry={() => void screenings.refetch()} />;
  const items = screenings.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('citizen.me.noScreenings')}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((s) => (
        <Paper component="li" key={s.id} withBorder p="sm">
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={`/screenings/${s.id}`} fw={700}>
              {instrumentTitle(s.instrument, lang, s.version)}
            </Anchor>
            <Text size="sm">
              <DateText value={s.takenAt} />
            </Text>
          </Group>
          <Group gap="md" mt={4}>
            {Object.entries(s.levels).map(([dimension, level]) => (
              <Group key={dimension} gap={4} wrap="nowrap">
                <LevelIcon level={level as Level} size={18} />
                <Text size="sm">
                  {dimensionText(t, dimension)}: {t(`screenings.level.${level as Level}`)}
                </Text>
              </Group>
            ))}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function LinkedRecords({ links }: { links: MyLink[] }) {
  const { t } = useTranslation();
  const unlink = useUnlink();
  return (
    <Section id="my-links" title={t('citizen.me.links')}>
      <Stack gap="md">
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {links.map((l) => (
            <Paper component="li" key={l.id} withBorder p="sm">
              <Group justify="space-between" gap="sm">
                <div>
                  <Text fw={700}>{personName(l, t)}</Text>
                  <Text size="sm">
                    {relationText(t, l.relation)} · {t('citizen.links.linkedOn')}{' '}
                    <DateText value={l.linkedAt} />
                  </Text>
                </div>
                <ConfirmButton
                  label={t('citizen.me.unlink')}
                  ariaLabel={`${t('citizen.me.unlink')}: ${personName(l, t)}`}
                  question={t('citizen.me.unlinkQuestion', { name: personName(l, t) })}
                  variant="outline"
                  loading={unlink.isPending}
                  onConfirm={() =>
                    unlink.mutateAsync(l.id).then(
                      () => notifySuccess(t('citizen.me.unlinked')),
                      () => undefined,
                    )
                  }
                />
              </Group>
            </Paper>
          ))}
        </Stack>
        {unlink.error && <ErrorAlert error={unlink.error} />}
        <AddLinkForm />
      </Stack>
    </Section>
  );
}
