import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { authHook } from './http/context.ts';
import { errorHandler } from './http/error-handler.ts';
import { errorBody } from './http/errors.ts';
import { reviewExtrasRoutes } from './modules/approvals/review-extras-routes.ts';
import { approvalRoutes } from './modules/approvals/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { channelRoutes } from './modules/channels/routes.ts';
import { consentRoutes } from './modules/consent/routes.ts';
import { consentLinkRoutes } from './modules/consent-links/routes.ts';
import { faceRoutes } from './modules/faces/routes.ts';
import { feedRoutes } from './modules/feeds/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { inboxActionRoutes } from './modules/inbox/actions-routes.ts';
import { inboxRoutes } from './modules/inbox/routes.ts';
import { mediaRoutes } from './modules/media/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { orgRoutes } from './modules/orgs/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { postRoutes } from './modules/posts/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { setupRoutes } from './modules/setup/routes.ts';
import { tokenRoutes } from './modules/tokens/routes.ts';

export const BODY_LIMIT = 1024 * 1024;

/** Every route the app registered, with its schema: the tenant-isolation test walks them all. */
export type RegisteredRoute = { method: string; url: string; schema: { params?: unknown; body?: unknown } | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RegisteredRoute[];
  }
}

/** Composition root: one Fastify app from deps; tests pass their own deps. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    // Request lines would carry invitation tokens in URLs; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
  });
  const routeList: RegisteredRoute[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url, schema: route.schema });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only; Fastify's built-in text/plain parser would hand a string to
  // the schema and answer a confusing 400 instead of 415.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into style tags at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'nahbar API', version: '0.1.0', description: 'Use a personal API token: Authorization: Bearer …' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', authHook(deps.db, deps.clock, deps.config.publicUrl));
  app.addHook('onSend', async (request, reply) => {
    // API answers are not cached, unless a route says otherwise (media bytes, which never change).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  await healthRoutes(app, deps);
  await setupRoutes(app, deps);
  await authRoutes(app, deps);
  await orgRoutes(app, deps);
  await tokenRoutes(app, deps);
  await auditRoutes(app, deps);
  await channelRoutes(app, deps);
  await postRoutes(app, deps);
  await mediaRoutes(app, deps);
  await calendarRoutes(app, deps);
  await feedRoutes(app, deps);
  await inboxRoutes(app, deps);
  await inboxActionRoutes(app, deps);
  await notificationRoutes(app, deps);
  await peopleRoutes(app, deps);
  await consentRoutes(app, deps);
  await consentLinkRoutes(app, deps);
  await faceRoutes(app, deps);
  await privacyRoutes(app, deps);
  await approvalRoutes(app, deps);
  await reviewExtrasRoutes(app, deps);

  await serveWeb(app, deps.config.webDist);
  return app;
}

/** The built web app, with every non-API GET answered by index.html (client-side routes). */
async function serveWeb(app: FastifyInstance, webDist: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without restart.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send(errorBody('route_not_found', request.language ?? 'de'));
    }
    if (!hasWeb) {
      return reply.code(404).type('text/plain').send('The web app is not built. Run: npm run build');
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
