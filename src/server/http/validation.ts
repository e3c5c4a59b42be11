import type { FieldError } from './problem.ts';

/** The parts of a zod issue we translate; fastify-type-provider-zod passes them as `params`. */
interface IssueLike {
  code: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
}

const formats: Record<string, string> = {
  areaCode: 'DOPA 2/4/6/8 digits',
  subdistrictCode: 'DOPA 6 digits',
  villageCode: 'DOPA 8 digits',
  username: 'a-z 0-9 . _ -, 3–40',
  phone: '0-9 + - ( )',
  subdistrictOrVillageCode: 'DOPA 6 or 8 digits',
  postcode: '5 digits',
  isoDate: 'YYYY-MM-DD',
  countryCode: 'ISO 3166 alpha-2, e.g. TH',
};

/** Custom refinements carry a detail code as their message. */
const customDetails = new Set([
  'required',
  'thai_id_check',
  'not_with_none',
  'area_or_group',
  'hours_order',
  'hours_overlap',
  'calendar_owner',
]);

/** Turns a zod issue into a field error people can read, in either language. */
export function fieldErrorFromIssue(issue: IssueLike): FieldError[] {
  const p = issue.params;
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return ((p.keys as string[]) ?? []).map((k) => ({
        path: path ? `${path}.${k}` : k,
        detail: 'unknown_field' as const,
        params: { name: k },
      }));
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return [{ path, detail: 'required' }];
      return [{ path, detail: 'wrong_type', params: { expected: String(p.expected ?? '?') } }];
    case 'too_small':
      return [
        {
          path,
          detail: p.origin === 'number' || p.origin === 'bigint' ? 'too_small' : 'too_short',
          params: { min: String(p.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          path,
          detail: p.origin === 'number' || p.origin === 'bigint' ? 'too_big' : 'too_long',
          params: { max: String(p.maximum) },
        },
      ];
    case 'invalid_value':
      return [{ path, detail: 'not_one_of', params: { values: ((p.values as unknown[]) ?? []).join(', ') } }];
    case 'invalid_format': {
      const named = formats[issue.message];
      return [{ path, detail: 'bad_format', params: { format: named ?? String(p.format ?? issue.message) } }];
    }
    case 'custom':
      if (customDetails.has(issue.message)) return [{ path, detail: issue.message as FieldError['detail'] }];
      return [{ path, detail: 'invalid' }];
    default:
      return [{ path, detail: 'invalid' }];
  }
}

/** Dotted path from a JSON pointer such as `/roles/0`. */
export function pointerToPath(pointer: string): string {
  return pointer.replace(/^\//, '').split('/').filter(Boolean).join('.');
}
