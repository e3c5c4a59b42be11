import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FactList } from '../../components/FactList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useActivity } from './api.ts';
import {
  AddressesLine,
  activityDescription,
  activityHow,
  activityTitle,
  dimensionLabel,
  EffectLine,
  useLang,
} from './parts.tsx';

/** `/activities/:id`: what the activity is, how to do it, and how well it has worked. */
export default function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const activity = useActivity(id);

  const back = (
    <Anchor component={Link} to="/activities" size="sm" mb="xs" display="inline-block">
      ← {t('plans.library.title')}
    </Anchor>
  );
  if (activity.isPending) return <LoadingState rows={6} />;
  if (activity.error) {
    return (
      <>
        {back}
        <PageTitle title={t('plans.library.title')} />
        <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
      </>
    );
  }
  const a = activity.data;
  const how = activityHow(a, lang);
  const ages =
    a.minAge !== null || a.maxAge !== null
      ? t('plans.library.ages', { min: a.minAge ?? 0, max: a.maxAge ?? '—' })
      : t('plans.library.anyAge');

  return (
    <Box maw={760}>
      {back}
      <PageTitle title={activityTitle(a, lang)} />
      <Stack gap="md">
        <Group gap={6}>
          <Badge variant="light" styles={{ label: { textTransform: 'none' } }}>
            {dimensionLabel(t, a.dimension)}
          </Badge>
          {a.modes.map((m) => (
            <Badge key={m} variant="outline" color="gray" styles={{ label: { textTransform: 'none' } }}>
              {t(`plans.mode.${m}`)}
            </Badge>
          ))}
          {a.areaCode && (
            <Badge variant="light" color="grape" styles={{ label: { textTransform: 'none' } }}>
              {t('plans.library.areaOwn')}
            </Badge>
          )}
        </Group>
        <Text style={{ whiteSpace: 'pre-line' }}>{activityDescription(a, lang)}</Text>
        <AddressesLine codes={a.addresses} />
        <Paper component="section" withBorder p="md" radius="md" aria-labelledby="activity-how">
          <Title order={2} size="h3" id="activity-how" mb="xs">
            {t('plans.library.how')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{how || t('plans.library.noHow')}</Text>
        </Paper>
        <Paper component="section" withBorder p="md" radius="md" aria-labelledby="activity-effect">
          <Title order={2} size="h3" id="activity-effect" mb="xs">
            {t('plans.effect.title')}
          </Title>
          <EffectLine effect={a.effect} />
        </Paper>
        <FactList
          facts={[
            {
              label: t('plans.library.duration'),
              value: a.durationWeeks
                ? t('plans.library.weeks', { count: a.durationWeeks })
                : t('common.none'),
            },
            { label: t('plans.library.agesLabel'), value: ages },
            { label: t('plans.library.providers'), value: a.providerTypes.join(', ') || t('common.none') },
            { label: t('plans.library.source'), value: a.source || t('common.none') },
          ]}
        />
      </Stack>
    </Box>
  );
}
