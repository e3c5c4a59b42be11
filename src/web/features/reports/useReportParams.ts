import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { changeView, parseReportParams, type ReportParams, reportSearch } from './params.ts';

/** The view of the address, with the user's first area by default, and how to change it. */
export function useReportParams() {
  const [search, setSearch] = useSearchParams();
  const user = useCurrentUser();
  const params = parseReportParams(search, user.areaCodes[0] ?? null);
  /** The address of the same view with some of it changed (for links). */
  const hrefOf = (change: Partial<ReportParams>) => `?${reportSearch(changeView(params, change))}`;
  const set = (change: Partial<ReportParams>) => setSearch(reportSearch(changeView(params, change)));
  return { params, hrefOf, set };
}

/** Area admins and operators may see who is behind a number; the server checks again. */
export function useCanSeePeople(): boolean {
  const user = useCurrentUser();
  return user.roles.includes('area_admin') || user.roles.includes('operator');
}
