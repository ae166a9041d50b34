import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Image upload for posts; filled in by the media module. */
export async function mediaRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
