import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Level } from '../../../core/instruments/index.ts';
import type { ReportPersonRow } from '../../../core/schemas/report.ts';
import { type ReportDimension, reportDimensions } from '../../../core/schemas/report.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LevelIcon } from '../../components/LevelIcon.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { personName } from '../persons/labels.ts';
import { useLang } from '../screenings/instruments.ts';
import { type PeopleQuery, useReportPeople } from './api.ts';
import { dimensionName, levelName, periodName } from './labels.ts';
import { parseReportParams, reportSearch } from './params.ts';
import { useScopeName } from './scope.ts';
import { levels } from './shape.ts';

/** The people query of the address, or null when it is not a whole one. */
function peopleQuery(search: URLSearchParams): PeopleQuery | null {
  const params = parseReportParams(search, null);
  const dimension = search.get('dimension') as ReportDimension | null;
  const level = search.get('level') as Level | null;
  if (
    !params.area ||
    !dimension ||
    !reportDimensions.includes(dimension) ||
    !level ||
    !levels.includes(level)
  ) {
    return null;
  }
  return { area: params.area, yearBE: params.yearBE, month: params.month, dimension, level };
}

/**
 * `/reports/people?area=&yearBE=&dimension=&level=`: who is behind one light of one dimension, for
 * area admins (the server refuses everyone else and records each look in the audit log).
 */
export default function ReportPeoplePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const query = peopleQuery(search);
  if (!query) {
    return (
      <>
        <PageTitle title={t('reports.people.titleShort')} />
        <Empty title={t('reports.people.badLink')} action={<BackLink search="" />} />
      </>
    );
  }
  return <PeopleList query={query} />;
}

function BackLink({ search }: { search: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/reports${search ? `?${search}` : ''}`} fw={700} className="touch">
      ← {t('reports.people.back')}
    </Anchor>
  );
}

function PeopleList({ query }: { query: PeopleQuery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const scope = useScopeName({ area: query.area, group: null });
  const people = useReportPeople(query);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const back = reportSearch({
    area: query.area,
    group: null,
    yearBE: query.yearBE,
    month: query.month,
    by: 'dimension',
  });
  const what = { dimension: dimensionName(t, query.dimension), level: levelName(t, query.level) };

  return (
    <Stack gap="md" maw={760}>
      <BackLink search={back} />
      <PageTitle
        title={t('reports.people.title', what)}
        intro={`${scope.path} · ${periodName(t, lang, query.yearBE, query.month)}`}
      />
      <Text>{t('reports.people.intro', what)}</Text>
      <Text size="sm" c="dimmed">
        {t('reports.people.audited')}
      </Text>
      {people.isPending && <LoadingState rows={5} />}
      {people.error && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      {people.isSuccess && items.length === 0 && <Empty title={t('reports.people.empty')} />}
      {items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('common.shown', { count: items.length })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((person) => (
              <PersonLine key={person.id} person={person} />
            ))}
          </Stack>
        </>
      )}
      {people.hasNextPage && (
        <Button
          variant="default"
          size="md"
          onClick={() => void people.fetchNextPage()}
          loading={people.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

function PersonLine({ person }: { person: ReportPersonRow }) {
  const { t } = useTranslation();
  const lang = useLang();
  const village = person.villageCode
    ? t('persons.villageNo', { no: Number(person.villageCode.slice(-2)) })
    : null;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group gap="sm" wrap="nowrap">
        <LevelIcon level={person.level} />
        <Stack gap={0}>
          <Anchor component={Link} to={`/persons/${person.id}`} fw={700} className="touch">
            {personName(person, t)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {[village, t('reports.people.screenedOn', { date: formatDate(person.takenAt, lang) })]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
