import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get, type Page, post } from '../../app/api.ts';
import type { DueItem, Screening, ScreeningCreate, ScreeningDetail, Timeline, WorseItem } from './types.ts';

const PAGE = 50;

export const screeningKeys = {
  all: ['screenings'] as const,
  detail: (id: string) => ['screenings', 'detail', id] as const,
  person: (personId: string) => ['screenings', 'person', personId] as const,
  timeline: (personId: string) => ['screenings', 'timeline', personId] as const,
  due: (month: string, area: string) => ['screenings', 'due', month, area] as const,
  worse: (month: string, area: string) => ['screenings', 'worse', month, area] as const,
};

const personPath = (id: string) => `/persons/${encodeURIComponent(id)}/screenings`;

/** Safe to resend: the same `clientId` answers 200 with the stored screening, never a second one. */
export function createScreening(personId: string, body: ScreeningCreate): Promise<Screening> {
  return post<Screening>(personPath(personId), body);
}

export function useScreening(id: string | null | undefined) {
  return useQuery({
    queryKey: screeningKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      get<ScreeningDetail>(`/screenings/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useTimeline(personId: string) {
  return useQuery({
    queryKey: screeningKeys.timeline(personId),
    queryFn: ({ signal }) => get<Timeline>(`${personPath(personId)}/timeline`, undefined, signal),
  });
}

/** The person's latest screenings of one instrument (newest first). */
export function usePersonScreenings(personId: string, instrument?: string) {
  return useQuery({
    queryKey: [...screeningKeys.person(personId), instrument ?? ''],
    queryFn: ({ signal }) => get<Page<Screening>>(personPath(personId), { instrument, limit: 20 }, signal),
  });
}

function useMonthList<T>(kind: 'due' | 'worse', month: string, area: string) {
  return useInfiniteQuery({
    queryKey: kind === 'due' ? screeningKeys.due(month, area) : screeningKeys.worse(month, area),
    queryFn: ({ pageParam, signal }) =>
      get<Page<T>>(`/screenings/${kind}`, { month, area, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useDueList = (month: string, area: string) => useMonthList<DueItem>('due', month, area);
export const useWorseList = (month: string, area: string) => useMonthList<WorseItem>('worse', month, area);
