import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Role, User, UserCreate, UserPatch } from '../../../core/schemas/index.ts';
import { get, type Page, patch, post } from '../../app/api.ts';

export interface UserFilters {
  q?: string;
  role?: Role;
  organizationId?: string;
  disabled?: 'true' | 'false';
}

export const userKeys = {
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      get<Page<User>>('/users', { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => get<User>(`/users/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => post<User>('/users', body),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatch) => patch<User>(`/users/${encodeURIComponent(id)}`, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      post<void>(`/users/${encodeURIComponent(id)}/password`, { newPassword }),
  });
}
