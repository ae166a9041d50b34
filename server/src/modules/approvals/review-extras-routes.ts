import {
  createPostCommentSchema,
  createReviewLinkSchema,
  idSchema,
  postCommentListSchema,
  postCommentSchema,
  postTimelineSchema,
  publicDecideSchema,
  publicReviewSchema,
  type Role,
  reviewDiffSchema,
  reviewLinkSchema,
} from '@nahbar/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf, requireOrgPermission } from '../../http/context.ts';
import { publicRateLimit } from '../consent-links/public-rate-limit.ts';
import { addComment, type Caller, listComments, resolveComment } from './comments.ts';
import { reviewDiff } from './diff.ts';
import { createReviewLink, listReviewLinks, revokeReviewLink } from './links.ts';
import { decideByLink } from './public-decision.ts';
import { publicReview, publicReviewImage } from './public-review.ts';
import { postTimeline } from './timeline.ts';

const tags = ['approvals'];
const postParams = z.strictObject({ orgId: idSchema, postId: idSchema });
const commentParams = z.strictObject({ orgId: idSchema, commentId: idSchema });
const reviewParams = z.strictObject({ orgId: idSchema, reviewId: idSchema });
const linkParams = z.strictObject({ orgId: idSchema, linkId: idSchema });
// Any string: a malformed token is just another unknown one (404, counted as a miss).
const tokenParams = z.strictObject({ token: z.string().max(200) });
const mediaParams = z.strictObject({ token: z.string().max(200), index: z.coerce.number().int().min(0).max(99) });
const linkList = z.object({ items: z.array(reviewLinkSchema) });

/** Comments, the approved-vs-current diff, the timeline and external approval links (issue #6). */
export async function reviewExtrasRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = publicRateLimit(deps.clock);
  const reviewer = async (
    request: FastifyRequest,
    orgId: string,
  ): Promise<Caller & { language: typeof request.language }> => {
    const { auth, roles } = await requireOrgPermission(deps.db, request, orgId, 'posts.review');
    return { ...actorOf(request), userId: auth.user.id, roles: roles as Role[], language: request.language };
  };

  r.get(
    '/api/orgs/:orgId/posts/:postId/comments',
    {
      schema: {
        tags,
        summary: 'Comments on a post and its variants, oldest first',
        params: postParams,
        response: { 200: postCommentListSchema },
      },
    },
    async (request) => {
      const { orgId, postId } = request.params;
      return listComments(deps, await reviewer(request, orgId), orgId, postId);
    },
  );

  r.post(
    '/api/orgs/:orgId/posts/:postId/comments',
    {
      schema: {
        tags,
        summary: 'Comment on the base text (channelId null) or a channel’s variant, optionally quoting a passage',
        params: postParams,
        body: createPostCommentSchema,
        response: { 201: postCommentSchema },
      },
    },
    async (request, reply) => {
      const { orgId, postId } = request.params;
      const caller = await reviewer(request, orgId);
      return reply.code(201).send(await addComment(deps, caller, orgId, postId, request.body));
    },
  );

  r.post(
    '/api/orgs/:orgId/comments/:commentId/resolve',
    {
      schema: { tags, summary: 'Mark a comment as done', params: commentParams, response: { 200: postCommentSchema } },
    },
    async (request) => {
      const { orgId, commentId } = request.params;
      return resolveComment(deps, await reviewer(request, orgId), orgId, commentId);
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:postId/review-diff',
    {
      schema: {
        tags,
        summary: 'What changed since the approved version (or the submitted one, before any approval)',
        params: postParams,
        response: { 200: reviewDiffSchema },
      },
    },
    async (request) => {
      const { orgId, postId } = request.params;
      return reviewDiff(deps, await reviewer(request, orgId), orgId, postId);
    },
  );

  r.get(
    '/api/orgs/:orgId/posts/:postId/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened to a post, oldest first',
        params: postParams,
        response: { 200: postTimelineSchema },
      },
    },
    async (request) => {
      const { orgId, postId } = request.params;
      return postTimeline(deps, await reviewer(request, orgId), orgId, postId);
    },
  );

  r.post(
    '/api/orgs/:orgId/reviews/:reviewId/links',
    {
      schema: {
        tags,
        summary: 'A link for an external reviewer of the current step; the URL is in this answer only',
        params: reviewParams,
        body: createReviewLinkSchema,
        response: { 201: reviewLinkSchema },
      },
    },
    async (request, reply) => {
      const { orgId, reviewId } = request.params;
      const caller = await reviewer(request, orgId);
      return reply.code(201).send(await createReviewLink(deps, caller, orgId, reviewId, request.body));
    },
  );

  r.get(
    '/api/orgs/:orgId/reviews/:reviewId/links',
    {
      schema: {
        tags,
        summary: 'The external links of a review, newest first',
        params: reviewParams,
        response: { 200: linkList },
      },
    },
    async (request) => {
      const { orgId, reviewId } = request.params;
      return listReviewLinks(deps, await reviewer(request, orgId), orgId, reviewId);
    },
  );

  r.post(
    '/api/orgs/:orgId/review-links/:linkId/revoke',
    {
      schema: { tags, summary: 'Stop an unused review link', params: linkParams, response: { 200: reviewLinkSchema } },
    },
    async (request) => {
      const { orgId, linkId } = request.params;
      return revokeReviewLink(deps, await reviewer(request, orgId), orgId, linkId);
    },
  );

  /** Limits by address, and counts misses (see public-rate-limit.ts). */
  const guarded = <T>(request: FastifyRequest, run: () => Promise<T>) =>
    limit.guard(request.ip, ['review_link_invalid'], run);

  r.get(
    '/api/public/reviews/:token',
    {
      schema: {
        tags,
        summary: 'What a review link shows (public, no session)',
        params: tokenParams,
        response: { 200: publicReviewSchema },
        security: [],
      },
    },
    async (request) => guarded(request, () => publicReview(deps, request.params.token)),
  );

  r.get(
    '/api/public/reviews/:token/media/:index',
    {
      schema: {
        tags,
        summary: 'One image of the post, while the link is open (public)',
        params: mediaParams,
        security: [],
      },
    },
    async (request, reply) => {
      const picture = await guarded(request, () => publicReviewImage(deps, request.params.token, request.params.index));
      return reply.type('image/jpeg').header('cache-control', 'no-store').send(picture.bytes);
    },
  );

  r.post(
    '/api/public/reviews/:token/decision',
    {
      schema: {
        tags,
        summary: 'Decide as the external reviewer: approve, request changes or reject; uses the link up (public)',
        params: tokenParams,
        body: publicDecideSchema,
        response: { 200: publicReviewSchema },
        security: [],
      },
    },
    async (request) =>
      guarded(request, () => decideByLink(deps, request.ip ?? null, request.params.token, request.body)),
  );
}
