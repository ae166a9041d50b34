import { Grid, Stack } from '@mantine/core';
import type { Channel, MembershipSummary } from '@nahbar/common';
import { ReviewComments } from './review-comments.tsx';
import { ReviewDiffSection } from './review-diff-section.tsx';
import type { Passage } from './review-selection.ts';
import { ReviewStatusPanel } from './review-status-panel.tsx';
import { ReviewTimeline } from './review-timeline.tsx';
import type { ReviewPlan } from './use-review-plan.ts';

type Props = {
  org: MembershipSummary;
  postId: string;
  version: number;
  plan: ReviewPlan;
  channels: Channel[];
  takeSelection: () => Passage | null;
  onReloadPost: () => Promise<void>;
};

/** Below a saved post's composer: its review, the changes since approval, comments and history. */
export function ReviewArea({ org, postId, version, plan, channels, takeSelection, onReloadPost }: Props) {
  return (
    <Grid gap="xl" mt="xl">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack>
          {plan.review && (
            <ReviewStatusPanel org={org} review={plan.review} version={version} onReloadPost={onReloadPost} />
          )}
          {plan.review && <ReviewDiffSection orgId={org.id} postId={postId} version={version} />}
          <ReviewComments
            orgId={org.id}
            postId={postId}
            timeZone={org.timeZone}
            channels={channels}
            takeSelection={takeSelection}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <ReviewTimeline orgId={org.id} postId={postId} timeZone={org.timeZone} version={version} />
      </Grid.Col>
    </Grid>
  );
}
