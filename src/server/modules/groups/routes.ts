import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  group,
  groupAssignment,
  groupCreate,
  groupListQuery,
  groupMemberAdd,
  groupMemberRemove,
  groupPatch,
  groupPersonDischarge,
  groupPersonEnrol,
} from '../../../core/schemas/group.ts';
import { idParams, page } from '../../../core/schemas/index.ts';
import type { AppContext } from '../../context.ts';
import { groupActivity } from './activity.ts';
import { assign, assignmentHistory, unassign } from './assignments.ts';
import { groupContext } from './context.ts';
import { createGroup, getGroup, listGroups, updateGroup } from './groups.ts';
import { groupHome } from './home.ts';
import { addMember, listMembers, memberCandidates, removeMember } from './members.ts';
import { myPeople } from './myPeople.ts';
import { dischargePerson, enrolPerson, listGroupPersons } from './persons.ts';
import {
  activityItem,
  assignment,
  assignmentEnd,
  candidatesQuery,
  enrolment,
  groupMember,
  groupPersonRow,
  historyQuery,
  assignmentHistory as historyShape,
  groupHome as homeShape,
  listQuery,
  memberCandidate,
  myPerson,
} from './schemas.ts';

export function groupRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['groups'];
  const context = (req: FastifyRequest) => groupContext(ctx, req);
  const base = '/api/v1/groups/:id';

  r.get(
    '/api/v1/groups',
    { schema: { tags, querystring: groupListQuery, response: { 200: page(group) } } },
    async (req) => listGroups(context(req), req.query),
  );
  r.post(
    '/api/v1/groups',
    { schema: { tags, body: groupCreate, response: { 201: group } } },
    async (req, reply) => reply.status(201).send(await createGroup(context(req), req.body)),
  );
  r.get(base, { schema: { tags, params: idParams, response: { 200: group } } }, async (req) =>
    getGroup(context(req), req.params.id),
  );
  r.patch(
    base,
    { schema: { tags, params: idParams, body: groupPatch, response: { 200: group } } },
    async (req) => updateGroup(context(req), req.params.id, req.body),
  );

  r.get(
    `${base}/members`,
    { schema: { tags, params: idParams, querystring: listQuery, response: { 200: page(groupMember) } } },
    async (req) => listMembers(context(req), req.params.id, req.query),
  );
  r.post(
    `${base}/members`,
    {
      schema: {
        tags,
        params: idParams,
        body: groupMemberAdd,
        response: { 200: groupMember, 201: groupMember },
      },
    },
    async (req, reply) => {
      const { member, created } = await addMember(context(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(member);
    },
  );
  r.delete(
    `${base}/members`,
    { schema: { tags, params: idParams, body: groupMemberRemove } },
    async (req, reply) => {
      await removeMember(context(req), req.params.id, req.body.userId);
      return reply.status(204).send();
    },
  );
  r.get(
    `${base}/member-candidates`,
    {
      schema: {
        tags,
        params: idParams,
        querystring: candidatesQuery,
        response: { 200: z.object({ items: z.array(memberCandidate) }) },
      },
    },
    async (req) => memberCandidates(context(req), req.params.id, req.query),
  );

  r.get(
    `${base}/persons`,
    { schema: { tags, params: idParams, querystring: listQuery, response: { 200: page(groupPersonRow) } } },
    async (req) => listGroupPersons(context(req), req.params.id, req.query),
  );
  r.post(
    `${base}/persons`,
    {
      schema: {
        tags,
        params: idParams,
        body: groupPersonEnrol,
        response: { 200: enrolment, 201: enrolment },
      },
    },
    async (req, reply) => {
      const result = await enrolPerson(context(req), req.params.id, req.body.personId);
      return reply.status(result.created ? 201 : 200).send(result.enrolment);
    },
  );
  r.delete(
    `${base}/persons`,
    { schema: { tags, params: idParams, body: groupPersonDischarge } },
    async (req, reply) => {
      await dischargePerson(context(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  r.post(
    `${base}/assignments`,
    {
      schema: {
        tags,
        params: idParams,
        body: groupAssignment,
        response: { 200: assignment, 201: assignment },
      },
    },
    async (req, reply) => {
      const result = await assign(context(req), req.params.id, req.body);
      return reply.status(result.created ? 201 : 200).send(result.assignment);
    },
  );
  r.delete(
    `${base}/assignments`,
    { schema: { tags, params: idParams, body: assignmentEnd } },
    async (req, reply) => {
      await unassign(context(req), req.params.id, req.body.personId);
      return reply.status(204).send();
    },
  );
  r.get(
    `${base}/assignments/history`,
    { schema: { tags, params: idParams, querystring: historyQuery, response: { 200: historyShape } } },
    async (req) => assignmentHistory(context(req), req.params.id, req.query.personId),
  );

  r.get(`${base}/home`, { schema: { tags, params: idParams, response: { 200: homeShape } } }, async (req) =>
    groupHome(context(req), req.params.id),
  );
  r.get(
    `${base}/activity`,
    { schema: { tags, params: idParams, querystring: listQuery, response: { 200: page(activityItem) } } },
    async (req) => groupActivity(context(req), req.params.id, req.query),
  );

  r.get(
    '/api/v1/me/people',
    { schema: { tags, querystring: listQuery, response: { 200: page(myPerson) } } },
    async (req) => myPeople(context(req), req.query),
  );
}
