/**
 * Reports for the web's unit tests, made by the reference implementation from the core fixture
 * (`src/core/reports/fixture.ts`): a whole, realistic answer, and the same as a viewer sees it
 * with small cells hidden. Imported by tests only.
 */
import { expectedReport, type ReportInput } from '../../../core/reports/expected.ts';
import {
  FIXTURE_NOW,
  fixtureNames,
  fixturePeople,
  fixturePlans,
  fixtureProgress,
  fixtureScreenings,
} from '../../../core/reports/fixture.ts';
import { suppressReport } from '../../../core/reports/suppress.ts';
import type { WellbeingReport } from '../../../core/schemas/report.ts';

export function fixtureReport(over: Partial<ReportInput> = {}): WellbeingReport {
  return expectedReport({
    scope: { kind: 'area', code: '1001' },
    yearBE: 2569,
    by: 'village',
    now: FIXTURE_NOW,
    people: fixturePeople,
    screenings: fixtureScreenings,
    plans: fixturePlans,
    progress: fixtureProgress,
    names: fixtureNames,
    ...over,
  });
}

export const hiddenReport = (over: Partial<ReportInput> = {}) => suppressReport(fixtureReport(over));
