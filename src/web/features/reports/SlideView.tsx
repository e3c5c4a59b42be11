import { Box, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import { useLang } from '../screenings/instruments.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { ChangeCard, changeKinds } from './ChangeSection.tsx';
import { Count, HiddenLegend, Percent } from './figures.tsx';
import { LevelBar } from './LevelBar.tsx';
import { breakdownLabel, dimensionName, itemDefinitions } from './labels.ts';
import {
  breakdownLines,
  dimensionTrend,
  formatPercent,
  itemLines,
  reportDimensions,
  worstItems,
} from './shape.ts';
import type { Slide } from './slides.ts';
import { TrendLegend } from './TrendLegend.tsx';
import { forecastNote } from './TrendSection.tsx';

const TrendChart = lazy(() => import('./TrendChart.tsx'));
const WORST_ITEMS = 5;
/** The chart takes what the title, legend and notes leave of the screen. */
const TREND_SLIDE_HEIGHT = 'max(16rem, calc(100vh - 36rem))';

interface Props {
  slide: Slide;
  report: WellbeingReport;
  scopeName: string;
  period: string;
}

/** One slide: its title and its one chart or set of figures, in type readable from the back of the room. */
export function SlideView(props: Props) {
  const { t } = useTranslation();
  const { slide } = props;
  const title =
    slide.kind === 'cover'
      ? t('reports.present.coverTitle', { name: props.scopeName })
      : slide.kind === 'trend'
        ? t('reports.present.trendTitle', { dimension: dimensionName(t, slide.dimension) })
        : slide.kind === 'breakdown'
          ? t('reports.present.breakdownTitle', { by: t(`reports.by.${props.report.by}`) })
          : t(`reports.present.titles.${slide.kind}`);
  return (
    <>
      <h1>{title}</h1>
      <SlideBody {...props} />
    </>
  );
}

function SlideBody({ slide, report, period }: Props) {
  switch (slide.kind) {
    case 'cover':
      return <CoverSlide report={report} period={period} />;
    case 'noData':
      return <NoDataSlide />;
    case 'dimensions':
      return <DimensionsSlide report={report} />;
    case 'trend':
      return <TrendSlide report={report} dimension={slide.dimension} />;
    case 'change':
      return <ChangeSlide report={report} />;
    case 'breakdown':
      return <BreakdownSlide report={report} />;
    case 'items':
      return <ItemsSlide report={report} />;
    case 'plans':
      return <PlansSlide report={report} />;
  }
}

function BigFigure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="present-figure">
      <div className="present-figure-label">{label}</div>
      <div className="present-big">{children}</div>
    </div>
  );
}

function CoverSlide({ report, period }: { report: WellbeingReport; period: string }) {
  const { t } = useTranslation();
  const p = report.population;
  return (
    <Stack gap="xl">
      <p className="present-sub">{period}</p>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <BigFigure label={t('reports.population.registered')}>
          <Count value={p.registered} />
        </BigFigure>
        <BigFigure label={t('reports.population.screened')}>
          <Count value={p.screened} />
        </BigFigure>
        <BigFigure label={t('reports.population.coverage')}>
          <Percent value={p.coverage} none={p.registered === 0} />
        </BigFigure>
      </SimpleGrid>
      {report.suppressed && <p className="present-sub">{t('reports.suppressed.short')}</p>}
    </Stack>
  );
}

function NoDataSlide() {
  const { t } = useTranslation();
  return <p className="present-sub">{t('reports.noScreeningsHint')}</p>;
}

function DimensionsSlide({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      {reportDimensions.map((d) => {
        const counts = report.dimensions[d];
        return counts ? (
          <LevelBar
            key={d}
            label={dimensionName(t, d)}
            counts={counts}
            screened={report.population.screened}
            large
          />
        ) : null;
      })}
    </Stack>
  );
}

function TrendSlide({
  report,
  dimension,
}: {
  report: WellbeingReport;
  dimension: (typeof reportDimensions)[number];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const trend = dimensionTrend(report, dimension);
  return (
    <Stack gap="md" style={{ flex: 1 }}>
      <p className="present-sub">{t('reports.present.trendHint')}</p>
      <TrendLegend withForecast={trend.forecast !== null} large />
      <Box role="img" aria-label={t('reports.trend.chartLabel', { dimension: dimensionName(t, dimension) })}>
        <Suspense fallback={<Skeleton h={TREND_SLIDE_HEIGHT} />}>
          <TrendChart trend={trend} lang={lang} height={TREND_SLIDE_HEIGHT} large />
        </Suspense>
      </Box>
      <Text fz="1.4rem">{forecastNote(t, lang, trend)}</Text>
      {trend.forecast && <Text fz="1.1rem">{t('reports.forecast.what')}</Text>}
    </Stack>
  );
}

function ChangeSlide({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <p className="present-sub">{t('reports.change.intro')}</p>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        {changeKinds.map((kind) => (
          <ChangeCard key={kind} kind={kind} label={t(`reports.change.${kind}`)} large>
            <Count value={report.change[kind]} />
          </ChangeCard>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function BreakdownSlide({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lines = breakdownLines(report, (row) => breakdownLabel(t, lang, report.by, row));
  return (
    <Stack gap="md" className="present-table">
      <p className="present-sub">{t('reports.present.breakdownHint')}</p>
      <BreakdownTable
        by={report.by}
        lines={lines}
        caption={t('reports.breakdown.caption', { by: t(`reports.by.${report.by}`) })}
      />
      {report.suppressed && <HiddenLegend />}
    </Stack>
  );
}

function ItemsSlide({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const worst = worstItems(
    itemLines(report.items, itemDefinitions(lang), report.population.screened),
    WORST_ITEMS,
  );
  if (worst.length === 0) return <p className="present-sub">{t('reports.present.noRedItems')}</p>;
  return (
    <Stack gap="lg">
      <p className="present-sub">{t('reports.present.itemsHint')}</p>
      <Table withTableBorder className="present-items">
        <Table.Tbody>
          {worst.map((item) => (
            <Table.Tr key={item.code}>
              <Table.Th scope="row" fw={700} fz="1.6rem">
                {item.text}
                <Text span c="gray.8" fz="1.25rem" fw={400} display="block">
                  {dimensionName(t, item.dimension)}
                </Text>
              </Table.Th>
              <Table.Td w="40%">
                <div
                  className="level-bar"
                  aria-hidden="true"
                  style={{ '--level-bar-height': '3rem', '--level-bar-font': '1.4rem' } as never}
                >
                  <div className="level-seg" data-level="red" style={{ width: `${item.red}%` }}>
                    {formatPercent(item.red)}
                  </div>
                </div>
                <Text fz="1.4rem">
                  {t('reports.present.redOfItem', { share: formatPercent(item.red) ?? '' })} (
                  <Count value={item.counts.red} />)
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function PlansSlide({ report }: { report: WellbeingReport }) {
  const { t } = useTranslation();
  const plans = report.plans;
  if (!plans) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <BigFigure label={t('reports.plans.withPlan')}>
        <Count value={plans.withPlan} />
      </BigFigure>
      <BigFigure label={t('reports.plans.coverage')}>
        <Percent value={plans.coverage} none={report.population.screened === 0} />
      </BigFigure>
      <BigFigure label={t('reports.plans.reporting')}>
        <Count value={plans.reporting} />
      </BigFigure>
      <BigFigure label={t('reports.plans.adherence')}>
        <Percent value={plans.adherence} none={plans.reporting === 0} />
      </BigFigure>
    </SimpleGrid>
  );
}
