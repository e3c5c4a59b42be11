import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../../../core/schemas/index.ts';
import { get } from '../../app/api.ts';
import { type AreaHit, areaKeys, useAreaSearch } from './api.ts';
import { ancestorsFromPath, areaLabel, areaPath } from './labels.ts';

export interface AreaOption {
  value: string;
  label: string;
}

const HITS = 10;
/** Typing a DOPA code (2, 4, 6 or 8 digits) finds that area directly. */
const AREA_CODE = /^\d{2}(\d{2}){0,3}$/;

/**
 * Options for an area picker: what the search finds plus what is already
 * chosen, each labelled with its full path (`ต.ชิงโค อ.สิงหนคร จ.สงขลา`).
 * A hit without `pathTh` is looked up once (`GET /areas/:code`, cached).
 */
export function useAreaOptions(search: string, selected: readonly string[]) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [debounced] = useDebouncedValue(search.trim(), 300);

  const selectedDetails = useAreaDetails(selected);
  const selectedOptions = selected.map((code, i) => {
    const detail = selectedDetails[i]?.data;
    return { value: code, label: detail ? areaPath(detail, detail.ancestors, t, lang) : code };
  });
  const typedSelection = selectedOptions.some((o) => o.label === debounced);

  const typedCode = AREA_CODE.test(debounced) ? debounced : null;
  const codeDetail = useAreaDetails(typedCode ? [typedCode] : [])[0]?.data;
  const byName = typedSelection || typedCode ? '' : debounced;

  const hits = useAreaSearch(byName, HITS);
  const items: AreaHit[] = byName ? (hits.data?.items ?? []) : [];
  const hitDetails = useAreaDetails(items.filter((h) => !ancestorsFromPath(h)).map((h) => h.code));
  const detailByCode = new Map(hitDetails.flatMap((q) => (q.data ? [[q.data.code, q.data] as const] : [])));

  const hitOptions = items.map((hit) => {
    const ancestors = ancestorsFromPath(hit) ?? detailByCode.get(hit.code)?.ancestors;
    return {
      value: hit.code,
      label: ancestors ? areaPath(hit, ancestors, t, lang) : areaLabel(hit, t, lang),
    };
  });

  const seen = new Set<string>();
  const codeOptions = codeDetail
    ? [{ value: codeDetail.code, label: areaPath(codeDetail, codeDetail.ancestors, t, lang) }]
    : [];
  const options = [...selectedOptions, ...codeOptions, ...hitOptions].filter(
    (o) => !seen.has(o.value) && seen.add(o.value),
  );
  return {
    options,
    searching: hits.isFetching,
    tooShort: debounced.length < 2,
    error: hits.error,
  };
}

export function useAreaDetails(codes: readonly string[]) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: areaKeys.detail(code),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        get<AreaDetail>(`/areas/${encodeURIComponent(code)}`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
  });
}
