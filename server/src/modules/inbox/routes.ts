import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Inbox list, item, settings and fetch-now routes (filled in by the inbox module). */
export async function inboxRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
