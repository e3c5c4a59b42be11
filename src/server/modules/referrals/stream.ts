import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, decide } from '../../../core/policy/index.ts';
import type { ReferralBus, ReferralNews } from './bus.ts';

/**
 * A stream ends after this long and the browser's EventSource reconnects by itself: the new request is
 * authenticated afresh, so a logged-out or disabled account stops hearing within this time.
 */
export const STREAM_LIFETIME_MS = 10 * 60_000;
/** How long the browser waits before reconnecting. */
const RETRY_MS = 5_000;

/**
 * The live queue: the receiving organisation's members hear of every referral sent to it or moved, the
 * sender of their own; the policy (`referral.read`) has the last word. Ids and status only, never a name.
 */
export function concerns(actor: Actor, news: ReferralNews): boolean {
  const { party } = news;
  const side =
    party.fromUserId === actor.userId ||
    (actor.organizationId !== null && party.toOrganizationId === actor.organizationId);
  return side && decide(actor, { action: 'referral.read', referral: party }).allow;
}

/**
 * Takes the response over as `text/event-stream` until the client goes away, the lifetime is up or the
 * server closes. Authentication ran before (a cookie works: EventSource is same-origin).
 */
export function streamReferrals(
  req: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  bus: ReferralBus,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    // the security headers set earlier in the request (helmet)
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // nginx and similar would otherwise hold the events back in a buffer
    'x-accel-buffering': 'no',
  });
  res.write(`retry: ${RETRY_MS}\n: connected\n\n`);

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    unsubscribe();
    res.end();
  };
  const unsubscribe = bus.subscribe((news) => {
    if (!ended && concerns(actor, news)) {
      res.write(`event: referral\ndata: ${JSON.stringify(news.signal)}\n\n`);
    }
  }, end);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), bus.heartbeatMs);
  const lifetime = setTimeout(end, STREAM_LIFETIME_MS);
  req.raw.on('close', end);
  res.on('error', end);
}
