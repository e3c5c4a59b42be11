import autocannon from 'autocannon';
import { assertLoopback } from './server.ts';
import { percentile } from './stats.ts';

export interface LoadSpec {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  requestsPerSec: number;
  responses: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** The slowest first response of a connection: new connections queue behind busy ones. */
  firstResponseMaxMs: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
}

/** Grace beyond the planned duration before the run is stopped from outside. */
const STOP_GRACE_MS = 30_000;

/**
 * One autocannon run. Latencies are collected per response so that p95 is exact (autocannon's own
 * summary has p90 and p97.5 but no p95).
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  assertLoopback(spec.url);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const answered = new WeakSet<object>();
  let firstResponseMaxMs = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        headers: spec.headers,
        connections: spec.connections,
        duration: spec.durationSec,
        timeout: 10,
      },
      (err: unknown, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (client, statusCode, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
      if (!answered.has(client)) {
        answered.add(client);
        firstResponseMaxMs = Math.max(firstResponseMaxMs, responseTimeMs);
      }
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
    // autocannon honours its duration; this is the belt to those braces.
    const guard = setTimeout(() => instance.stop(), spec.durationSec * 1000 + STOP_GRACE_MS);
    instance.on('done', () => clearTimeout(guard));
  });
  const sorted = Float64Array.from(latencies).sort();
  const mean = latencies.reduce((sum, v) => sum + v, 0) / Math.max(1, latencies.length);
  return {
    requestsPerSec: result.requests.average,
    responses: latencies.length,
    latencyMs: {
      mean,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    },
    firstResponseMaxMs,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
  };
}
