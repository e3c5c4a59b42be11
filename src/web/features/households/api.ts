import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Household,
  HouseholdCreate,
  HouseholdPatch,
  Person,
  PersonPatch,
} from '../../../core/schemas/index.ts';
import { get, type Page, patch } from '../../app/api.ts';
import { personKeys } from '../persons/api.ts';
import { send } from '../persons/http.ts';

export interface HouseholdFilters {
  area?: string;
  q?: string;
}

export const householdKeys = {
  list: (f: HouseholdFilters) => ['households', 'list', f] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
};

const path = (id: string) => `/households/${encodeURIComponent(id)}`;

export function useHouseholds(filters: HouseholdFilters) {
  return useInfiniteQuery({
    queryKey: householdKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      get<Page<Household>>('/households', { ...filters, limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: ({ signal }) => get<Household>(path(id), undefined, signal),
  });
}

/** Creates a household; a retry with the same `clientId` returns the one already made. */
export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: HouseholdCreate) => (await send<Household>('/households', body)).data,
    onSuccess: (h) => {
      queryClient.setQueryData(householdKeys.detail(h.id), h);
      void queryClient.invalidateQueries({ queryKey: ['households', 'list'] });
    },
  });
}

export function useUpdateHousehold(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdPatch) => patch<Household>(path(id), body),
    onSuccess: (h) => {
      queryClient.setQueryData(householdKeys.detail(h.id), h);
      void queryClient.invalidateQueries({ queryKey: ['households', 'list'] });
      void queryClient.invalidateQueries({ queryKey: personKeys.household(id) });
    },
  });
}

/** Puts a person in this household (a PATCH of the person: the history records it). */
export function useAddMember(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, relationToHead }: { personId: string; relationToHead: string }) =>
      patch<Person>(`/persons/${encodeURIComponent(personId)}`, {
        householdId,
        relationToHead,
      } as PersonPatch),
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: personKeys.household(householdId) });
      void queryClient.invalidateQueries({ queryKey: householdKeys.detail(householdId) });
      void queryClient.invalidateQueries({ queryKey: ['households', 'list'] });
    },
  });
}
