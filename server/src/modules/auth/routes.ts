import {
  changePasswordSchema,
  loginInputSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  sessionSchema,
  totpCodeSchema,
  totpDisableSchema,
  totpSetupSchema,
  updateMeSchema,
  userSchema,
} from '@nahbar/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireSession, requireUser } from '../../http/context.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.ts';
import { recordAuditForUser } from '../audit/for-user.ts';
import {
  changePassword,
  confirmPasswordReset,
  disableTotp,
  enableTotp,
  requestPasswordReset,
  startTotp,
  updateMe,
} from './account.ts';
import { login } from './login.ts';
import { deleteSession, publicUser, sessionView, userById } from './sessions.ts';

const tags = ['auth'];
// Bodiless POSTs (curl -X POST, fetch without body) arrive as null, not undefined.
const empty = z.strictObject({}).nullish();

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = deps.config.secureCookies;

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail, password and (when enabled) a TOTP code',
        body: loginInputSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { userId, session } = await login(
        deps,
        actorOf(request),
        request.headers['user-agent'] ?? null,
        request.body,
      );
      setSessionCookie(reply, session.token, session.expiresAt, secure);
      return sessionView(deps.db, await userById(deps.db, userId), session.csrfToken);
    },
  );

  r.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', body: empty } }, async (request, reply) => {
    const auth = requireSession(request);
    await deleteSession(deps.db, auth.sessionHash);
    await recordAuditForUser(deps.db, actorOf(request), auth.user.id, {
      action: 'auth.logout',
      targetType: 'user',
      targetId: auth.user.id,
    });
    clearSessionCookie(reply, secure);
    return reply.code(204).send();
  });

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in person, their organisations and the CSRF token',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const auth = requireSession(request);
      return sessionView(deps.db, auth.user, auth.csrfToken);
    },
  );

  r.post(
    '/api/auth/password-reset/request',
    { schema: { tags, summary: 'Send a password reset link (always 202)', body: passwordResetRequestSchema } },
    async (request, reply) => {
      await requestPasswordReset(deps, actorOf(request), request.body.email);
      return reply.code(202).send();
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    { schema: { tags, summary: 'Set a new password with a reset token', body: passwordResetConfirmSchema } },
    async (request, reply) => {
      await confirmPasswordReset(deps, actorOf(request), request.body.token, request.body.password);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/auth/totp/setup',
    { schema: { tags, summary: 'Start two-factor set-up', body: empty, response: { 200: totpSetupSchema } } },
    async (request) => {
      const auth = requireSession(request);
      return startTotp(deps, auth.user);
    },
  );

  r.post(
    '/api/auth/totp/enable',
    { schema: { tags, summary: 'Confirm two-factor set-up with a code', body: totpCodeSchema } },
    async (request, reply) => {
      const auth = requireSession(request);
      await enableTotp(deps, actorOf(request), auth.user, request.body.code);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/auth/totp/disable',
    { schema: { tags, summary: 'Turn two-factor sign-in off', body: totpDisableSchema } },
    async (request, reply) => {
      const auth = requireSession(request);
      await disableTotp(deps, actorOf(request), auth.user, request.body);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in person', response: { 200: userSchema } } },
    async (request) => publicUser(requireUser(request).user),
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change name, language or current organisation',
        body: updateMeSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const auth = requireUser(request);
      return publicUser(await updateMe(deps, auth.user, request.body));
    },
  );

  r.post(
    '/api/me/password',
    { schema: { tags, summary: 'Change the password', body: changePasswordSchema } },
    async (request, reply) => {
      const auth = requireSession(request);
      await changePassword(deps, actorOf(request), auth.user, request.body, auth.sessionHash);
      return reply.code(204).send();
    },
  );
}
