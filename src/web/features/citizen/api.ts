import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClaimAccount,
  LinkCodeIssued,
  MyLink,
  PersonAuditEntry,
  PersonLinks,
} from '../../../core/schemas/citizen.ts';
import type { Person, Session } from '../../../core/schemas/index.ts';
import type {
  ActivityMode,
  PlanDimension,
  PlanGoals,
  PlanResponsible,
  PlanStatus,
  ProgressReporter,
  ProgressStatus,
} from '../../../core/schemas/plan.ts';
import { ApiError, del, get, type Page, post, setCsrfToken } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n/index.ts';
import { SESSION_KEY } from '../../app/queryClient.ts';
import type { Screening } from '../screenings/types.ts';

export const citizenKeys = {
  myLinks: ['citizen', 'links'] as const,
  myData: (personId: string) => ['citizen', 'data', personId] as const,
  audit: (personId: string, excludeSelf: boolean) => ['citizen', 'audit', personId, excludeSelf] as const,
  personLinks: (personId: string) => ['citizen', 'personLinks', personId] as const,
};

const personPath = (id: string) => `/persons/${encodeURIComponent(id)}`;

/** The public sign-up: makes the account, links it and signs it in. */
export function useClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimAccount) => post<Session>('/auth/claim', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useMyLinks() {
  return useQuery({
    queryKey: citizenKeys.myLinks,
    queryFn: ({ signal }) => get<{ items: MyLink[] }>('/me/links', undefined, signal),
  });
}

export function useAddLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => post<MyLink>('/me/links', { code }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: citizenKeys.myLinks }),
  });
}

export function useUnlink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => del(`/me/links/${encodeURIComponent(linkId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['citizen'] }),
  });
}

/** Everything held about the person (the same file the download gives). */
export function useMyData(personId: string, enabled = true) {
  return useQuery({
    queryKey: citizenKeys.myData(personId),
    queryFn: ({ signal }) => get<MyData>('/me/data', { personId }, signal),
    enabled,
  });
}

/** Saves `/me/data` as the file the server names (`toemsuk-my-data-YYYY-MM-DD.json`). */
export async function downloadMyData(personId: string): Promise<void> {
  const url = `/api/v1/me/data?personId=${encodeURIComponent(personId)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
    });
  } catch {
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (!response.ok) throw new ApiError({ status: response.status, title: response.statusText });
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    'toemsuk-my-data.json';
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Who read or changed the person's data, newest first. Loading it is itself recorded. */
export function usePersonAudit(personId: string, excludeSelf: boolean, enabled = true) {
  return useInfiniteQuery({
    queryKey: citizenKeys.audit(personId, excludeSelf),
    queryFn: ({ pageParam, signal }) =>
      get<Page<PersonAuditEntry>>(
        `${personPath(personId)}/audit`,
        { limit: 20, cursor: pageParam, excludeSelf: excludeSelf ? 'true' : undefined },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useIssueLinkCode(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { relation: 'self' | 'proxy'; proxyName?: string }) =>
      post<LinkCodeIssued>(`${personPath(personId)}/link-codes`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: citizenKeys.personLinks(personId) }),
  });
}

export function usePersonLinks(personId: string, enabled = true) {
  return useQuery({
    queryKey: citizenKeys.personLinks(personId),
    queryFn: ({ signal }) => get<PersonLinks>(`${personPath(personId)}/links`, undefined, signal),
    enabled,
  });
}

export function useRevokeLink(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => del(`${personPath(personId)}/links/${encodeURIComponent(linkId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: citizenKeys.personLinks(personId) }),
  });
}

/** The shape of `GET /me/data` as the printable page reads it. */
export interface MyData {
  exportedAt: string;
  person: Person;
  household: {
    id: string;
    address: { areaCode: string; villageNo: number | null; houseNo: string | null; postcode: string | null };
    housingType: string | null;
    relationToHead: string | null;
  } | null;
  consents: {
    id: string;
    purpose: 'collect' | 'share_group' | 'share_agencies';
    granted: boolean;
    method: 'paper' | 'verbal_witnessed' | 'self';
    witnessName: string | null;
    note: string | null;
    recordedBy: string | null;
    recordedAt: string;
  }[];
  revisions: {
    version: number;
    changedBy: string | null;
    changedAt: string;
    source: string;
    reason: string | null;
    changes: Record<string, unknown>;
  }[];
  screenings: Screening[];
  plans: MyPlan[];
  alerts: { id: string; flag: string; urgent: boolean; recipient: string | null; createdAt: string }[];
  groups: { groupId: string; groupName: string; enrolledAt: string; dischargedAt: string | null }[];
  assignments: {
    groupName: string;
    assignee: string;
    organizationName: string | null;
    assignedAt: string;
    endedAt: string | null;
  }[];
  links: {
    id: string;
    relation: 'self' | 'proxy';
    account: string;
    linkedAt: string;
    revokedAt: string | null;
  }[];
  accessLog: PersonAuditEntry[];
}

/** One well-being plan in `GET /me/data`: now, every version as it was, every activity and report. */
export interface MyPlan {
  id: string;
  status: PlanStatus;
  version: number;
  goals: PlanGoals;
  startsOn: string | null;
  endsOn: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  adherence: { percent: number | null; months: number };
  activities: {
    id: string;
    dimension: PlanDimension;
    title: string;
    responsible: PlanResponsible;
    organizationName: string | null;
    responsibleName: string | null;
    mode: ActivityMode;
    goal: string | null;
    addedInVersion: number;
    removedInVersion: number | null;
    adherence: number | null;
  }[];
  versions: {
    version: number;
    reason: string | null;
    createdBy: string | null;
    createdAt: string;
    snapshot: { activities: { id: string }[] };
  }[];
  progress: {
    id: string;
    planActivityId: string;
    month: string;
    status: ProgressStatus;
    note: string | null;
    reportedAs: ProgressReporter;
    reportedBy: string | null;
    reportedAt: string;
    superseded: boolean;
  }[];
}
