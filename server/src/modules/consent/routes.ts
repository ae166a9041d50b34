import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** The gate check, withdrawal and takedowns, erasure, the privacy dashboard (issue #5). */
export async function consentRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
