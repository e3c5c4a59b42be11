import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Area, AreaDetail, VillageCreate } from '../../../core/schemas/index.ts';
import { get, type Page, post } from '../../app/api.ts';

/**
 * A search hit carries the names of its ancestors, top first, joined by ` › `
 * (`pathTh: 'สงขลา › สิงหนคร'`), so a picker can show the full path.
 */
export type AreaHit = Area & { pathTh?: string | null; pathEn?: string | null };

const LIMIT = 200;

export const areaKeys = {
  all: ['areas'] as const,
  children: (parent: string | null) => ['areas', 'children', parent] as const,
  search: (q: string) => ['areas', 'search', q] as const,
  detail: (code: string) => ['areas', 'detail', code] as const,
};

/** Provinces when `parent` is null, otherwise the areas one level below it. */
export function useAreaChildren(parent: string | null) {
  return useInfiniteQuery({
    queryKey: areaKeys.children(parent),
    queryFn: ({ pageParam, signal }) =>
      get<Page<Area>>('/areas', { parent: parent ?? undefined, limit: LIMIT, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 5 * 60_000,
  });
}

export function useAreaSearch(q: string, limit = 50) {
  const text = q.trim();
  return useQuery({
    queryKey: [...areaKeys.search(text), limit],
    queryFn: ({ signal }) => get<Page<AreaHit>>('/areas', { q: text, limit }, signal),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useArea(code: string | null | undefined) {
  return useQuery({
    queryKey: areaKeys.detail(code ?? ''),
    queryFn: ({ signal }) => get<AreaDetail>(`/areas/${encodeURIComponent(code ?? '')}`, undefined, signal),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function useCreateVillage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VillageCreate) => post<Area>('/areas', body),
    onSuccess: (_village, body) => {
      void queryClient.invalidateQueries({ queryKey: areaKeys.children(body.parentCode) });
      void queryClient.invalidateQueries({ queryKey: areaKeys.detail(body.parentCode) });
    },
  });
}
