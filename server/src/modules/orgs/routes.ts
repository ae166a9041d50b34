import {
  acceptInvitationSchema,
  createInvitationSchema,
  idSchema,
  invitationPreviewSchema,
  invitationSchema,
  memberSchema,
  membershipSummarySchema,
  organisationInputSchema,
  organisationSchema,
  sessionSchema,
  updateMemberSchema,
  updateOrganisationSchema,
} from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission, requireUser } from '../../http/context.ts';
import { setSessionCookie } from '../../http/cookies.ts';
import { createSession, sessionView, userById } from '../auth/sessions.ts';
import {
  acceptInvitation,
  createInvitation,
  listOpenInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations.ts';
import { createOrganisationFor, listMyOrganisations } from './mine.ts';
import { changeMemberRoles, getOrganisation, listMembers, removeMember, updateOrganisation } from './service.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const memberParams = z.strictObject({ orgId: idSchema, userId: idSchema });
const invitationParams = z.strictObject({ orgId: idSchema, id: idSchema });
const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });
const tags = ['organisations'];

export async function orgRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'My organisations and my roles in each',
        response: { 200: z.array(membershipSummarySchema) },
      },
    },
    async (request) => listMyOrganisations(deps.db, requireUser(request).user.id),
  );

  r.post(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Create an organisation; the caller becomes its owner',
        body: organisationInputSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const auth = requireUser(request);
      return reply.code(201).send(await createOrganisationFor(deps.db, actorOf(request), auth.user.id, request.body));
    },
  );

  r.get(
    '/api/orgs/:orgId',
    { schema: { tags, params: orgParams, response: { 200: organisationSchema } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'org.read');
      return getOrganisation(deps.db, request.params.orgId);
    },
  );

  r.patch(
    '/api/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'Change name, time zone or language (admins)',
        params: orgParams,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'org.manage');
      return updateOrganisation(deps.db, actorOf(request), request.params.orgId, request.body);
    },
  );

  r.get(
    '/api/orgs/:orgId/members',
    { schema: { tags, params: orgParams, response: { 200: z.array(memberSchema) } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'members.read');
      return listMembers(deps.db, request.params.orgId);
    },
  );

  r.patch(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Set a member’s roles (admins; owner role only by owners)',
        params: memberParams,
        body: updateMemberSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { roles } = await requireOrgPermission(deps.db, request, request.params.orgId, 'members.manage');
      const actor = { ...actorOf(request), roles };
      return changeMemberRoles(deps.db, actor, request.params.orgId, request.params.userId, request.body.roles);
    },
  );

  r.delete(
    '/api/orgs/:orgId/members/:userId',
    { schema: { tags, summary: 'Remove a member (admins) or leave (self)', params: memberParams } },
    async (request, reply) => {
      const { roles } = await requireOrgPermission(deps.db, request, request.params.orgId, 'members.read');
      await removeMember(deps.db, { ...actorOf(request), roles }, request.params.orgId, request.params.userId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/orgs/:orgId/invitations',
    { schema: { tags, params: orgParams, response: { 200: z.array(invitationSchema) } } },
    async (request) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'members.manage');
      return listOpenInvitations(deps, request.params.orgId);
    },
  );

  r.post(
    '/api/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by e-mail (link valid 7 days)',
        params: orgParams,
        body: createInvitationSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const { auth, roles } = await requireOrgPermission(deps.db, request, request.params.orgId, 'members.manage');
      const actor = { ...actorOf(request), roles, name: auth.user.name };
      return reply.code(201).send(await createInvitation(deps, actor, request.params.orgId, request.body));
    },
  );

  r.delete(
    '/api/orgs/:orgId/invitations/:id',
    { schema: { tags, params: invitationParams } },
    async (request, reply) => {
      await requireOrgPermission(deps.db, request, request.params.orgId, 'members.manage');
      await revokeInvitation(deps, actorOf(request), request.params.orgId, request.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers (public)',
        params: tokenParams,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => previewInvitation(deps, request.params.token),
  );

  r.post(
    '/api/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation; creates the account when none exists',
        params: tokenParams,
        body: acceptInvitationSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const signedIn = request.auth?.kind === 'session' ? request.auth : null;
      const { userId } = await acceptInvitation(
        deps,
        actorOf(request),
        signedIn?.user ?? null,
        request.params.token,
        request.body,
      );
      if (signedIn) return sessionView(deps.db, await userById(deps.db, userId), signedIn.csrfToken);
      const session = await createSession(deps.db, userId, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        now: deps.clock(),
      });
      setSessionCookie(reply, session.token, session.expiresAt, deps.config.secureCookies);
      return sessionView(deps.db, await userById(deps.db, userId), session.csrfToken);
    },
  );
}
