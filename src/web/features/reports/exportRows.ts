/**
 * The figures on screen as sections of rows, for the CSV and XLSX files: summary, lights per
 * dimension, the breakdown, the monthly trend and its forecast, change, plans, items. A hidden
 * count is an empty cell; the file says so at its top. Numbers stay numbers.
 */
import type { TFunction } from 'i18next';
import type { LevelCounts, WellbeingReport } from '../../../core/schemas/report.ts';
import { csvLine, UTF8_BOM } from '../../../core/util/csv.ts';
import type { Lang } from '../screenings/instruments.ts';
import { breakdownLabel, dimensionName, itemDefinitions, levelName, monthName } from './labels.ts';
import type { ReportParams } from './params.ts';
import { itemLines, levelShares, levels, percent, reportDimensions } from './shape.ts';

export type Cell = string | number | null;

export interface Section {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

export interface ExportContext {
  t: TFunction;
  lang: Lang;
  /** The area's (or group's) name as the page shows it. */
  scopeName: string;
  period: string;
}

/** Every section of a report, in the order of the page. */
export function reportSections(report: WellbeingReport, ctx: ExportContext): Section[] {
  return [
    summarySection(report, ctx),
    dimensionsSection(report, ctx),
    breakdownSection(report, ctx),
    trendSection(report, ctx),
    forecastSection(report, ctx),
    changeSection(report, ctx),
    ...(report.plans ? [plansSection(report.plans, ctx)] : []),
    itemsSection(report, ctx),
  ].filter((section) => section.rows.length > 0);
}

function summarySection(report: WellbeingReport, { t, lang, scopeName, period }: ExportContext): Section {
  const p = report.population;
  return {
    id: 'summary',
    title: t('reports.export.summary'),
    header: [t('reports.export.figure'), t('reports.export.value')],
    rows: [
      [t('reports.export.scope'), scopeName],
      [t('reports.export.period'), period],
      [t('reports.population.registered'), p.registered],
      [t('reports.population.screened'), p.screened],
      [t('reports.population.coveragePercent'), p.coverage],
      [t('reports.population.dueIn', { month: monthName(t, lang, p.dueMonth) }), p.due],
      [t('reports.population.overdue'), p.overdue],
      ...(report.overall ? [[t('reports.export.meanTotal'), report.overall.mean] as Cell[]] : []),
    ],
  };
}

const levelHeader = (t: TFunction) => [
  ...levels.map((level) => levelName(t, level)),
  ...levels.map((level) => `${levelName(t, level)} (%)`),
];

function levelCells(counts: LevelCounts, screened: number | null): Cell[] {
  const shares = levelShares(counts, screened);
  return [...levels.map((level) => counts[level]), ...levels.map((level) => shares.share[level])];
}

function dimensionsSection(report: WellbeingReport, { t }: ExportContext): Section {
  const screened = report.population.screened;
  const rows: Cell[][] = reportDimensions.flatMap((d) => {
    const counts = report.dimensions[d];
    return counts ? [[dimensionName(t, d), ...levelCells(counts, screened)]] : [];
  });
  if (report.overall)
    rows.push([t('reports.dimensions.overall'), ...levelCells(report.overall.worst, screened)]);
  return {
    id: 'dimensions',
    title: t('reports.dimensions.title'),
    header: [t('reports.export.dimension'), ...levelHeader(t)],
    rows,
  };
}

function breakdownSection(report: WellbeingReport, { t, lang }: ExportContext): Section {
  const dims = reportDimensions.filter((d) => report.breakdown.some((row) => row.dimensions[d]));
  return {
    id: 'breakdown',
    title: `${t('reports.breakdown.title')}: ${t(`reports.by.${report.by}`)}`,
    header: [
      t(`reports.by.${report.by}`),
      t('reports.export.key'),
      t(report.by === 'household' ? 'reports.breakdown.households' : 'reports.population.registered'),
      t(report.by === 'household' ? 'reports.breakdown.householdsScreened' : 'reports.population.screened'),
      t('reports.population.coveragePercent'),
      ...dims.flatMap((d) => levels.map((level) => `${dimensionName(t, d)}: ${levelName(t, level)}`)),
    ],
    rows: report.breakdown.map((row) => [
      breakdownLabel(t, lang, report.by, row),
      row.key,
      row.registered,
      row.screened,
      percent(row.screened, row.registered),
      ...dims.flatMap((d) => levels.map((level) => row.dimensions[d]?.[level] ?? null)),
    ]),
  };
}

function trendSection(report: WellbeingReport, { t, lang }: ExportContext): Section {
  return {
    id: 'trend',
    title: t('reports.trend.title'),
    header: [
      t('reports.export.month'),
      ...reportDimensions.flatMap((d) => [
        `${dimensionName(t, d)}: ${t('reports.trend.mean')}`,
        ...levels.map((level) => `${dimensionName(t, d)}: ${levelName(t, level)}`),
      ]),
    ],
    rows: report.trend.map((point) => [
      monthName(t, lang, point.month),
      ...reportDimensions.flatMap((d) => {
        const cell = point.dimensions[d];
        return [cell?.mean ?? null, ...levels.map((level) => cell?.[level] ?? null)];
      }),
    ]),
  };
}

function forecastSection(report: WellbeingReport, { t, lang }: ExportContext): Section {
  return {
    id: 'forecast',
    title: t('reports.forecast.title'),
    header: [
      t('reports.export.dimension'),
      t('reports.export.month'),
      t('reports.forecast.value'),
      t('reports.forecast.lower'),
      t('reports.forecast.upper'),
      t('reports.forecast.methodColumn'),
      t('reports.forecast.basis'),
    ],
    rows: report.forecast.flatMap((f) =>
      f.points.map((point) => [
        dimensionName(t, f.dimension),
        monthName(t, lang, point.month),
        point.value,
        point.lower,
        point.upper,
        t(`reports.forecast.method.${point.method}`),
        `${monthName(t, lang, f.from)} – ${monthName(t, lang, f.to)}`,
      ]),
    ),
  };
}

function changeSection(report: WellbeingReport, { t }: ExportContext): Section {
  const c = report.change;
  return {
    id: 'change',
    title: t('reports.change.title'),
    header: [
      t('reports.export.dimension'),
      t('reports.change.improved'),
      t('reports.change.worse'),
      t('reports.change.same'),
    ],
    rows: [
      [t('reports.change.anyDimension'), c.improved, c.worse, c.same],
      ...reportDimensions.flatMap((d) => {
        const row = c.dimensions[d];
        return row ? [[dimensionName(t, d), row.improved, row.worse, row.same]] : [];
      }),
    ],
  };
}

function plansSection(plans: NonNullable<WellbeingReport['plans']>, { t }: ExportContext): Section {
  return {
    id: 'plans',
    title: t('reports.plans.title'),
    header: [t('reports.export.figure'), t('reports.export.value')],
    rows: [
      [t('reports.plans.withPlan'), plans.withPlan],
      [t('reports.plans.coveragePercent'), plans.coverage],
      [t('reports.plans.reporting'), plans.reporting],
      [t('reports.plans.adherencePercent'), plans.adherence],
    ],
  };
}

function itemsSection(report: WellbeingReport, { t, lang }: ExportContext): Section {
  const lines = itemLines(report.items, itemDefinitions(lang), report.population.screened);
  return {
    id: 'items',
    title: t('reports.items.title'),
    header: [
      t('reports.items.code'),
      t('reports.items.question'),
      t('reports.export.dimension'),
      ...levels.map((level) => levelName(t, level)),
      `${levelName(t, 'red')} (%)`,
    ],
    rows: lines.map((line) => [
      line.code,
      line.text,
      dimensionName(t, line.dimension),
      ...levels.map((level) => line.counts[level]),
      line.red,
    ]),
  };
}

/** The lines above the sections: what the file is and what an empty cell means. */
export function fileHeading(ctx: ExportContext, suppressed: boolean): string[] {
  return [
    `${ctx.t('reports.export.fileTitle')}: ${ctx.scopeName} · ${ctx.period}`,
    ctx.t(suppressed ? 'reports.export.hiddenNote' : 'reports.export.noHidden'),
  ];
}

/** One CSV file: the heading, then each section under its title, a blank line between. */
export function sectionsCsv(heading: readonly string[], sections: readonly Section[]): string {
  const parts = heading.map((line) => csvLine([line]));
  for (const section of sections) {
    parts.push('\r\n', csvLine([section.title]), csvLine(section.header));
    for (const row of section.rows) parts.push(csvLine(row));
  }
  return UTF8_BOM + parts.join('');
}

/** `toemsuk-report-901508-2569.csv`, `toemsuk-report-901508-2569-03.xlsx`. */
export function reportFileName(params: ReportParams, extension: 'csv' | 'xlsx'): string {
  const scope = params.group ? `group-${params.group.slice(0, 8)}` : (params.area ?? 'area');
  const month = params.month ? `-${String(params.month).padStart(2, '0')}` : '';
  return `toemsuk-report-${scope}-${params.yearBE}${month}.${extension}`;
}
