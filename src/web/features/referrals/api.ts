import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Referral,
  ReferralCounts,
  ReferralCreate,
  ReferralDetail,
  ReferralTransition,
} from '../../../core/schemas/referral.ts';
import { ApiError, get, type Page, post } from '../../app/api.ts';

export type { Referral, ReferralCounts, ReferralCreate, ReferralDetail, ReferralTransition };

/** Every referral query starts with `referrals`: the live stream refreshes them all at once. */
export const referralKeys = {
  all: ['referrals'] as const,
  list: (filters: ReferralFilters) => ['referrals', 'list', filters] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  person: (personId: string) => ['referrals', 'person', personId] as const,
  counts: ['referrals', 'counts'] as const,
};

export interface ReferralFilters {
  to: 'me' | 'mine';
  /** '' for all, `open`, `closed` or one status. */
  status: string;
  overdue: boolean;
}

const enc = encodeURIComponent;
const PAGE = 50;
/** Without a live stream the badge still catches up this often (and on focus). */
const COUNTS_POLL_MS = 2 * 60_000;

export function useReferrals(filters: ReferralFilters) {
  return useInfiniteQuery({
    queryKey: referralKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      get<Page<Referral>>(
        '/referrals',
        {
          to: filters.to,
          status: filters.status,
          overdue: filters.overdue ? 'true' : undefined,
          limit: PAGE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => get<ReferralDetail>(`/referrals/${enc(id)}`, undefined, signal),
    refetchOnWindowFocus: true,
  });
}

export function usePersonReferrals(personId: string, enabled = true) {
  return useQuery({
    queryKey: referralKeys.person(personId),
    queryFn: ({ signal }) =>
      get<Page<Referral>>(`/persons/${enc(personId)}/referrals`, { limit: 20 }, signal),
    enabled,
  });
}

/** The incoming queue in numbers (no names, no audit row): cheap enough for the menu badge. */
export function useReferralCounts(enabled: boolean) {
  return useQuery({
    queryKey: referralKeys.counts,
    queryFn: ({ signal }) => get<ReferralCounts>('/referrals/counts', undefined, signal),
    enabled,
    refetchInterval: COUNTS_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** Safe to resend: the same `clientId` answers with the referral already stored. */
export function useCreateReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralCreate) => post<ReferralDetail>('/referrals', body),
    onSuccess: (referral) => {
      client.setQueryData(referralKeys.detail(referral.id), referral);
      void client.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralTransition) => post<ReferralDetail>(`/referrals/${enc(id)}/transitions`, body),
    onSuccess: (referral) => {
      client.setQueryData(referralKeys.detail(id), referral);
      void client.invalidateQueries({ queryKey: referralKeys.all });
    },
    // Someone else moved it first (409): show what it is now.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void client.invalidateQueries({ queryKey: referralKeys.detail(id) });
      }
    },
  });
}
