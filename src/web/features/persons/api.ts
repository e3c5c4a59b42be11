import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ConsentCreate, Person, PersonCreate, PersonPatch } from '../../../core/schemas/index.ts';
import { get, type Page, patch, post } from '../../app/api.ts';
import { type PersonFilters, toQuery } from './filters.ts';
import { send } from './http.ts';

const PAGE = 50;
const EXPORT_PAGE = 500;

export interface ConsentState {
  collect: boolean;
  shareGroup: boolean;
  shareAgencies: boolean;
}

export interface ConsentRecord {
  id: string;
  purpose: 'collect' | 'share_group' | 'share_agencies';
  granted: boolean;
  method: 'paper' | 'verbal_witnessed' | 'self';
  witnessName: string | null;
  agencies: string[];
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface Revision {
  version: number;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
  source: string;
  reason: string | null;
  changes: Record<string, unknown>;
}

/** A probable duplicate the server found (409 `matches`). */
export interface PersonMatch {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  address: Person['address'];
}

export const personKeys = {
  all: ['persons'] as const,
  list: (filters: PersonFilters) => ['persons', 'list', filters] as const,
  search: (q: string) => ['persons', 'search', q] as const,
  household: (id: string) => ['persons', 'household', id] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
  history: (id: string) => ['persons', 'history', id] as const,
  consents: (id: string) => ['persons', 'consents', id] as const,
};

const path = (id: string) => `/persons/${encodeURIComponent(id)}`;

export function usePersons(filters: PersonFilters) {
  return useInfiniteQuery({
    queryKey: personKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      get<Page<Person>>('/persons', { ...toQuery(filters), limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every person matching the filters, page by page, telling how many so far. */
export async function fetchAllPersons(
  filters: PersonFilters,
  onProgress: (count: number) => void,
): Promise<Person[]> {
  const all: Person[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<Page<Person>>('/persons', { ...toQuery(filters), limit: EXPORT_PAGE, cursor });
    all.push(...page.items);
    onProgress(all.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** For pickers: a few people whose name, ID or phone matches. */
export function usePersonSearch(q: string, area?: string) {
  const text = q.trim();
  return useQuery({
    queryKey: [...personKeys.search(text), area],
    queryFn: ({ signal }) => get<Page<Person>>('/persons', { q: text, area, limit: 20 }, signal),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useHouseholdMembers(householdId: string | null | undefined) {
  return useQuery({
    queryKey: personKeys.household(householdId ?? ''),
    queryFn: ({ signal }) =>
      get<Page<Person>>('/persons', { householdId: householdId ?? undefined, limit: 200 }, signal),
    enabled: Boolean(householdId),
  });
}

export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: personKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<Person>(path(id ?? ''), undefined, signal),
    enabled: Boolean(id),
  });
}

/**
 * Registers a person. Resending the same body (same `clientId`) after a lost
 * answer returns the stored person, never a second one. Conflicts keep their
 * `existing` / `matches` members (see ProblemError).
 */
export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PersonCreate) => (await send<Person>('/persons', body)).data,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
    },
  });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonPatch) => patch<Person>(path(id), body),
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      void queryClient.invalidateQueries({ queryKey: personKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['persons', 'household'] });
    },
  });
}

export function usePersonHistory(id: string) {
  return useQuery({
    queryKey: personKeys.history(id),
    queryFn: ({ signal }) => get<{ items: Revision[] }>(`${path(id)}/history`, undefined, signal),
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: personKeys.consents(id),
    queryFn: ({ signal }) =>
      get<{ items: ConsentRecord[]; state: ConsentState }>(`${path(id)}/consents`, undefined, signal),
  });
}

export function recordConsent(personId: string, body: ConsentCreate) {
  return post<{ record: ConsentRecord; state: ConsentState }>(`${path(personId)}/consents`, body);
}

export function useRecordConsent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreate) => recordConsent(id, body),
    onSuccess: ({ state }) => {
      queryClient.setQueryData<Person>(personKeys.detail(id), (p) => (p ? { ...p, consent: state } : p));
      void queryClient.invalidateQueries({ queryKey: personKeys.consents(id) });
      void queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
    },
  });
}

export function useMergePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { intoId: string; reason: string }) => post<Person>(`${path(id)}/merge`, body),
    onSuccess: (survivor) => {
      queryClient.setQueryData(personKeys.detail(survivor.id), survivor);
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
}
