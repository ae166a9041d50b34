import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** People register, consents, evidence, tagging, named people, export (issue #5). */
export async function peopleRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
