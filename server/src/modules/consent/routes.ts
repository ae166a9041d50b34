import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { checkRoutes } from './check-routes.ts';
import { officerRoutes } from './officer-routes.ts';

/** The gate check, withdrawal and takedowns, erasure, the privacy dashboard (issue #5). */
export async function consentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await checkRoutes(app, deps);
  await officerRoutes(app, deps);
}
