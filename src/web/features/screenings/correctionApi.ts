import type { ScreeningRevisionCreate } from '../../../core/schemas/index.ts';
import { post } from '../../app/api.ts';
import type { ScreeningDetail } from './types.ts';

/**
 * Corrects a stored screening: the server scores the answers again with the
 * version it was taken with and keeps the earlier revision. Safe to resend:
 * the same `clientId` answers 200 with the revision already made.
 */
export function reviseScreening(id: string, body: ScreeningRevisionCreate): Promise<ScreeningDetail> {
  return post<ScreeningDetail>(`/screenings/${encodeURIComponent(id)}/revisions`, body);
}
