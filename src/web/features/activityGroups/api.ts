import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, type Page, post } from '../../app/api.ts';
import { planKeys } from '../plans/api.ts';
import type {
  ActivityGroup,
  ActivityGroupCreate,
  ActivityGroupDetail,
  AttendanceInput,
  AttendanceResult,
} from './types.ts';

export const activityGroupKeys = {
  all: ['activityGroups'] as const,
  list: (area: string) => ['activityGroups', 'list', area] as const,
  detail: (id: string) => ['activityGroups', 'detail', id] as const,
};

const enc = encodeURIComponent;

/** The group activities of the viewer's areas (and those their organisation runs); `area` narrows it. */
export function useActivityGroups(area = '', enabled = true) {
  return useInfiniteQuery({
    queryKey: activityGroupKeys.list(area),
    queryFn: ({ pageParam, signal }) =>
      get<Page<ActivityGroup>>('/activity-groups', { area, limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useActivityGroup(id: string) {
  return useQuery({
    queryKey: activityGroupKeys.detail(id),
    queryFn: ({ signal }) => get<ActivityGroupDetail>(`/activity-groups/${enc(id)}`, undefined, signal),
  });
}

export function useCreateActivityGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityGroupCreate) => post<ActivityGroup>('/activity-groups', body),
    onSuccess: () => client.invalidateQueries({ queryKey: activityGroupKeys.all }),
  });
}

/** Saving the same date again replaces the marks of the people sent (the server upserts per person and day). */
export function useRecordAttendance(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceInput) =>
      post<AttendanceResult>(`/activity-groups/${enc(id)}/attendance`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: activityGroupKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ['activityGroups', 'list'] });
      // A plan shows the attendance counts beside its activities.
      void client.invalidateQueries({ queryKey: [...planKeys.all, 'detail'] });
    },
  });
}
