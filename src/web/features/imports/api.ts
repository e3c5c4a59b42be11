import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post } from '../../app/api.ts';
import { send } from '../persons/http.ts';

export const importFormats = ['toemsuk-persons', 'moph43-person', 'mapped'] as const;
export type ImportFormat = (typeof importFormats)[number];
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportSummary {
  id: string;
  status: JobStatus;
  mode: 'dry-run' | 'commit';
  format: ImportFormat;
  fileName: string;
  areaCode?: string;
  encoding?: string | null;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  failure?: string | null;
  createdAt: string;
  startedAt?: string | null;
  finishedAt: string | null;
}

export interface ImportJob extends ImportSummary {
  /** A commit job made from a dry run: that dry run. */
  dryRunId?: string | null;
  /** A dry run already committed: its commit job (a dry run is committed once). */
  commitJobId?: string | null;
  errors: { row: number; column: string | null; code?: string; message: string }[];
  preview: {
    row: number;
    action: 'create' | 'update' | 'unchanged';
    firstName: string;
    lastName: string;
    birthDate: string;
    areaCode: string;
  }[];
}

export interface Inspection {
  encoding: string;
  format?: ImportFormat;
  headers: string[];
  sampleRows: string[][];
  /** `{personField: header}` for every header the server recognised. */
  suggestedMapping: Record<string, string>;
  /** The fields a mapping may fill, with their labels. */
  fields?: { key: string; th: string; en: string; required: boolean }[];
}

export const importKeys = {
  recent: ['imports', 'recent'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

const path = (id: string) => `/imports/${encodeURIComponent(id)}`;
export const errorsCsvUrl = (id: string) => `/api/v1${path(id)}/errors.csv`;
export const templateUrl = (type: 'csv' | 'xlsx') =>
  `/api/v1/imports/template?format=toemsuk-persons&type=${type}`;

export const isRunning = (status: JobStatus | undefined) => status === 'queued' || status === 'running';

/** One job, asked again every second while it is queued or running. */
export function useImportJob(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(id),
    queryFn: async ({ signal }) => {
      const job = await get<ImportJob>(path(id), undefined, signal);
      if (!isRunning(job.status)) void queryClient.invalidateQueries({ queryKey: importKeys.recent });
      return job;
    },
    refetchInterval: (query) => {
      const { data, error } = query.state;
      // A 4xx will not get better by asking again; a dropped connection may.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
      return !data || isRunning(data.status) ? 1000 : false;
    },
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

export function useRecentImports() {
  return useQuery({
    queryKey: importKeys.recent,
    queryFn: async ({ signal }) => {
      const body = await get<ImportSummary[] | { items: ImportSummary[] }>('/imports', { limit: 20 }, signal);
      return Array.isArray(body) ? body : body.items;
    },
    refetchInterval: (query) => (query.state.data?.some((j) => isRunning(j.status)) ? 2000 : false),
  });
}

export function useInspect() {
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return (await send<Inspection>('/imports/inspect', form)).data;
    },
  });
}

export interface StartImport {
  file: File;
  format: ImportFormat;
  areaCode: string;
  mapping?: Record<string, string>;
}

/** Uploads the file and starts a dry run: nothing is saved until it is committed. */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, format, areaCode, mapping }: StartImport) => {
      const form = new FormData();
      form.append('format', format);
      form.append('areaCode', areaCode);
      form.append('mode', 'dry-run');
      if (mapping) form.append('mapping', JSON.stringify(mapping));
      form.append('file', file, file.name);
      return (await send<ImportJob>('/imports', form)).data;
    },
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
}

/** Commits a finished dry run: a new job that writes the rows (or the one it already has, on a repeat). */
export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<ImportJob>(`${path(id)}/commit`),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      // The dry run now names its commit: coming back to it shows that instead of the button.
      void queryClient.invalidateQueries({ queryKey: importKeys.job(id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
}
