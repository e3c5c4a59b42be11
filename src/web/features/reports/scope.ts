import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../core/schemas/group.ts';
import { get } from '../../app/api.ts';
import { useArea } from '../areas/api.ts';
import { areaLabel, areaPath } from '../areas/labels.ts';
import { groupKeys } from '../groups/api.ts';
import type { ReportParams } from './params.ts';

/** What a report is about, in words: `ต.ป่าขาด` and its full path, or a group's name. */
export function useScopeName(params: Pick<ReportParams, 'area' | 'group'>) {
  const { t, i18n } = useTranslation();
  const area = useArea(params.area);
  const groupId = params.group ?? '';
  const group = useQuery({
    queryKey: groupKeys.detail(groupId),
    queryFn: ({ signal }) => get<Group>(`/groups/${encodeURIComponent(groupId)}`, undefined, signal),
    enabled: Boolean(groupId),
  });
  if (params.group) {
    const name = group.data?.name ?? '';
    return { name, path: name, pending: group.isPending };
  }
  if (!params.area) return { name: '', path: '', pending: false };
  const detail = area.data;
  if (!detail) return { name: params.area, path: params.area, pending: area.isPending };
  return {
    name: areaLabel(detail, t, i18n.language),
    path: areaPath(detail, detail.ancestors, t, i18n.language),
    pending: false,
  };
}
