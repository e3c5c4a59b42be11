import {
  type OrganizationType,
  organizationServices,
  organizationTypes,
} from '../../../core/schemas/organization.ts';

export const sorts = ['name', '-name', '-createdAt', 'createdAt'] as const;
export type OrganizationSort = (typeof sorts)[number];
type Service = (typeof organizationServices)[number];

/** The list's filters, kept in the URL so a filtered list can be shared and reloaded. */
export interface OrganizationFilters {
  q?: string;
  type?: OrganizationType;
  area?: string;
  service?: Service;
  sort: OrganizationSort;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);

export function filtersFrom(params: URLSearchParams): OrganizationFilters {
  const q = params.get('q')?.trim();
  const area = params.get('area')?.trim();
  return {
    q: q || undefined,
    type: pick(organizationTypes, params.get('type')),
    area: area && /^\d{2}(\d{2}){0,3}$/.test(area) ? area : undefined,
    service: pick(organizationServices, params.get('service')),
    sort: pick(sorts, params.get('sort')) ?? 'name',
  };
}

export function filtersTo(filters: OrganizationFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === 'sort' && value === 'name')) params.set(key, value);
  }
  return params;
}

export const hasFilters = (f: OrganizationFilters) => Boolean(f.q || f.type || f.area || f.service);

/** The "find a service near a village" mode (`?mode=near&service=dental&near=90150801`). */
export interface NearFilters {
  service?: Service;
  near?: string;
}

export const isNearMode = (params: URLSearchParams) => params.get('mode') === 'near';

export function nearFrom(params: URLSearchParams): NearFilters {
  const near = params.get('near')?.trim();
  return {
    service: pick(organizationServices, params.get('service')),
    near: near && /^\d{8}$/.test(near) ? near : undefined,
  };
}

export function nearTo(filters: NearFilters): URLSearchParams {
  const params = new URLSearchParams({ mode: 'near' });
  if (filters.service) params.set('service', filters.service);
  if (filters.near) params.set('near', filters.near);
  return params;
}
