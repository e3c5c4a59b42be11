import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/**
 * Ties an app to its context and its import worker without widening
 * AppContext: routes wake the worker when a job is queued, and
 * startImportWorker(app) finds the database and keys the routes use.
 */
export interface Wakeable {
  kick(): void;
  stop(): Promise<void>;
}

const contexts = new WeakMap<FastifyInstance, AppContext>();
const workers = new WeakMap<FastifyInstance, Wakeable>();

export function rememberContext(app: FastifyInstance, ctx: AppContext) {
  contexts.set(app, ctx);
}

export function contextOf(app: FastifyInstance): AppContext {
  const ctx = contexts.get(app);
  if (!ctx) throw new Error('importRoutes(app, ctx) must be registered before starting the import worker');
  return ctx;
}

export function attachWorker(app: FastifyInstance, worker: Wakeable) {
  workers.set(app, worker);
}

export function workerOf(app: FastifyInstance): Wakeable | undefined {
  return workers.get(app);
}
