import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Level } from '../../../core/instruments/index.ts';
import type {
  ReportBreakdown,
  ReportDimension,
  ReportPersonRow,
  WellbeingReport,
} from '../../../core/schemas/report.ts';
import { get, type Page } from '../../app/api.ts';
import { apiQuery, type ReportParams } from './params.ts';

export interface PeopleQuery {
  area: string;
  yearBE: number;
  month: number | null;
  dimension: ReportDimension;
  level: Level;
}

const PEOPLE_PAGE = 50;

export const reportKeys = {
  wellbeing: (query: ReturnType<typeof apiQuery>) => ['reports', 'wellbeing', query] as const,
  people: (query: PeopleQuery) => ['reports', 'people', query] as const,
};

/**
 * The report of a view. The previous answer stays on screen while another year, month or breakdown
 * loads, so the page does not jump; a new screening shows at the next refetch.
 */
export function useWellbeingReport(params: ReportParams, by: ReportBreakdown = params.by) {
  const query = apiQuery(params, by);
  return useQuery({
    queryKey: reportKeys.wellbeing(query),
    queryFn: ({ signal }) => get<WellbeingReport>('/reports/wellbeing', query, signal),
    enabled: Boolean(params.area || params.group),
    placeholderData: keepPreviousData,
  });
}

export function useReportPeople(query: PeopleQuery) {
  return useInfiniteQuery({
    queryKey: reportKeys.people(query),
    queryFn: ({ pageParam, signal }) =>
      get<Page<ReportPersonRow>>(
        '/reports/wellbeing/people',
        { ...query, month: query.month ?? undefined, limit: PEOPLE_PAGE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
