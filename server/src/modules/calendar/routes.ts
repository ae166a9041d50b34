import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Calendar, posting slots, Rubriken and ICS subscriptions (issue #4). */
export async function calendarRoutes(_app: FastifyInstance, _deps: Deps) {}
