import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export function referralRoutes(_app: FastifyInstance, _ctx: AppContext) {}
