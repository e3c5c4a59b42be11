import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { ApiError } from '../../app/api.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useLang } from '../screenings/instruments.ts';
import { AreaNavigator } from './AreaNavigator.tsx';
import { useWellbeingReport } from './api.ts';
import { BreakdownSection } from './BreakdownSection.tsx';
import { ChangeSection } from './ChangeSection.tsx';
import { DimensionsSection } from './DimensionsSection.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { PendingNotice, SuppressedNotice } from './figures.tsx';
import { ItemsSection } from './ItemsSection.tsx';
import { periodName } from './labels.ts';
import { PeriodFilters } from './PeriodFilters.tsx';
import { PlansSection } from './PlansSection.tsx';
import { PopulationCards } from './PopulationCards.tsx';
import { type ReportParams, reportSearch, sameView } from './params.ts';
import { ReportSection } from './ReportSection.tsx';
import { useScopeName } from './scope.ts';
import { TrendSection } from './TrendSection.tsx';
import { useReportParams } from './useReportParams.ts';

/** `/reports`: an area's (or group's) well-being figures for a Buddhist year, down to its villages. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { params, hrefOf, set } = useReportParams();
  const scope = useScopeName(params);
  const hasScope = Boolean(params.area || params.group);
  const period = periodName(t, lang, params.yearBE, params.month);

  return (
    <>
      <PageTitle
        title={hasScope ? t('reports.titleOf', { name: scope.name }) : t('reports.title')}
        intro={hasScope ? `${scope.path} · ${period}` : t('reports.intro')}
        actions={hasScope ? <ViewLinks params={params} /> : undefined}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            {!params.group && (
              <AreaNavigator area={params.area} hrefOf={hrefOf} onPick={(area) => set({ area })} />
            )}
            <PeriodFilters params={params} onChange={set} />
          </Stack>
        </Paper>
        {hasScope ? (
          <ReportView params={params} scopeName={scope.path} period={period} hrefOf={hrefOf} set={set} />
        ) : (
          <Empty title={t('reports.area.pickFirst')} hint={t('reports.area.pickHint')} />
        )}
      </Stack>
    </>
  );
}

function ViewLinks({ params }: { params: ReportParams }) {
  const { t } = useTranslation();
  const search = reportSearch(params);
  return (
    <>
      <Button component={Link} to={`/reports/present?${search}`} size="md">
        {t('reports.present.open')}
      </Button>
      <Button component={Link} to={`/reports/print?${search}`} size="md" variant="default">
        {t('reports.print.open')}
      </Button>
    </>
  );
}

interface ViewProps {
  params: ReportParams;
  scopeName: string;
  period: string;
  hrefOf: (change: Partial<ReportParams>) => string;
  set: (change: Partial<ReportParams>) => void;
}

function ReportView({ params, scopeName, period, hrefOf, set }: ViewProps) {
  const report = useWellbeingReport(params);
  // Another area, year or month: its figures are not the ones on screen, so wait for them.
  const data = report.data && sameView(report.data, params) ? report.data : undefined;
  if (report.error) return <ReportError error={report.error} onRetry={() => void report.refetch()} />;
  if (!data) return <LoadingState rows={6} />;
  return (
    <ReportBody
      onRefresh={() => void report.refetch()}
      report={data}
      params={params}
      scopeName={scopeName}
      period={period}
      hrefOf={hrefOf}
      set={set}
      breakdownLoading={data.by !== params.by}
    />
  );
}

function ReportError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = user.areaCodes[0];
  const outside = error instanceof ApiError && (error.status === 403 || error.status === 404);
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} onRetry={onRetry} />
      {outside && home && (
        <Anchor component={Link} to={`?area=${home}`} fw={700}>
          {t('reports.area.backToMine')}
        </Anchor>
      )}
    </Stack>
  );
}

function ReportBody({
  report,
  params,
  scopeName,
  period,
  hrefOf,
  set,
  breakdownLoading,
  onRefresh,
}: ViewProps & { report: WellbeingReport; breakdownLoading: boolean; onRefresh: () => void }) {
  const { t } = useTranslation();
  const screened = report.population.screened;
  return (
    <Stack gap="lg">
      {report.pending && <PendingNotice onRefresh={onRefresh} />}
      {report.suppressed && <SuppressedNotice />}
      <PopulationCards report={report} />
      {screened === 0 ? (
        <Empty title={t('reports.noScreenings')} hint={t('reports.noScreeningsHint')} />
      ) : (
        <>
          <DimensionsSection report={report} params={params} />
          <TrendSection report={report} />
          <ChangeSection report={report} />
          {report.plans && <PlansSection plans={report.plans} screened={screened} />}
        </>
      )}
      <BreakdownSection
        report={report}
        selected={params.by}
        loading={breakdownLoading}
        hrefOf={hrefOf}
        onBy={(by) => set({ by })}
      />
      {screened !== 0 && <ItemsSection report={report} />}
      <ReportSection id="export" title={t('reports.export.title')} intro={t('reports.export.intro')}>
        <ExportButtons report={report} params={params} scopeName={scopeName} period={period} />
        <Text size="sm" c="dimmed">
          {t('reports.export.privacy')}
        </Text>
      </ReportSection>
    </Stack>
  );
}
