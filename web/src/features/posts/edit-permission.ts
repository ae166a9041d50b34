import type { Post } from '@nahbar/common';

/** Why a person may only read a post; null when they may edit it. */
export type EditBlock = 'viewer' | 'notOwn' | 'notDraft' | null;

/**
 * The server's rule, mirrored so the page can say why before anyone tries: the editorial team
 * edits every post; contributors suggest, so they edit their own posts while nothing is planned
 * or out yet; everyone else reads.
 */
export function editBlock(post: Post, userId: string, can: { draft: boolean; publish: boolean }): EditBlock {
  if (!can.draft) return 'viewer';
  if (can.publish) return null;
  if (post.authorId !== userId) return 'notOwn';
  if (post.targets.some((target) => target.state !== 'draft')) return 'notDraft';
  return null;
}
