import { type WellbeingReport, wellbeingReport } from '../../src/core/schemas/report.ts';
import { assertLoopback } from './server.ts';

export interface ReportRequest {
  area: string;
  yearBE: number;
  month?: number;
  by: 'dimension' | 'village';
}

export function reportUrl(baseUrl: string, q: ReportRequest): string {
  const params = new URLSearchParams({ area: q.area, yearBE: String(q.yearBE), by: q.by });
  if (q.month !== undefined) params.set('month', String(q.month));
  return `${baseUrl}/api/v1/reports/wellbeing?${params}`;
}

/** One report, checked against the API's own schema; throws on anything but a well-formed 200. */
export async function fetchReport(
  url: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ report: WellbeingReport; ms: number }> {
  assertLoopback(url);
  const started = performance.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const parsed = wellbeingReport.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`GET ${url}: not a WellbeingReport: ${parsed.error.message.slice(0, 300)}`);
  return { report: parsed.data, ms };
}

/** `population.screened`, which must not be hidden (the reader may see identities). */
export function screenedOf(report: WellbeingReport, what: string): number {
  const screened = report.population.screened;
  if (screened === null) throw new Error(`${what}: population.screened is suppressed (null)`);
  return screened;
}

/** Sends one screening; resolves with its latency, throws unless it was stored (201). */
export async function postScreening(
  baseUrl: string,
  headers: Record<string, string>,
  personId: string,
  body: Record<string, unknown>,
): Promise<number> {
  const url = `${baseUrl}/api/v1/persons/${personId}/screenings`;
  assertLoopback(url);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return performance.now() - started;
}
