/**
 * The area well-being report (issue 7), pure: definitions and the reference implementation
 * (`expected.ts`), the forecast, small-cell suppression, and the period and rounding rules the
 * server's rollups share. The test fixture (`fixture.ts`) is imported by path, not from here.
 */
export {
  ageBandOf,
  ageBands,
  meanOf,
  percentOf,
  TOTAL_BAND_WIDTH,
  totalBandOf,
  totalBands,
} from './bands.ts';
export {
  emptyLevels,
  expectedReport,
  inScope,
  isLater,
  latestOf,
  type ReportInput,
  type ReportInputScope,
  type ReportPerson,
  type ReportPlan,
  type ReportProgress,
  type ReportScreening,
} from './expected.ts';
export {
  FORECAST_HORIZON,
  FORECAST_MIN_POINTS,
  type ForecastOptions,
  fitHolt,
  forecastMonthly,
  HOLT_MIN_POINTS,
  type HoltFit,
  holt,
  type MonthValue,
  observedRun,
  SMOOTHING_GRID,
  Z_95,
} from './forecast.ts';
export { monthsBetween, type ReportPeriod, reportPeriod } from './period.ts';
export { suppressReport } from './suppress.ts';
