import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Comments, the approved-vs-current diff, the timeline and external approval links (issue #6). */
export async function reviewExtrasRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
