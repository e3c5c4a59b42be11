import {
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AssistanceTotals } from '../../../core/schemas/assistance.ts';
import { thaiToday } from '../../../core/thai/birthDate.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { CsvExportButton } from '../../components/CsvExportButton.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { downloadText } from '../organizations/csv.ts';
import { AreaNavigator } from '../reports/AreaNavigator.tsx';
import { Hidden, HiddenLegend } from '../reports/figures.tsx';
import { thaiNow, yearChoices } from '../reports/params.ts';
import { useLang } from '../screenings/instruments.ts';
import { type TotalsScope, useAssistanceTotals } from './api.ts';
import { bahtText, type Lang } from './labels.ts';
import { parseTotalsParams, periodOf, type TotalsParams, totalsSearch } from './params.ts';
import { csvRowCount, totalsCsv, totalsTables } from './rows.ts';
import { TotalsTable } from './TotalsTable.tsx';

const TotalsChart = lazy(() => import('./TotalsChart.tsx'));

/**
 * `/assistance`: the ledger's totals for an area (committees, the field team) or for the user's own
 * organisation, for a Buddhist year: by kind, organisation, funding source and area, with a chart and CSV.
 */
export default function AssistanceTotalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const thisYear = thaiNow().yearBE;
  const params = parseTotalsParams(search, user.areaCodes[0] ?? null, thisYear);
  const set = (change: Partial<TotalsParams>) => setSearch(totalsSearch({ ...params, ...change }));
  const hrefOf = (change: { area?: string | null }) =>
    `?${totalsSearch({ ...params, organization: false, area: change.area ?? null })}`;
  const today = thaiToday();
  const { from, to } = periodOf(params.yearBE, today);
  const scope: TotalsScope | null = params.organization
    ? user.organizationId
      ? { kind: 'organization', id: user.organizationId, from, to }
      : null
    : params.area
      ? { kind: 'area', code: params.area, from, to }
      : null;
  const totals = useAssistanceTotals(scope);
  const data = totals.data && scope && sameScope(totals.data, scope) ? totals.data : undefined;

  return (
    <>
      <PageTitle
        title={
          data ? t('assistance.totals.titleOf', { name: data.scope.name }) : t('assistance.totals.title')
        }
        intro={t('assistance.totals.intro')}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <Group gap="md" align="flex-end" wrap="wrap">
              {user.organizationId && (
                <Stack gap={4}>
                  <Text fw={700} size="sm" id="totals-scope-label">
                    {t('assistance.totals.scope')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="totals-scope-label"
                    size="md"
                    value={params.organization ? 'organization' : 'area'}
                    onChange={(v) => set({ organization: v === 'organization' })}
                    data={[
                      { value: 'area', label: t('assistance.totals.scopeArea') },
                      { value: 'organization', label: t('assistance.totals.scopeOrganization') },
                    ]}
                  />
                </Stack>
              )}
              <NativeSelect
                label={t('assistance.totals.year')}
                size="md"
                w={160}
                value={String(params.yearBE)}
                onChange={(e) => set({ yearBE: Number(e.currentTarget.value) })}
                data={yearChoices(thisYear, params.yearBE).map((y) => String(y))}
              />
            </Group>
            {!params.organization && (
              <AreaNavigator area={params.area} hrefOf={hrefOf} onPick={(area) => set({ area })} />
            )}
          </Stack>
        </Paper>

        {params.organization && !user.organizationId && (
          <Empty title={t('assistance.totals.noOrganization')} />
        )}
        {!params.organization && !params.area && (
          <Empty title={t('assistance.totals.pickArea')} hint={t('assistance.totals.pickAreaHint')} />
        )}
        {scope && totals.error && <ErrorAlert error={totals.error} onRetry={() => void totals.refetch()} />}
        {scope && !totals.error && !data && <LoadingState rows={6} />}
        {data && <TotalsBody totals={data} />}
      </Stack>
    </>
  );
}

/** The answer on screen is for the scope and period asked (not the previous one kept while loading). */
function sameScope(totals: AssistanceTotals, scope: TotalsScope): boolean {
  const same =
    scope.kind === 'area'
      ? totals.scope.kind === 'area' && totals.scope.code === scope.code
      : totals.scope.kind === 'organization' && totals.scope.id === scope.id;
  return same && totals.from === scope.from && totals.to === scope.to;
}

function TotalsBody({ totals }: { totals: AssistanceTotals }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tables = totalsTables(totals, t);
  const period = t('assistance.totals.period', {
    from: formatDate(totals.from, lang),
    to: formatDate(totals.to, lang),
  });

  return (
    <Stack gap="lg">
      <Text fw={600}>{period}</Text>
      <SummaryCards totals={totals} lang={lang} />
      {totals.suppressed && <HiddenLegend />}
      {totals.total.count === 0 ? (
        <Empty title={t('assistance.totals.empty')} hint={t('assistance.totals.emptyHint')} />
      ) : (
        <>
          {tables[0]!.rows.some((r) => r.value !== null) && (
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="totals-chart-title">
              <Title order={2} size="h3" id="totals-chart-title" mb="sm">
                {t('assistance.totals.chartTitle')}
              </Title>
              <Suspense fallback={<Skeleton h={320} />}>
                <TotalsChart rows={tables[0]!.rows} lang={lang} label={t('assistance.totals.value')} />
              </Suspense>
            </Paper>
          )}
          {tables.map((table) => (
            <TotalsTable key={table.id} table={table} />
          ))}
          <CsvExportButton
            fetchAll={async (onProgress) => {
              onProgress(csvRowCount(tables));
              return [totals];
            }}
            toCsv={([only]) => (only ? totalsCsv(only, tables, t) : '')}
            fileStem="assistance-totals"
            download={downloadText}
            labels={{
              button: t('assistance.totals.exportCsv'),
              exporting: (count) => t('assistance.totals.exporting', { count }),
              done: () => t('assistance.totals.exportDone', { count: csvRowCount(tables) }),
            }}
          />
        </>
      )}
    </Stack>
  );
}

function SummaryCards({ totals, lang }: { totals: AssistanceTotals; lang: Lang }) {
  const { t } = useTranslation();
  const number = (n: number | null) =>
    n === null ? <Hidden /> : new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB').format(n);
  const { total } = totals;
  const cards = [
    { key: 'count', label: t('assistance.totals.count'), value: number(total.count) },
    { key: 'people', label: t('assistance.totals.people'), value: number(total.people) },
    {
      key: 'value',
      label: t('assistance.totals.value'),
      value: total.value === null ? <Hidden /> : bahtText(t, lang, total.value),
    },
    {
      key: 'duplicates',
      label: t('assistance.totals.duplicates'),
      value: number(totals.total.duplicatesConfirmed),
      hint: t('assistance.totals.duplicatesHint'),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="md" radius="md" data-total={c.key}>
          <Text size="sm" fw={600} c="gray.8">
            {c.label}
          </Text>
          <Text fz="1.75rem" fw={800} lh={1.2}>
            {c.value}
          </Text>
          {c.hint && (
            <Text size="xs" c="gray.8">
              {c.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
