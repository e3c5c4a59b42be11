import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AssistanceCreate,
  AssistanceKind,
  AssistancePage,
  AssistanceRecent,
  AssistanceRecord,
  AssistanceTotals,
} from '../../../core/schemas/assistance.ts';
import { get } from '../../app/api.ts';
import { send } from '../persons/http.ts';

export const assistanceKeys = {
  all: ['assistance'] as const,
  person: (personId: string) => ['assistance', 'person', personId] as const,
  recent: (personId: string, kind: string, on: string) =>
    ['assistance', 'recent', personId, kind, on] as const,
  totals: (scope: TotalsScope) => ['assistance', 'totals', scope] as const,
};

const enc = encodeURIComponent;

/** One person's ledger, newest first, page by page; every page carries the total of all of it. */
export function usePersonAssistance(personId: string, pageSize = 10) {
  return useInfiniteQuery({
    queryKey: [...assistanceKeys.person(personId), pageSize],
    queryFn: ({ pageParam, signal }) =>
      get<AssistancePage>(
        `/persons/${enc(personId)}/assistance`,
        { limit: pageSize, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** What the person received inside the duplicate window of `on` (of one kind, or of every kind). */
export function useRecentAssistance(personId: string, kind: AssistanceKind | null, on: string | null) {
  return useQuery({
    queryKey: assistanceKeys.recent(personId, kind ?? 'all', on ?? 'today'),
    queryFn: ({ signal }) =>
      get<AssistanceRecent>(
        `/persons/${enc(personId)}/assistance/recent`,
        { kind: kind ?? undefined, on: on ?? undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * Records help. Through `send`, so that a 409 keeps its `similar` records (a ProblemError). Safe to
 * resend: the same `clientId` answers the record already stored.
 */
export function useRecordAssistance(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: AssistanceCreate) => (await send<AssistanceRecord>('/assistance', body)).data,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: assistanceKeys.person(personId) });
      void client.invalidateQueries({ queryKey: ['assistance', 'recent', personId] });
      void client.invalidateQueries({ queryKey: ['assistance', 'totals'] });
    },
  });
}

export type TotalsScope =
  | { kind: 'area'; code: string; from: string; to: string }
  | { kind: 'organization'; id: string; from: string; to: string };

export function useAssistanceTotals(scope: TotalsScope | null) {
  return useQuery({
    queryKey: assistanceKeys.totals(scope ?? { kind: 'area', code: '', from: '', to: '' }),
    queryFn: ({ signal }) =>
      get<AssistanceTotals>(
        '/assistance/totals',
        scope?.kind === 'area'
          ? { area: scope.code, from: scope.from, to: scope.to }
          : {
              organization: scope?.kind === 'organization' ? scope.id : undefined,
              from: scope?.from,
              to: scope?.to,
            },
        signal,
      ),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
  });
}
