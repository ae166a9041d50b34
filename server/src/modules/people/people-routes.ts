import {
  can,
  createPersonSchema,
  idSchema,
  type Permission,
  personListQuerySchema,
  personListSchema,
  personSchema,
  updatePersonSchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { createPerson, getPerson, listPeople, type PeopleActor, updatePerson } from './people-service.ts';

const tags = ['people'];
const orgParams = z.strictObject({ orgId: idSchema });
const personParams = z.strictObject({ orgId: idSchema, personId: idSchema });

/** The caller with the permission checked, and whether they may see notes. */
export async function peopleActor(
  deps: Pick<Deps, 'db'>,
  request: FastifyRequest,
  orgId: string,
  permission: Permission,
): Promise<PeopleActor> {
  const { roles } = await requireOrgPermission(deps.db, request, orgId, permission);
  return { ...actorOf(request), orgId, language: request.language, canSeeNotes: can(roles, 'privacy.officer') };
}

export async function personRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/people',
    {
      schema: {
        tags,
        summary: 'The register, newest first; q searches display names and guardians’ names',
        params: orgParams,
        querystring: personListQuerySchema,
        response: { 200: personListSchema },
      },
    },
    async (request) => {
      const actor = await peopleActor(deps, request, request.params.orgId, 'people.read');
      return listPeople(deps, actor, request.query);
    },
  );

  r.post(
    '/api/orgs/:orgId/people',
    {
      schema: {
        tags,
        summary: 'Record a person (display name or code; birth date or age band)',
        params: orgParams,
        body: createPersonSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const actor = await peopleActor(deps, request, request.params.orgId, 'people.manage');
      return reply.code(201).send(await createPerson(deps, actor, request.body));
    },
  );

  r.get(
    '/api/orgs/:orgId/people/:personId',
    { schema: { tags, summary: 'One person of the register', params: personParams, response: { 200: personSchema } } },
    async (request) => {
      const actor = await peopleActor(deps, request, request.params.orgId, 'people.read');
      return getPerson(deps, actor, request.params.personId);
    },
  );

  r.patch(
    '/api/orgs/:orgId/people/:personId',
    {
      schema: {
        tags,
        summary: 'Change a person; notes only by privacy officers',
        params: personParams,
        body: updatePersonSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => {
      const actor = await peopleActor(deps, request, request.params.orgId, 'people.manage');
      return updatePerson(deps, actor, request.params.personId, request.body);
    },
  );
}
