import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Offline face proposals for tagging and blurring (issue #5). */
export async function faceRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
