import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { WellbeingReport } from '../../../core/schemas/report.ts';
import {
  type ExportContext,
  fileHeading,
  reportFileName,
  reportSections,
  sectionsCsv,
} from './exportRows.ts';
import { parseReportParams } from './params.ts';
import { fixtureReport, hiddenReport } from './testReport.ts';

/** Keys as they are, options appended: what a label says is not what these tests are about. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key}${JSON.stringify(options)}` : key) as unknown as TFunction;
const ctx: ExportContext = { t, lang: 'th', scopeName: '=Area, "one"', period: 'ปี พ.ศ. 2569' };

const section = (report: WellbeingReport, id: string) => {
  const found = reportSections(report, ctx).find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

describe('reportSections', () => {
  const report = fixtureReport({ by: 'village' });

  it('holds the figures on screen, in the order of the page', () => {
    expect(reportSections(report, ctx).map((s) => s.id)).toEqual([
      'summary',
      'dimensions',
      'breakdown',
      'trend',
      'forecast',
      'change',
      'plans',
      'items',
    ]);
  });

  it('writes the population and each dimension’s lights with their shares', () => {
    const summary = section(report, 'summary').rows.map((row) => row[1]);
    const p = report.population;
    expect(summary.slice(2, 7)).toEqual([p.registered, p.screened, p.coverage, p.due, p.overdue]);
    const health = section(report, 'dimensions').rows[0] ?? [];
    const h = report.dimensions.health;
    const whole = (h.green ?? 0) + (h.yellow ?? 0) + (h.red ?? 0);
    expect(health.slice(1)).toEqual([
      h.green,
      h.yellow,
      h.red,
      Math.round(((h.green ?? 0) * 1000) / whole) / 10,
      Math.round(((h.yellow ?? 0) * 1000) / whole) / 10,
      Math.round(((h.red ?? 0) * 1000) / whole) / 10,
    ]);
  });

  it('writes one row per breakdown row with every dimension’s lights', () => {
    const breakdown = section(report, 'breakdown');
    expect(breakdown.rows.map((row) => row[1])).toEqual(report.breakdown.map((row) => row.key));
    expect(breakdown.header).toHaveLength(5 + 4 * 3);
    const first = report.breakdown[0];
    expect(breakdown.rows[0]?.slice(5, 8)).toEqual([
      first?.dimensions.health?.green,
      first?.dimensions.health?.yellow,
      first?.dimensions.health?.red,
    ]);
  });

  it('writes the trend means and every forecast month with its interval', () => {
    expect(section(report, 'trend').rows).toHaveLength(report.trend.length);
    const forecast = section(report, 'forecast').rows;
    expect(forecast).toHaveLength(report.forecast.reduce((n, f) => n + f.points.length, 0));
    const first = report.forecast[0]?.points[0];
    expect(forecast[0]?.slice(2, 5)).toEqual([first?.value, first?.lower, first?.upper]);
  });

  it('leaves hidden cells empty, never 0, and says so at the top', () => {
    const hidden = hiddenReport({ by: 'village' });
    const rows = reportSections(hidden, ctx).flatMap((s) => s.rows);
    expect(rows.some((row) => row.includes(null))).toBe(true);
    expect(fileHeading(ctx, true)[1]).toBe('reports.export.hiddenNote');
    expect(fileHeading(ctx, false)[1]).toBe('reports.export.noHidden');
  });
});

describe('sectionsCsv', () => {
  it('starts with a byte-order mark, neutralises formulas and quotes commas', () => {
    const report = fixtureReport({ by: 'village' });
    const csv = sectionsCsv(fileHeading(ctx, false), reportSections(report, ctx));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=Area, ""one""`);
    const lines = csv.split('\r\n');
    expect(lines).toContain('reports.export.summary');
    // A hidden count is an empty cell.
    const hidden = sectionsCsv([], reportSections(hiddenReport({ by: 'village' }), ctx));
    expect(hidden).toMatch(/,,|,\r\n/);
  });
});

describe('reportFileName', () => {
  const params = (query: string) => parseReportParams(new URLSearchParams(query), null, { yearBE: 2569 });
  it('names the file by area, Buddhist year and month', () => {
    expect(reportFileName(params('area=901508&yearBE=2569'), 'csv')).toBe('toemsuk-report-901508-2569.csv');
    expect(reportFileName(params('area=9015&yearBE=2568&month=3'), 'xlsx')).toBe(
      'toemsuk-report-9015-2568-03.xlsx',
    );
    expect(reportFileName(params('group=5f0c6a1e-0000-4000-8000-000000000001&yearBE=2569'), 'csv')).toBe(
      'toemsuk-report-group-5f0c6a1e-2569.csv',
    );
  });
});
