import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Organization,
  OrganizationCreate,
  OrganizationListItem,
  OrganizationPatch,
} from '../../../core/schemas/index.ts';
import { get, type Page, patch, post } from '../../app/api.ts';
import type { NearFilters, OrganizationFilters } from './filters.ts';

const PAGE = 50;
const EXPORT_PAGE = 500;

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (filters: OrganizationFilters) => ['organizations', 'list', filters] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export function useOrganizations(filters: OrganizationFilters) {
  return useInfiniteQuery({
    queryKey: organizationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      get<Page<Organization>>('/organizations', { ...filters, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every organisation matching the filters, page by page, telling how many so far. */
export async function fetchAllOrganizations(
  filters: OrganizationFilters,
  onProgress: (count: number) => void,
  signal?: AbortSignal,
): Promise<Organization[]> {
  const all: Organization[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<Page<Organization>>(
      '/organizations',
      { ...filters, limit: EXPORT_PAGE, cursor },
      signal,
    );
    all.push(...page.items);
    onProgress(all.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      get<Organization>(`/organizations/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationCreate) => post<Organization>('/organizations', body),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.detail(org.id), org);
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationPatch) =>
      patch<Organization>(`/organizations/${encodeURIComponent(id)}`, body),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.detail(org.id), org);
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}

/** Who offers a service near a village, nearest first (the directory search); idle without a village. */
export function useNearOrganizations(filters: NearFilters, limit = PAGE) {
  return useInfiniteQuery({
    queryKey: ['organizations', 'near', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      get<Page<OrganizationListItem>>('/organizations', { ...filters, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(filters.near),
    placeholderData: keepPreviousData,
  });
}

/** For pickers: a few organisations whose name matches. */
export function useOrganizationSearch(q: string) {
  return useQuery({
    queryKey: ['organizations', 'search', q],
    queryFn: ({ signal }) =>
      get<Page<Organization>>('/organizations', { q: q || undefined, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}
