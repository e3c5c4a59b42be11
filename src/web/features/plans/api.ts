import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { get, type Page, patch, post } from '../../app/api.ts';
import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  MonthProgress,
  Plan,
  PlanCreate,
  PlanDraft,
  PlanPatch,
  PlanProgressInput,
  PlanSummary,
  PlanTask,
  PlanVersion,
  ProgressEntry,
} from './types.ts';

export const planKeys = {
  all: ['plans'] as const,
  draft: (personId: string) => ['plans', 'draft', personId] as const,
  person: (personId: string) => ['plans', 'person', personId] as const,
  detail: (id: string, version?: number) => ['plans', 'detail', id, version ?? 'current'] as const,
  versions: (id: string) => ['plans', 'versions', id] as const,
  progress: (id: string, month: string) => ['plans', 'progress', id, month] as const,
  tasks: (dimension: string) => ['plans', 'tasks', dimension] as const,
  activities: (filters: ActivityFilters) => ['activities', 'list', filters] as const,
  activity: (id: string) => ['activities', 'detail', id] as const,
};

const enc = encodeURIComponent;

export interface ActivityFilters {
  dimension: string;
  mode: string;
  q: string;
}

export function useActivities(filters: ActivityFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: planKeys.activities(filters),
    queryFn: ({ pageParam, signal }) =>
      get<Page<Activity>>(
        '/activities',
        { dimension: filters.dimension, mode: filters.mode, q: filters.q, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: string | null | undefined) {
  return useQuery({
    queryKey: planKeys.activity(id ?? ''),
    queryFn: ({ signal }) => get<ActivityDetail>(`/activities/${enc(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useCreateActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityCreate) => post<ActivityDetail>('/activities', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['activities'] }),
  });
}

/** The candidates for a new plan. A POST that stores nothing: asked once per visit, never retried blindly. */
export function usePlanDraft(personId: string) {
  return useQuery({
    queryKey: planKeys.draft(personId),
    queryFn: () => post<PlanDraft>(`/persons/${enc(personId)}/plans/draft`, {}),
    retry: false,
    staleTime: 10 * 60_000,
  });
}

export function usePersonPlans(personId: string) {
  return useQuery({
    queryKey: planKeys.person(personId),
    queryFn: ({ signal }) => get<Page<PlanSummary>>(`/persons/${enc(personId)}/plans`, { limit: 50 }, signal),
  });
}

/** Safe to resend: the same `clientId` answers with the plan already stored. */
export function useCreatePlan(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanCreate) => post<Plan>(`/persons/${enc(personId)}/plans`, body),
    onSuccess: (plan) => {
      client.setQueryData(planKeys.detail(plan.id), plan);
      void client.invalidateQueries({ queryKey: planKeys.person(personId) });
    },
  });
}

export function usePlan(id: string, version?: number) {
  return useQuery({
    queryKey: planKeys.detail(id, version),
    queryFn: ({ signal }) => get<Plan>(`/plans/${enc(id)}`, { version }, signal),
  });
}

export function usePlanVersions(id: string) {
  return useQuery({
    queryKey: planKeys.versions(id),
    queryFn: ({ signal }) => get<{ items: PlanVersion[] }>(`/plans/${enc(id)}/versions`, undefined, signal),
  });
}

export function usePatchPlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanPatch) => patch<Plan>(`/plans/${enc(id)}`, body),
    onSuccess: (plan) => {
      client.setQueryData(planKeys.detail(id), plan);
      void client.invalidateQueries({ queryKey: planKeys.versions(id) });
      void client.invalidateQueries({ queryKey: planKeys.person(plan.personId) });
    },
  });
}

export function usePlanProgress(id: string, month: string) {
  return useQuery({
    queryKey: planKeys.progress(id, month),
    queryFn: ({ signal }) =>
      get<Page<ProgressEntry>>(`/plans/${enc(id)}/progress`, { month, limit: 200 }, signal),
  });
}

/** Safe to resend with the same `clientId`. */
export function useRecordProgress(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanProgressInput) => post<MonthProgress>(`/plans/${enc(id)}/progress`, body),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: planKeys.progress(id, saved.month) });
      void client.invalidateQueries({ queryKey: ['plans', 'detail', id] });
      void client.invalidateQueries({ queryKey: ['plans', 'tasks'] });
      void client.invalidateQueries({ queryKey: ['plans', 'person'] });
    },
  });
}

export function usePlanTasks(dimension: string) {
  return useInfiniteQuery({
    queryKey: planKeys.tasks(dimension),
    queryFn: ({ pageParam, signal }) =>
      get<Page<PlanTask>>(
        '/plan-activities',
        { organization: 'mine', dimension, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
