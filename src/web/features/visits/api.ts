import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssigneeOption,
  Calendar,
  Visit,
  VisitCancel,
  VisitCreate,
  VisitPatch,
  VisitRecordInput,
  VisitSummary,
  VisitWithWarnings,
} from '../../../core/schemas/visit.ts';
import { get, type Page, patch, post } from '../../app/api.ts';

/** Whose calendar: oneself, one's organisation, or an area. */
export type CalendarOwnerQuery = { me: true } | { organization: string } | { area: string };

export const visitKeys = {
  all: ['visits'] as const,
  person: (personId: string) => ['visits', 'person', personId] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  calendar: (owner: CalendarOwnerQuery, from: string, to: string) =>
    ['visits', 'calendar', owner, from, to] as const,
  assignees: (personId: string, organizationId: string | null) =>
    ['visits', 'assignees', personId, organizationId] as const,
};

const enc = encodeURIComponent;

export function usePersonVisits(personId: string, enabled = true) {
  return useQuery({
    queryKey: visitKeys.person(personId),
    queryFn: ({ signal }) =>
      get<Page<VisitSummary>>(`/persons/${enc(personId)}/visits`, { limit: 100 }, signal),
    enabled,
  });
}

export function useVisit(id: string) {
  return useQuery({
    queryKey: visitKeys.detail(id),
    queryFn: ({ signal }) => get<Visit>(`/visits/${enc(id)}`, undefined, signal),
  });
}

export function useCalendar(owner: CalendarOwnerQuery | null, from: string, to: string) {
  return useQuery({
    queryKey: visitKeys.calendar(owner ?? { me: true }, from, to),
    queryFn: ({ signal }) =>
      get<Calendar>('/calendar', { ...(owner as Record<string, string | boolean>), from, to }, signal),
    enabled: owner !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAssignees(personId: string, organizationId: string | null, enabled = true) {
  return useQuery({
    queryKey: visitKeys.assignees(personId, organizationId),
    queryFn: ({ signal }) =>
      get<{ items: AssigneeOption[] }>(
        `/persons/${enc(personId)}/visits/assignees`,
        { organizationId: organizationId ?? undefined },
        signal,
      ),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After any change: the visit, the person's list and every calendar may show it. */
function useRefresh() {
  const client = useQueryClient();
  return (visit: Visit) => {
    client.setQueryData(visitKeys.detail(visit.id), visit);
    void client.invalidateQueries({ queryKey: ['visits', 'calendar'] });
    if (visit.personId) void client.invalidateQueries({ queryKey: visitKeys.person(visit.personId) });
    else void client.invalidateQueries({ queryKey: ['visits', 'person'] });
  };
}

/** Safe to resend: the same `clientId` answers with the visit already booked. */
export function useScheduleVisit(personId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: VisitCreate) => post<VisitWithWarnings>(`/persons/${enc(personId)}/visits`, body),
    onSuccess: (visit) => refresh(visit),
  });
}

export function usePatchVisit(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: VisitPatch) => patch<VisitWithWarnings>(`/visits/${enc(id)}`, body),
    onSuccess: (visit) => refresh(visit),
  });
}

/** Safe to resend with the same `clientId`. */
export function useRecordVisit(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: VisitRecordInput) => post<Visit>(`/visits/${enc(id)}/record`, body),
    onSuccess: (visit) => refresh(visit),
  });
}

export function useCancelVisit(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: VisitCancel) => post<Visit>(`/visits/${enc(id)}/cancel`, body),
    onSuccess: (visit) => refresh(visit),
  });
}
