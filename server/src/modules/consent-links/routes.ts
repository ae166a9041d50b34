import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Consent forms (PDF) and digital consent links, with their public page's API (issue #5). */
export async function consentLinkRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
