import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  OrganizationListItem,
  TransportCreate,
  TransportRequestDto,
  TransportTransitionInput,
  transportStatusFilters,
} from '../../../core/schemas/index.ts';
import { get, type Page, post } from '../../app/api.ts';

export type TransportStatusFilter = (typeof transportStatusFilters)[number];
export type TransportList = 'me' | 'mine';

const PAGE = 50;

export const transportKeys = {
  all: ['transport'] as const,
  list: (to: TransportList, status: TransportStatusFilter | undefined) =>
    ['transport', 'list', to, status] as const,
  detail: (id: string) => ['transport', 'detail', id] as const,
  person: (personId: string) => ['transport', 'person', personId] as const,
};

/** The provider queue (`me`) or my requests (`mine`), page by page. */
export function useTransportList(to: TransportList, status: TransportStatusFilter | undefined) {
  return useInfiniteQuery({
    queryKey: transportKeys.list(to, status),
    queryFn: ({ pageParam, signal }) =>
      get<Page<TransportRequestDto>>('/transport', { to, status, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTransport(id: string) {
  return useQuery({
    queryKey: transportKeys.detail(id),
    queryFn: ({ signal }) =>
      get<TransportRequestDto>(`/transport/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function usePersonTransport(personId: string, enabled = true) {
  return useQuery({
    queryKey: transportKeys.person(personId),
    queryFn: ({ signal }) =>
      get<Page<TransportRequestDto>>(
        `/persons/${encodeURIComponent(personId)}/transport`,
        { limit: 5 },
        signal,
      ),
    enabled,
  });
}

/** Transport providers, nearest to the village first when it is known (the directory search). */
export function useTransportProviders(village: string | null) {
  return useQuery({
    queryKey: ['organizations', 'transport-providers', village],
    queryFn: ({ signal }) =>
      get<Page<OrganizationListItem>>(
        '/organizations',
        { service: 'patient_transport', near: village ?? undefined, limit: 100 },
        signal,
      ),
  });
}

export function useCreateTransport(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransportCreate) =>
      post<TransportRequestDto>(`/persons/${encodeURIComponent(personId)}/transport`, body),
    onSuccess: (request) => {
      queryClient.setQueryData(transportKeys.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: transportKeys.all });
    },
  });
}

export function useTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransportTransitionInput) =>
      post<TransportRequestDto>(`/transport/${encodeURIComponent(id)}/transitions`, body),
    onSuccess: (request) => {
      queryClient.setQueryData(transportKeys.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: ['transport', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['transport', 'person'] });
    },
    // A stale version (409): show the latest state, so the next tap acts on what is really there.
    onError: () => void queryClient.invalidateQueries({ queryKey: transportKeys.all }),
  });
}
