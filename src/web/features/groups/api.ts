import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupCreate, GroupPatch } from '../../../core/schemas/group.ts';
import { api, get, type Page, patch, post } from '../../app/api.ts';
import type {
  ActivityItem,
  AssignmentHistoryItem,
  Group,
  GroupHome,
  GroupMember,
  GroupPersonRow,
  GroupRole,
  MemberCandidate,
  MyPerson,
} from './types.ts';

export const groupKeys = {
  all: ['groups'] as const,
  list: ['groups', 'list'] as const,
  detail: (id: string) => ['groups', id] as const,
  home: (id: string) => ['groups', id, 'home'] as const,
  members: (id: string) => ['groups', id, 'members'] as const,
  candidates: (id: string, q: string) => ['groups', id, 'candidates', q] as const,
  persons: (id: string) => ['groups', id, 'persons'] as const,
  activity: (id: string) => ['groups', id, 'activity'] as const,
  history: (id: string, personId: string) => ['groups', id, 'history', personId] as const,
  myPeople: ['groups', 'me', 'people'] as const,
};

const path = (id: string, rest = '') => `/groups/${encodeURIComponent(id)}${rest}`;

export function useGroups() {
  return useInfiniteQuery({
    queryKey: groupKeys.list,
    queryFn: ({ pageParam, signal }) =>
      get<Page<Group>>('/groups', { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => get<Group>(path(id), undefined, signal),
  });
}

export function useGroupHome(id: string) {
  return useQuery({
    queryKey: groupKeys.home(id),
    queryFn: ({ signal }) => get<GroupHome>(path(id, '/home'), undefined, signal),
  });
}

export function useGroupMembers(id: string) {
  return useQuery({
    queryKey: groupKeys.members(id),
    queryFn: ({ signal }) => get<Page<GroupMember>>(path(id, '/members'), { limit: 500 }, signal),
  });
}

export function useMemberCandidates(id: string, q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: groupKeys.candidates(id, text),
    queryFn: ({ signal }) =>
      get<{ items: MemberCandidate[] }>(path(id, '/member-candidates'), { q: text, limit: 20 }, signal),
    enabled: text.length >= 2,
  });
}

export function useGroupPersons(id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: groupKeys.persons(id),
    queryFn: ({ pageParam, signal }) =>
      get<Page<GroupPersonRow>>(path(id, '/persons'), { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useGroupActivity(id: string) {
  return useInfiniteQuery({
    queryKey: groupKeys.activity(id),
    queryFn: ({ pageParam, signal }) =>
      get<Page<ActivityItem>>(path(id, '/activity'), { limit: 30, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAssignmentHistory(id: string, personId: string | null) {
  return useQuery({
    queryKey: groupKeys.history(id, personId ?? ''),
    queryFn: ({ signal }) =>
      get<{ items: AssignmentHistoryItem[] }>(
        path(id, '/assignments/history'),
        { personId: personId ?? undefined },
        signal,
      ),
    enabled: Boolean(personId),
  });
}

export function useMyPeople() {
  return useInfiniteQuery({
    queryKey: groupKeys.myPeople,
    queryFn: ({ pageParam, signal }) =>
      get<Page<MyPerson>>('/me/people', { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupCreate) => post<Group>('/groups', body),
    onSuccess: (g) => {
      queryClient.setQueryData(groupKeys.detail(g.id), g);
      void queryClient.invalidateQueries({ queryKey: groupKeys.list });
    },
  });
}

export function useUpdateGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupPatch) => patch<Group>(path(id), body),
    onSuccess: (g) => {
      queryClient.setQueryData(groupKeys.detail(id), g);
      void queryClient.invalidateQueries({ queryKey: groupKeys.all });
    },
  });
}

/** Every change inside a group refreshes the group's pages (counts, lists, feed). */
function useGroupWrite<B>(id: string, run: (body: B) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: groupKeys.list });
      void queryClient.invalidateQueries({ queryKey: groupKeys.myPeople });
    },
  });
}

export const useAddMember = (id: string) =>
  useGroupWrite(id, (body: { userId: string; role: GroupRole }) =>
    post<GroupMember>(path(id, '/members'), body),
  );
export const useRemoveMember = (id: string) =>
  useGroupWrite(id, (body: { userId: string }) =>
    api<void>(path(id, '/members'), { method: 'DELETE', body }),
  );
export const useEnrol = (id: string) =>
  useGroupWrite(id, (body: { personId: string }) => post<unknown>(path(id, '/persons'), body));
export const useDischarge = (id: string) =>
  useGroupWrite(id, (body: { personId: string; reason?: string }) =>
    api<void>(path(id, '/persons'), { method: 'DELETE', body }),
  );
export const useAssign = (id: string) =>
  useGroupWrite(id, (body: { personId: string; userId: string }) =>
    post<unknown>(path(id, '/assignments'), body),
  );
export const useUnassign = (id: string) =>
  useGroupWrite(id, (body: { personId: string }) =>
    api<void>(path(id, '/assignments'), { method: 'DELETE', body }),
  );
