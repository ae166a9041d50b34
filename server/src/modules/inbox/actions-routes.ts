import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Inbox thread, reply, moderation and template routes (filled in by the inbox module). */
export async function inboxActionRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
