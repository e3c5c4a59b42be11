import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParams,
  listQuery,
  page,
  referralCounts,
  referralCreate,
  referralDetail,
  referralListQuery,
  referralShape,
  referralTransition,
} from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { audit } from '../audit/service.ts';
import { ReferralBus } from './bus.ts';
import {
  referralCounts as countReferrals,
  createReferral,
  getReferral,
  listReferrals,
  personReferrals,
  type ReferralContext,
  transitionReferral,
} from './service.ts';
import { streamReferrals } from './stream.ts';

/** Referrals (ส่งต่อ, issue 8 item 4): send, move on, read, list, and the live queue. */
export function referralRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];
  // One bus per application: its streams end before the server stops waiting for connections.
  const bus = new ReferralBus();
  app.decorate('referralBus', bus);
  app.addHook('preClose', async () => bus.closeAll());
  const context = (req: FastifyRequest): ReferralContext => ({
    db: ctx.database.db,
    actor: requireActor(req),
    now: new Date(),
    bus,
  });

  r.post(
    '/api/v1/referrals',
    { schema: { tags, body: referralCreate, response: { 200: referralDetail, 201: referralDetail } } },
    async (req, reply) => {
      const { referral, created } = await createReferral(context(req), req.body);
      return reply.status(created ? 201 : 200).send(referral);
    },
  );

  r.get(
    '/api/v1/referrals',
    { schema: { tags, querystring: referralListQuery, response: { 200: page(referralShape) } } },
    async (req) => listReferrals(context(req), req.query),
  );

  r.get('/api/v1/referrals/counts', { schema: { tags, response: { 200: referralCounts } } }, async (req) =>
    countReferrals(context(req)),
  );

  r.get(
    '/api/v1/referrals/stream',
    {
      schema: {
        tags,
        description:
          'Server-sent events: `event: referral` with `{id, kind, status, urgency, dueAt, version, toOrganizationId}` whenever a referral sent to your organisation, or by you, is created or moves.',
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await audit(ctx.database.db, actor, {
        action: 'referral.stream',
        entity: 'user',
        entityId: actor.userId,
        detail: { organizationId: actor.organizationId },
      });
      streamReferrals(req, reply, actor, bus);
    },
  );

  r.get(
    '/api/v1/referrals/:id',
    { schema: { tags, params: idParams, response: { 200: referralDetail } } },
    async (req) => getReferral(context(req), req.params.id),
  );

  r.post(
    '/api/v1/referrals/:id/transitions',
    { schema: { tags, params: idParams, body: referralTransition, response: { 200: referralDetail } } },
    async (req) => transitionReferral(context(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/persons/:id/referrals',
    { schema: { tags, params: idParams, querystring: listQuery, response: { 200: page(referralShape) } } },
    async (req) => personReferrals(context(req), req.params.id, req.query),
  );
}
