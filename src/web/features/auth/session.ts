import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Actor, Request as PolicyRequest } from '../../../core/policy/index.ts';
import { decide } from '../../../core/policy/index.ts';
import type { Session, User } from '../../../core/schemas/index.ts';
import { ApiError, get, post, setCsrfToken } from '../../app/api.ts';
import { SESSION_KEY } from '../../app/queryClient.ts';

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in person, or null. Loaded once; login, logout and 401s update it. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** For pages under RequireAuth, where a session always exists. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data.user;
}

export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    roles: user.roles,
    organizationId: user.organizationId,
    areaCodes: user.areaCodes,
  };
}

/** Hides what the server would refuse anyway: a courtesy, never the protection. */
export function useCan(): (request: PolicyRequest) => boolean {
  const user = useCurrentUser();
  const actor = actorOf(user);
  return (request) => decide(actor, request).allow;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      post<Session>('/auth/login', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

function useEndSession(path: '/auth/logout' | '/auth/logout-all') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>(path),
    onSuccess: () => {
      setCsrfToken(null);
      forgetDeviceDrafts();
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

export const useLogout = () => useEndSession('/auth/logout');
export const useLogoutEverywhere = () => useEndSession('/auth/logout-all');

export function refreshSession(queryClient: ReturnType<typeof useQueryClient>) {
  return queryClient.invalidateQueries({ queryKey: SESSION_KEY });
}

/**
 * Drafts kept on the device (half-done registrations and screenings) hold
 * personal data: logging out removes them. Only the language choice stays.
 */
function forgetDeviceDrafts() {
  const keep = new Set(['toemsuk.lang']);
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('toemsuk.') && !keep.has(key)) localStorage.removeItem(key);
  }
}
