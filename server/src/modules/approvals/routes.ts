import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';

/** Approval policies, reviews, decisions, comments, timeline, external links (issue #6). */
export async function approvalRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
