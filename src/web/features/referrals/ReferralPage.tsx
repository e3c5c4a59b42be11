import { Anchor, Badge, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Level } from '../../../core/instruments/index.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { instrumentTitle } from '../screenings/instruments.ts';
import { flagText } from '../screenings/words.ts';
import { type ReferralDetail, useReferral } from './api.ts';
import { useReferralLive } from './live.ts';
import { DueText, PersonText, ReferralBadges } from './parts.tsx';
import { ReferralActions } from './ReferralActions.tsx';

/**
 * `/referrals/:id`: the case (the person as the reader may see them), what was sent along, the history
 * of both sides, and the moves the reader may make. Kept current by the live stream.
 */
export default function ReferralPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const referral = useReferral(id);
  useReferralLive();

  return (
    <>
      <Anchor component={Link} to="/referrals" size="sm" mb="xs" display="inline-block">
        ← {t('referrals.view.back')}
      </Anchor>
      {referral.isPending ? (
        <LoadingState rows={8} />
      ) : referral.error ? (
        <>
          <PageTitle title={t('referrals.view.title')} />
          <ErrorAlert error={referral.error} onRetry={() => void referral.refetch()} />
        </>
      ) : (
        <View referral={referral.data} />
      )}
    </>
  );
}

function View({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const when = (iso: string) => formatDate(iso, lang, { withTime: true });
  const title = r.person ? `${r.person.firstName} ${r.person.lastName}` : t('referrals.view.title');

  return (
    <>
      <PageTitle title={title} />
      <Stack gap="md" data-referral={r.id} data-status={r.status}>
        <ReferralBadges referral={r} size="lg" />
        <ReferralActions referral={r} />
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-case">
          <Stack gap="md">
            <Title order={2} size="h3" id="referral-case">
              {t('referrals.view.title')}
            </Title>
            <FactList
              facts={[
                { label: t('referrals.view.person'), value: <PersonText referral={r} /> },
                { label: t('referrals.view.reason'), value: r.reason },
                {
                  label: t('referrals.view.disciplines'),
                  value:
                    r.disciplines.length > 0
                      ? r.disciplines.map((d) => t(`referrals.discipline.${d}`)).join(', ')
                      : t('referrals.view.anyDiscipline'),
                },
                { label: t('referrals.view.due'), value: <DueText referral={r} bare /> },
                {
                  label: t('referrals.view.from'),
                  value: r.fromOrganization
                    ? `${r.fromUser.name} · ${r.fromOrganization.name}`
                    : r.fromUser.name,
                },
                { label: t('referrals.view.to'), value: r.toOrganization.name },
                { label: t('referrals.view.sentAt'), value: when(r.createdAt) },
                ...(r.assignedUser
                  ? [{ label: t('referrals.view.acceptedBy'), value: r.assignedUser.name }]
                  : []),
                ...(r.closedAt ? [{ label: t('referrals.view.closedAt'), value: when(r.closedAt) }] : []),
              ]}
            />
          </Stack>
        </Paper>
        <SharedSection referral={r} />
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-history">
          <Stack gap="md">
            <Title order={2} size="h3" id="referral-history">
              {t('referrals.view.history')}
            </Title>
            <Timeline active={r.history.length - 1} bulletSize={18} lineWidth={2}>
              {r.history.map((e) => (
                <Timeline.Item key={e.id} title={t(`referrals.event.${e.toStatus}`)} data-event={e.toStatus}>
                  <Text size="sm" c="dimmed">
                    <time dateTime={e.at}>{when(e.at)}</time> ·{' '}
                    {e.actor
                      ? t('referrals.view.by', { name: e.actor.name })
                      : t('referrals.view.byReceiver')}
                  </Text>
                  {e.note && (
                    <Text size="sm" mt={4} className="break-anywhere" style={{ whiteSpace: 'pre-line' }}>
                      “{e.note}”
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

/** The screening's levels and flags and the plan's activities, as sent along. */
function SharedSection({ referral: r }: { referral: ReferralDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const { screening, plan } = r.shared;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-shared">
      <Stack gap="md">
        <Title order={2} size="h3" id="referral-shared">
          {t('referrals.view.shared')}
        </Title>
        {!screening && !plan && <Text c="dimmed">{t('referrals.view.nothingShared')}</Text>}
        {screening && (
          <Stack gap="xs" data-shared-screening={screening.id}>
            <Text fw={700}>
              {instrumentTitle(screening.instrument, lang)} ·{' '}
              {t('referrals.view.screening', { date: formatDate(screening.takenAt, lang) })}
            </Text>
            <Group gap="md" wrap="wrap">
              {Object.entries(screening.levels).map(([key, level]) => (
                <Group key={key} gap={6} wrap="nowrap">
                  <LevelIcon level={level as Level} size={22} />
                  <Text size="sm">
                    {dimensionText(t, i18n.exists.bind(i18n), key)}: {t(`screenings.level.${level as Level}`)}
                  </Text>
                </Group>
              ))}
            </Group>
            {screening.flags.length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={700}>
                  {t('referrals.view.flags')}
                </Text>
                <List size="sm">
                  {screening.flags.map((f) => (
                    <List.Item key={f}>{flagText(t, f)}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
          </Stack>
        )}
        {plan && (
          <Stack gap="xs" data-shared-plan={plan.id}>
            <Text fw={700}>{t('referrals.view.plan', { version: plan.version })}</Text>
            <List size="sm" spacing={4}>
              {plan.activities.map((a) => (
                <List.Item key={a.id}>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" c="dark.9" styles={{ label: { textTransform: 'none' } }}>
                      {knownOr(t, i18n.exists.bind(i18n), `plans.dimension.${a.dimension}`, a.dimension)}
                    </Badge>
                    <Text size="sm">{a.title}</Text>
                    <Text size="sm" c="dimmed">
                      ·{' '}
                      {a.organizationName ??
                        knownOr(
                          t,
                          i18n.exists.bind(i18n),
                          `plans.responsible.${a.responsible}`,
                          a.responsible,
                        )}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

type Exists = (key: string) => boolean;

function knownOr(t: TFunction, exists: Exists, key: string, fallback: string): string {
  return exists(key) ? t(key as never) : fallback;
}

function dimensionText(t: TFunction, exists: Exists, key: string): string {
  return knownOr(t, exists, `screenings.dimensions.${key}`, key);
}
