import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Privacy settings (age rules, PII check) and the composer's PII context (issue #5). */
export async function privacyRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
