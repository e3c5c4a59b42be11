import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { formatDate } from '../../../core/thai/buddhistEra.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/LoadingState.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useLang } from '../screenings/instruments.ts';
import { useWellbeingReport } from './api.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { ChangeSection } from './ChangeSection.tsx';
import { Count, HiddenLegend, Percent } from './figures.tsx';
import { ItemsSection } from './ItemsSection.tsx';
import { LevelBar } from './LevelBar.tsx';
import { breakdownLabel, dimensionName, monthName, periodName } from './labels.ts';
import { PlansSection } from './PlansSection.tsx';
import { levelOfCode, parseReportParams, type ReportParams, reportSearch, sameView } from './params.ts';
import { useScopeName } from './scope.ts';
import { breakdownLines, dimensionTrend, reportDimensions } from './shape.ts';
import { forumBreakdown } from './slides.ts';
import { TrendLegend } from './TrendLegend.tsx';
import { DimensionTrendChart, ForecastExplained } from './TrendSection.tsx';
import { TrendTable } from './TrendTable.tsx';
import './print.css';

/**
 * `/reports/print?area=&yearBE=…`: the area's report to print or save as PDF for the committee:
 * the figures, the lights per dimension, the trend and forecast with their numbers, change, plans,
 * the villages (or, for a village, its vulnerable groups) and the 20 items.
 */
export default function ReportPrintPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const params = parseReportParams(search, user.areaCodes[0] ?? null);
  const main = useWellbeingReport(params, forumBreakdown(params));
  const second = useWellbeingReport(params, secondBreakdown(params));
  const scope = useScopeName(params);
  const period = periodName(t, lang, params.yearBE, params.month);
  const ready = (r: typeof main) => (r.data && sameView(r.data, params) ? r.data : undefined);
  const report = ready(main);
  const other = ready(second);

  useEffect(() => {
    document.title = `${t('reports.print.title')} · ${scope.name} · ${period}`;
  }, [t, scope.name, period]);

  let body: ReactNode;
  if (main.error || second.error) body = <ErrorAlert error={main.error ?? second.error} />;
  else if (!report || !other) body = <PageLoader />;
  else body = <Printout report={report} other={other} scopePath={scope.path} period={period} />;

  return (
    <main id="main" className="report-print" lang={lang}>
      <Group className="no-print" justify="space-between" mb="md">
        <Anchor component={Link} to={`/reports?${reportSearch(params)}`} className="touch">
          ← {t('reports.print.back')}
        </Anchor>
        <Button size="md" onClick={() => window.print()} disabled={!report || !other}>
          {t('reports.print.print')}
        </Button>
      </Group>
      {body}
    </main>
  );
}

/** Besides the villages: the vulnerable groups; for a village (which has no villages): age bands. */
function secondBreakdown(params: ReportParams) {
  return params.area && levelOfCode(params.area) === 'village' ? 'age' : 'vulnerability';
}

function Printout({
  report,
  other,
  scopePath,
  period,
}: {
  report: WellbeingReport;
  other: WellbeingReport;
  scopePath: string;
  period: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = report.population;
  const screened = p.screened;
  const trends = reportDimensions.map((d) => dimensionTrend(report, d)).filter((tr) => tr.observedMonths > 0);
  const withForecast = trends.some((tr) => tr.forecast !== null);
  const lines = (r: WellbeingReport) => breakdownLines(r, (row) => breakdownLabel(t, lang, r.by, row));

  return (
    <article>
      <header>
        <h1>{t('reports.print.heading', { name: scopePath })}</h1>
        <Text>
          {period} ·{' '}
          {t('reports.print.printedAt', {
            date: formatDate(new Date().toISOString(), lang, { withTime: true }),
          })}
        </Text>
        {report.suppressed && <Text mt="xs">{t('reports.suppressed.body')}</Text>}
      </header>

      <h2>{t('reports.print.population')}</h2>
      <dl className="print-facts">
        <Fact label={t('reports.population.registered')}>
          <Count value={p.registered} />
        </Fact>
        <Fact label={t('reports.population.screened')}>
          <Count value={p.screened} />
        </Fact>
        <Fact label={t('reports.population.coverage')}>
          <Percent value={p.coverage} none={p.registered === 0} />
        </Fact>
        <Fact label={t('reports.population.dueIn', { month: monthName(t, lang, p.dueMonth) })}>
          <Count value={p.due} />
        </Fact>
        <Fact label={t('reports.population.overdue')}>
          <Count value={p.overdue} />
        </Fact>
      </dl>

      {screened === 0 ? (
        <p>{t('reports.noScreeningsHint')}</p>
      ) : (
        <>
          <h2>{t('reports.dimensions.title')}</h2>
          <Stack gap="md">
            {reportDimensions.map((d) => {
              const counts = report.dimensions[d];
              return counts ? (
                <LevelBar key={d} label={dimensionName(t, d)} counts={counts} screened={screened} />
              ) : null;
            })}
            {report.overall && (
              <LevelBar
                label={t('reports.dimensions.overall')}
                counts={report.overall.worst}
                screened={screened}
              />
            )}
          </Stack>

          <h2 className="page-break">{t('reports.trend.title')}</h2>
          <Text mb="sm">{t('reports.trend.intro')}</Text>
          {trends.length === 0 ? (
            <p>{t('reports.trend.empty')}</p>
          ) : (
            <Stack gap="md">
              <TrendLegend withForecast={withForecast} />
              <SimpleGrid cols={2} spacing="md" className="print-chart">
                {trends.map((trend) => (
                  <DimensionTrendChart key={trend.dimension} trend={trend} />
                ))}
              </SimpleGrid>
              {withForecast && <ForecastExplained />}
              <TrendTable report={report} />
            </Stack>
          )}

          <div className="page-break">
            <ChangeSection report={report} />
          </div>
          {report.plans && (
            <div style={{ marginTop: '1rem' }}>
              <PlansSection plans={report.plans} screened={screened} />
            </div>
          )}
        </>
      )}

      {[report, other].map((r) => (
        <section key={r.by} className="page-break">
          <h2>
            {t('reports.breakdown.title')}: {t(`reports.by.${r.by}`)}
          </h2>
          <BreakdownTable
            by={r.by}
            lines={lines(r)}
            caption={t('reports.breakdown.caption', { by: t(`reports.by.${r.by}`) })}
          />
          {r.suppressed && <HiddenLegend />}
        </section>
      ))}

      {screened !== 0 && (
        <div className="page-break">
          <ItemsSection report={report} />
        </div>
      )}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
