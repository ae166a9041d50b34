import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { consentRoutes } from './consent-routes.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { exportRoutes } from './export-routes.ts';
import { personRoutes } from './people-routes.ts';
import { taggingRoutes } from './tagging-routes.ts';

/** People register, consents, evidence, tagging, named people, export (issue #5). */
export async function peopleRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await personRoutes(app, deps);
  await consentRoutes(app, deps);
  await evidenceRoutes(app, deps);
  await taggingRoutes(app, deps);
  await exportRoutes(app, deps);
}
