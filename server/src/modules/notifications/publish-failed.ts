import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { memberships, posts } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { type Notified, notify } from './notify.ts';
import { orgMembersWithRoles } from './recipients.ts';

const EXCERPT = 80;

export const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

/**
 * A target failed for good: its post's author and whoever runs the organisation's posts
 * (owners, admins, editors) are told, each once. Called in the transaction that settles the
 * target, which only one attempt can win, so one failure is never announced twice.
 */
export async function notifyTargetFailed(
  deps: Deps,
  tx: Tx,
  /** kind: the target's error kind, which the reader's language words; reason: the technical detail. */
  failed: { orgId: string; postId: string; channelName: string; kind: string; reason: string },
): Promise<Notified> {
  const [post] = await tx
    .select({ text: posts.text, authorId: posts.authorId })
    .from(posts)
    .where(eq(posts.id, failed.postId));
  const team = await orgMembersWithRoles(tx, failed.orgId, ['owner', 'admin', 'editor']);
  const author = post?.authorId
    ? await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, failed.orgId), eq(memberships.userId, post.authorId)))
    : [];
  return notify(
    deps,
    {
      orgId: failed.orgId,
      userIds: [...author.map((a) => a.userId), ...team],
      type: 'publish_failed',
      params: {
        channel: failed.channelName,
        post: excerpt(post?.text ?? ''),
        kind: failed.kind,
        reason: failed.reason,
      },
      link: `/beitraege/${failed.postId}`,
    },
    tx,
  );
}
