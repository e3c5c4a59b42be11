import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { InboxReadAllResult, InboxTodo, InboxUnread } from '../../../core/schemas/inbox.ts';
import type { InboxItem } from '../../../core/schemas/index.ts';
import { get, type Page, post } from '../../app/api.ts';

export type { InboxItem };

/** What the list shows: everything (unread marked) or the unread only. */
export type InboxShow = 'all' | 'unread';

export const inboxKeys = {
  all: ['inbox'] as const,
  unread: ['inbox', 'unread'] as const,
  list: (show: InboxShow) => ['inbox', 'list', show] as const,
};

/** The badge asks this often while the app is in front (never in a hidden tab), and again on focus. */
export const UNREAD_POLL_MS = 60_000;
const PAGE = 20;

interface InboxPage extends Page<InboxItem> {
  unread: number;
}

/** The unread count for the badges: a number only, so polling it is cheap and writes no audit row. */
export function useUnreadCount() {
  return useQuery({
    queryKey: inboxKeys.unread,
    queryFn: ({ signal }) => get<InboxUnread>('/inbox/unread', undefined, signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** The reader's items, newest first, a page at a time; each page also refreshes the badge. */
export function useInbox(show: InboxShow) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: inboxKeys.list(show),
    queryFn: async ({ pageParam, signal }) => {
      const page = await get<InboxPage>(
        '/inbox',
        { status: show === 'unread' ? 'open' : 'all', limit: PAGE, cursor: pageParam },
        signal,
      );
      queryClient.setQueryData<InboxUnread>(inboxKeys.unread, { unread: page.unread });
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnWindowFocus: true,
  });
}

/** After reading: the badge and the lists ask again (an item read elsewhere may have changed too). */
function refresh(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: inboxKeys.all });
}

/**
 * Marks one item read. The callbacks live on the mutation, not on `mutate`,
 * so they still run when opening the item has already left the page.
 */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<InboxItem>(`/inbox/${encodeURIComponent(id)}/read`),
    onSuccess: (item) => {
      for (const show of ['all', 'unread'] as const) {
        queryClient.setQueryData<{ pages: InboxPage[]; pageParams: unknown[] }>(
          inboxKeys.list(show),
          (old) =>
            old
              ? {
                  ...old,
                  pages: old.pages.map((p) => ({
                    ...p,
                    items: p.items.map((i) => (i.id === item.id ? item : i)),
                  })),
                }
              : old,
        );
      }
      void refresh(queryClient);
    },
  });
}

/** "Mark all read", up to the newest item the reader has seen: one that arrived since stays unread. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string | undefined) =>
      post<InboxReadAllResult>('/inbox/read-all', upTo ? { upTo } : {}),
    onSuccess: (result, upTo) => {
      queryClient.setQueryData<InboxUnread>(inboxKeys.unread, { unread: result.unread });
      // Shown read at once, as the server has them; the lists then ask again.
      const readAt = new Date().toISOString();
      const marked = (i: InboxItem) => i.readAt === null && (!upTo || i.createdAt <= upTo);
      for (const show of ['all', 'unread'] as const) {
        queryClient.setQueryData<{ pages: InboxPage[]; pageParams: unknown[] }>(
          inboxKeys.list(show),
          (old) =>
            old
              ? {
                  ...old,
                  pages: old.pages.map((p) => ({
                    ...p,
                    unread: result.unread,
                    items: p.items.map((i) => (marked(i) ? { ...i, readAt } : i)),
                  })),
                }
              : old,
        );
      }
      void refresh(queryClient);
    },
  });
}

/** What needs the reader now: visits today, referrals and rides to answer, what is past due. */
export function useTodo() {
  return useQuery({
    queryKey: ['inbox', 'todo'] as const,
    queryFn: ({ signal }) => get<InboxTodo>('/inbox/todo', undefined, signal),
    // Each read is audited: fetched when the page opens and when the reader comes back, not polled.
    refetchOnWindowFocus: true,
  });
}
