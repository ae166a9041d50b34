import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Public website feeds (RSS, Atom, JSON Feed) of published posts; filled in shortly. */
export async function feedRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
