import { assertLoopback } from './server.ts';
import { percentile } from './stats.ts';

export interface SequentialSpec {
  /** The URL of request `i`; `previous` is the parsed body of the request before it (null at first). */
  url(i: number, previous: unknown): string;
  headers: Record<string, string>;
  warmup: number;
  count: number;
  timeoutMs?: number;
}

export interface SequentialResult {
  requests: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** Median number of `items` in the responses (list endpoints). */
  medianItems: number;
  non2xx: number;
  errors: number;
  statusCounts: Record<string, number>;
  firstError: string | null;
}

/**
 * One request at a time, each timed from sending to the last byte of its body: the latency a user sees
 * on an otherwise idle server, without autocannon's queueing. Bounded by `warmup + count` requests,
 * each with its own timeout.
 */
export async function runSequential(spec: SequentialSpec): Promise<SequentialResult> {
  const latencies: number[] = [];
  const items: number[] = [];
  const statusCounts: Record<string, number> = {};
  let non2xx = 0;
  let errors = 0;
  let firstError: string | null = null;
  let previous: unknown = null;
  for (let i = 0; i < spec.warmup + spec.count; i++) {
    const url = spec.url(i, previous);
    assertLoopback(url);
    const started = performance.now();
    try {
      const res = await fetch(url, {
        headers: spec.headers,
        signal: AbortSignal.timeout(spec.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      previous = safeJson(text);
      if (i < spec.warmup) continue;
      latencies.push(ms);
      statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
      if (res.status < 200 || res.status > 299) {
        non2xx += 1;
        firstError ??= `${res.status} ${text.slice(0, 200)}`;
      }
      const list = (previous as { items?: unknown[] } | null)?.items;
      if (Array.isArray(list)) items.push(list.length);
    } catch (err) {
      previous = null;
      if (i < spec.warmup) continue;
      errors += 1;
      firstError ??= err instanceof Error ? err.message : String(err);
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    latencyMs: {
      mean: latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    },
    medianItems: percentile(Float64Array.from(items).sort(), 50),
    non2xx,
    errors,
    statusCounts,
    firstError,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
