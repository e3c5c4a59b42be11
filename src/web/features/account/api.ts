import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../app/api.ts';

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface NewApiToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

const TOKENS = ['auth', 'tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: TOKENS,
    queryFn: ({ signal }) => get<{ items: ApiToken[] }>('/auth/tokens', undefined, signal),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => post<NewApiToken>('/auth/tokens', { name }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/auth/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      post<void>('/auth/password', body),
  });
}
