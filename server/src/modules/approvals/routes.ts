import {
  approvalPolicySchema,
  approvalStepSchema,
  createPolicySchema,
  decideSchema,
  idSchema,
  reviewCountsSchema,
  reviewQueueSchema,
  reviewSchema,
  submitForReviewSchema,
  updatePolicySchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { countRepliesAwaiting } from '../inbox/reply-approval.ts';
import { decideReview } from './decide.ts';
import { createPolicy, deletePolicy, listPolicies, updatePolicy } from './policies.ts';
import { reviewCounts, reviewQueue } from './queue.ts';
import { policyForPost } from './review-lifecycle.ts';
import { postReview } from './review-view.ts';
import { submitForReview } from './submit.ts';

const orgParams = z.strictObject({ orgId: idSchema });
const policyParams = z.strictObject({ orgId: idSchema, policyId: idSchema });
const postParams = z.strictObject({ orgId: idSchema, postId: idSchema });
const reviewParams = z.strictObject({ orgId: idSchema, reviewId: idSchema });
const policyChoiceSchema = z.object({
  policy: z.object({ id: idSchema.nullable(), name: z.string(), steps: z.array(approvalStepSchema) }).nullable(),
  matched: z.array(z.string()),
});
const tags = ['approvals'];

/** Approval policies, submitting a post, decisions, the "Zur Freigabe" queue (issue #6). */
export async function approvalRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const member = async (
    request: FastifyRequest,
    orgId: string,
    permission: Parameters<typeof requireOrgPermission>[3],
  ) => {
    const { roles } = await requireOrgPermission(deps.db, request, orgId, permission);
    return { ...actorOf(request), orgId, roles, language: request.language };
  };

  r.get(
    '/api/orgs/:orgId/approval-policies',
    { schema: { tags, params: orgParams, response: { 200: z.array(approvalPolicySchema) } } },
    async (request) => {
      await member(request, request.params.orgId, 'posts.read');
      return listPolicies(deps.db, request.params.orgId);
    },
  );
  r.post(
    '/api/orgs/:orgId/approval-policies',
    { schema: { tags, params: orgParams, body: createPolicySchema, response: { 201: approvalPolicySchema } } },
    async (request, reply) => {
      const actor = await member(request, request.params.orgId, 'approvals.manage');
      return reply.code(201).send(await createPolicy(deps, actor, request.body));
    },
  );
  r.patch(
    '/api/orgs/:orgId/approval-policies/:policyId',
    { schema: { tags, params: policyParams, body: updatePolicySchema, response: { 200: approvalPolicySchema } } },
    async (request) => {
      const actor = await member(request, request.params.orgId, 'approvals.manage');
      return updatePolicy(deps, actor, request.params.policyId, request.body);
    },
  );
  r.delete(
    '/api/orgs/:orgId/approval-policies/:policyId',
    { schema: { tags, params: policyParams } },
    async (request, reply) => {
      const actor = await member(request, request.params.orgId, 'approvals.manage');
      await deletePolicy(deps, actor, request.params.policyId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:postId/approval-policy',
    {
      schema: {
        tags,
        summary: 'The policy this post needs now and the rules that matched (null: no review needed)',
        params: postParams,
        response: { 200: policyChoiceSchema },
      },
    },
    async (request) => {
      await member(request, request.params.orgId, 'posts.read');
      const { policy, matched } = await policyForPost(
        deps.db,
        request.params.orgId,
        request.params.postId,
        deps.clock(),
      );
      return { policy: policy && { id: policy.id, name: policy.name, steps: policy.steps }, matched };
    },
  );
  r.post(
    '/api/orgs/:orgId/posts/:postId/submit',
    {
      schema: {
        tags,
        summary: 'Submit for approval (Zur Freigabe)',
        params: postParams,
        body: submitForReviewSchema,
        response: { 201: reviewSchema },
      },
    },
    async (request, reply) => {
      const actor = await member(request, request.params.orgId, 'posts.draft');
      return reply.code(201).send(await submitForReview(deps, actor, request.params.postId, request.body));
    },
  );
  r.get(
    '/api/orgs/:orgId/posts/:postId/review',
    {
      schema: {
        tags,
        summary: 'The post’s newest review round, or null',
        params: postParams,
        response: { 200: reviewSchema.nullable() },
      },
    },
    async (request) => {
      const actor = await member(request, request.params.orgId, 'posts.read');
      return postReview(deps.db, actor.orgId, request.params.postId, actor);
    },
  );
  r.post(
    '/api/orgs/:orgId/reviews/:reviewId/decisions',
    {
      schema: {
        tags,
        summary: 'Approve, request changes or reject the current step',
        params: reviewParams,
        body: decideSchema,
        response: { 200: reviewSchema },
      },
    },
    async (request) => {
      const actor = await member(request, request.params.orgId, 'posts.review');
      return decideReview(deps, actor, request.params.reviewId, request.body);
    },
  );
  r.get(
    '/api/orgs/:orgId/reviews/queue',
    {
      schema: { tags, summary: 'What waits for my decision', params: orgParams, response: { 200: reviewQueueSchema } },
    },
    async (request) => {
      const actor = await member(request, request.params.orgId, 'posts.read');
      return reviewQueue(deps.db, actor.orgId, actor, deps.clock());
    },
  );
  r.get(
    '/api/orgs/:orgId/reviews/counts',
    { schema: { tags, params: orgParams, response: { 200: reviewCountsSchema } } },
    async (request) => {
      const actor = await member(request, request.params.orgId, 'posts.read');
      const posts = await reviewCounts(deps.db, actor.orgId, actor, deps.clock());
      return { ...posts, repliesAwaitingMe: await countRepliesAwaiting(deps.db, actor.orgId, actor) };
    },
  );
}
