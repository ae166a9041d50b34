import type {
  ApprovalPolicy,
  ApprovalStep,
  CreatePolicyInput,
  DecideInput,
  PendingReplies,
  PolicyRules,
  PostComment,
  PostTimeline,
  PublicReview,
  Review,
  ReviewDiff,
  ReviewLink,
  ReviewQueue,
  SubmitForReviewInput,
} from '@nahbar/common';
import { api } from '../../app/api.ts';

const enc = encodeURIComponent;
const org = (orgId: string) => `/orgs/${enc(orgId)}`;
const post = (orgId: string, postId: string) => `${org(orgId)}/posts/${enc(postId)}`;
const policy = (orgId: string, policyId: string) => `${org(orgId)}/approval-policies/${enc(policyId)}`;
const review = (orgId: string, reviewId: string) => `${org(orgId)}/reviews/${enc(reviewId)}`;
const publicReview = (token: string) => `/public/reviews/${enc(token)}`;

/** awaitingMe: posts; repliesAwaitingMe: inbox answers (both wait for the viewer's decision). */
export type ReviewCounts = { awaitingMe: number; overdue: number; repliesAwaitingMe: number };
/** The policy a post would get now, and which rules made it so ("minorsDepicted", "tag:sensibel", "fallback", …). */
export type PostPolicy = {
  /** id null: the built-in fallback for contributors when no policy of the organisation fits. */
  policy: { id: string | null; name: string; steps: ApprovalStep[] } | null;
  matched: string[];
};
export type PolicyInput = CreatePolicyInput;
export type PolicyPatch = Partial<CreatePolicyInput>;
export type CommentInput = { channelId?: string | null; quote?: string | null; body: string };
export type ReviewLinkInput = { name: string; expiresInDays?: number };
export type PublicDecision = { decision: DecideInput['decision']; comment?: string | null };
export type { ApprovalPolicy, ApprovalStep, PolicyRules };

/** Every approvals query starts with ['org', orgId, 'approvals'], so one invalidation refreshes queue, counts and reviews. */
export const approvalKeys = {
  all: (orgId: string) => ['org', orgId, 'approvals'] as const,
  policies: (orgId: string) => ['org', orgId, 'approvals', 'policies'] as const,
  queue: (orgId: string) => ['org', orgId, 'approvals', 'queue'] as const,
  counts: (orgId: string) => ['org', orgId, 'approvals', 'counts'] as const,
  /** Inbox answers waiting for the viewer's approval. */
  replies: (orgId: string) => ['org', orgId, 'approvals', 'replies'] as const,
  /** Everything about one post: its policy, review, comments, diff, timeline. */
  post: (orgId: string, postId: string) => ['org', orgId, 'approvals', 'post', postId] as const,
  postPolicy: (orgId: string, postId: string) => ['org', orgId, 'approvals', 'post', postId, 'policy'] as const,
  review: (orgId: string, postId: string) => ['org', orgId, 'approvals', 'post', postId, 'review'] as const,
  comments: (orgId: string, postId: string) => ['org', orgId, 'approvals', 'post', postId, 'comments'] as const,
  diff: (orgId: string, postId: string) => ['org', orgId, 'approvals', 'post', postId, 'diff'] as const,
  timeline: (orgId: string, postId: string) => ['org', orgId, 'approvals', 'post', postId, 'timeline'] as const,
  links: (orgId: string, reviewId: string) => ['org', orgId, 'approvals', 'links', reviewId] as const,
  /** Outside any org: the public page has no session. */
  publicReview: (token: string) => ['public-review', token] as const,
};

export const approvalsApi = {
  // ---- policies (S1) ----
  policies: (orgId: string) => api.get<ApprovalPolicy[]>(`${org(orgId)}/approval-policies`),
  createPolicy: (orgId: string, input: PolicyInput) =>
    api.post<ApprovalPolicy>(`${org(orgId)}/approval-policies`, input),
  updatePolicy: (orgId: string, policyId: string, input: PolicyPatch) =>
    api.patch<ApprovalPolicy>(policy(orgId, policyId), input),
  deletePolicy: (orgId: string, policyId: string) => api.delete(policy(orgId, policyId)),
  postPolicy: (orgId: string, postId: string) => api.get<PostPolicy>(`${post(orgId, postId)}/approval-policy`),

  // ---- reviews (S1) ----
  submit: (orgId: string, postId: string, input: SubmitForReviewInput) =>
    api.post<Review>(`${post(orgId, postId)}/submit`, input),
  review: (orgId: string, postId: string) => api.get<Review | null>(`${post(orgId, postId)}/review`),
  decide: (orgId: string, reviewId: string, input: DecideInput) =>
    api.post<Review>(`${review(orgId, reviewId)}/decisions`, input),
  queue: (orgId: string) => api.get<ReviewQueue>(`${org(orgId)}/reviews/queue`),
  counts: (orgId: string) => api.get<ReviewCounts>(`${org(orgId)}/reviews/counts`),
  pendingReplies: (orgId: string) => api.get<PendingReplies>(`${org(orgId)}/inbox/replies/pending`),

  // ---- comments, diff, timeline (S2) ----
  comments: (orgId: string, postId: string) => api.get<{ items: PostComment[] }>(`${post(orgId, postId)}/comments`),
  addComment: (orgId: string, postId: string, input: CommentInput) =>
    api.post<PostComment>(`${post(orgId, postId)}/comments`, input),
  resolveComment: (orgId: string, commentId: string) =>
    api.post<PostComment>(`${org(orgId)}/comments/${enc(commentId)}/resolve`, {}),
  diff: (orgId: string, postId: string) => api.get<ReviewDiff>(`${post(orgId, postId)}/review-diff`),
  timeline: (orgId: string, postId: string) => api.get<PostTimeline>(`${post(orgId, postId)}/timeline`),

  // ---- external links (S2) ----
  createLink: (orgId: string, reviewId: string, input: ReviewLinkInput) =>
    api.post<ReviewLink>(`${review(orgId, reviewId)}/links`, input),
  links: (orgId: string, reviewId: string) => api.get<{ items: ReviewLink[] }>(`${review(orgId, reviewId)}/links`),
  revokeLink: (orgId: string, linkId: string) =>
    api.post<ReviewLink>(`${org(orgId)}/review-links/${enc(linkId)}/revoke`, {}),

  // ---- public, by token (S2) ----
  publicReview: (token: string) => api.get<PublicReview>(publicReview(token), { skipUnauthenticatedRedirect: true }),
  publicDecide: (token: string, input: PublicDecision) =>
    api.post<PublicReview>(`${publicReview(token)}/decision`, input),
};
