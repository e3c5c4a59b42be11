import { useInfiniteQuery } from '@tanstack/react-query';
import type { CareTimelineEntry, CareTimelineKind, CareTimelinePage } from '../../../core/schemas/index.ts';
import { get } from '../../app/api.ts';

export type { CareTimelineEntry, CareTimelineKind };

const PAGE = 20;

export const careTimelineKeys = {
  of: (personId: string, kind: CareTimelineKind | 'all') => ['careTimeline', personId, kind] as const,
};

/** A person's care timeline, newest first, a page at a time. */
export function useCareTimeline(personId: string, kind: CareTimelineKind | 'all') {
  return useInfiniteQuery({
    queryKey: careTimelineKeys.of(personId, kind),
    queryFn: ({ pageParam, signal }) =>
      get<CareTimelinePage>(
        `/persons/${personId}/care-timeline`,
        { limit: PAGE, cursor: pageParam, kind: kind === 'all' ? undefined : kind },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnWindowFocus: true,
  });
}
