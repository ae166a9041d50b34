import type { When } from '@nahbar/common';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { approvalKeys, approvalsApi } from '../approvals/approvals-api.ts';
import { postKeys } from './posts-api.ts';
import { type PlanAction, planAction } from './review-steps.ts';

type Options = { orgId: string; postId: string | null; version: number | null; canPublish: boolean };

/**
 * Whether the composer plans or submits for approval. The policy depends on what the post shows,
 * its tags and channels, so it is asked again for every saved version.
 */
export function useReviewPlan({ orgId, postId, version, canPublish }: Options) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const enabled = postId !== null;
  const policy = useQuery({
    queryKey: [...approvalKeys.postPolicy(orgId, postId ?? ''), version],
    queryFn: () => approvalsApi.postPolicy(orgId, postId ?? ''),
    enabled,
    placeholderData: (previous) => previous,
  });
  const review = useQuery({
    queryKey: [...approvalKeys.review(orgId, postId ?? ''), version],
    queryFn: () => approvalsApi.review(orgId, postId ?? ''),
    enabled,
    placeholderData: (previous) => previous,
  });
  const needsPolicy = Boolean(policy.data?.policy);
  const action: PlanAction = planAction({ canPublish, needsPolicy, review: review.data, version });

  const refresh = (id: string | null = postId) => {
    void queryClient.invalidateQueries({ queryKey: approvalKeys.all(orgId) });
    if (id) void queryClient.invalidateQueries({ queryKey: postKeys.detail(orgId, id) });
  };

  const submit = async (id: string, when: When) => {
    const result = await approvalsApi.submit(orgId, id, { when, comment: comment.trim() || null });
    setComment('');
    refresh(id);
    return result;
  };

  /** A post nobody knew needed approval (a new one, not yet saved): ask again, the button follows. */
  const onSendError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'approval_required') refresh();
  };

  return { action, policy: policy.data ?? null, review: review.data ?? null, comment, setComment, submit, onSendError };
}
export type ReviewPlan = ReturnType<typeof useReviewPlan>;
