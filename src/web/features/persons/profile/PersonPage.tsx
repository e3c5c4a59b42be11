import { Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Person } from '../../../../core/schemas/index.ts';
import { formatDate } from '../../../../core/thai/buddhistEra.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PersonAssistanceSection } from '../../assistance/PersonAssistanceSection.tsx';
import { useCan } from '../../auth/session.ts';
import { CareTimelineSection } from '../../careTimeline/CareTimelineSection.tsx';
import { IssueLinkCodeDialog } from '../../citizen/IssueLinkCodeDialog.tsx';
import { PersonAccessSection } from '../../citizen/PersonAccessSection.tsx';
import { PersonPlanSection } from '../../plans/PersonPlanSection.tsx';
import { PersonReferralsSection } from '../../referrals/PersonReferralsSection.tsx';
import { PersonScreeningsSection } from '../../screenings/PersonScreeningsSection.tsx';
import { PersonTransportSection } from '../../transport/PersonTransportSection.tsx';
import { PersonVisitsSection } from '../../visits/PersonVisitsSection.tsx';
import { usePerson } from '../api.ts';
import { enumLabel, houseLine, personName } from '../labels.ts';
import { ConsentSection } from './ConsentSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { PersonDetails } from './PersonDetails.tsx';

const TABS = ['details', 'consent', 'care', 'history'] as const;

/** The traffic light of each ADL group, as on the ADL result. */
const ADL_COLOR: Record<NonNullable<Person['adlGroup']>, string> = {
  bed_bound: 'red',
  home_bound: 'yellow',
  social_bound: 'teal',
};
type Tab = (typeof TABS)[number];

/** `/persons/:id`: the person's basic items, household, consent and history of changes. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);

  if (person.isPending) return <LoadingState rows={8} />;
  if (person.error) {
    return (
      <>
        <BackLink />
        <PageTitle title={t('persons.title')} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  return <Profile person={person.data} />;
}

function Profile({ person: p }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'details';
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const area = p.address.areaCode;
  const canEdit = !p.mergedInto && can({ action: 'person.update', areaCode: area });
  const canMerge = !p.mergedInto && can({ action: 'person.merge', areaCode: area });

  return (
    <>
      <BackLink />
      <PageTitle
        title={personName(p, t)}
        intro={
          <>
            {enumLabel(t, 'sex', p.sex)} · {t('persons.birth.ageNow', { count: p.age })} ·{' '}
            {houseLine(t, p.address)}
          </>
        }
        actions={
          <>
            {canEdit && (
              <Button onClick={() => navigate(`/persons/${p.id}/edit`)}>{t('persons.profile.edit')}</Button>
            )}
            {canMerge && <MergeDialog person={p} />}
            <IssueLinkCodeDialog person={p} />
          </>
        }
      />
      <Stack gap="md">
        {p.mergedInto && (
          <Notice color="yellow" title={t('persons.profile.merged')}>
            <Anchor component={Link} to={`/persons/${p.mergedInto}`} fw={700}>
              {t('persons.profile.openMerged')}
            </Anchor>
          </Notice>
        )}
        <Group gap="xs">
          <Badge variant="light" color={p.consent.collect ? 'teal' : 'gray'}>
            {p.consent.collect ? t('persons.consentYes') : t('persons.consentNo')}
          </Badge>
          {p.adlGroup && p.adlTakenAt && (
            <Badge
              variant="light"
              color={ADL_COLOR[p.adlGroup]}
              title={t('persons.profile.adlHint')}
              data-adl={p.adlGroup}
            >
              {t('persons.profile.adlBadge', {
                group: t(`persons.profile.adl.${p.adlGroup}`),
                date: formatDate(p.adlTakenAt, lang),
              })}
            </Badge>
          )}
        </Group>
        <PersonScreeningsSection person={p} />
        <PersonPlanSection person={p} />
        <PersonTransportSection person={p} />
        <PersonAssistanceSection person={p} />
        <PersonReferralsSection person={p} />
        <PersonVisitsSection person={p} />
        <Tabs
          value={tab}
          onChange={(v) => setParams(v && v !== 'details' ? { tab: v } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('persons.profile.tabs')} grow>
            <Tabs.Tab value="details">{t('persons.profile.details')}</Tabs.Tab>
            <Tabs.Tab value="consent">{t('persons.profile.tabConsent')}</Tabs.Tab>
            <Tabs.Tab value="care">{t('services.timeline.tab')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('persons.profile.tabHistory')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details" pt="md">
            <PersonDetails person={p} />
          </Tabs.Panel>
          <Tabs.Panel value="consent" pt="md">
            <ConsentSection person={p} />
          </Tabs.Panel>
          <Tabs.Panel value="care" pt="md">
            <CareTimelineSection personId={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistorySection personId={p.id} />
          </Tabs.Panel>
        </Tabs>
        <PersonAccessSection person={p} />
        <Text size="sm" c="dimmed">
          {t('persons.profile.meta', {
            created: formatDate(p.createdAt, lang),
            updated: formatDate(p.updatedAt, lang, { withTime: true }),
          })}
        </Text>
      </Stack>
    </>
  );
}

export function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/persons" size="sm" mb="xs" display="inline-block">
      ← {t('persons.title')}
    </Anchor>
  );
}
