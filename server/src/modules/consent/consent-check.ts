import {
  ageGroupOn,
  type ConsentCheckResult,
  type consentCheckSchema,
  type GateResult,
  localDay,
} from '@nahbar/common';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { channels, posts, postTargets } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { loadChannels } from '../posts/post-context.ts';
import { type GateFacts, gateForTarget, loadDraftGateFacts, loadPostGateFacts } from './gate-context.ts';

type Checked = { channelId: string; channelName: string; result: GateResult };

/** The composer's live check: the draft as it is on screen, one gate result per channel. */
export async function checkDraft(
  deps: Deps,
  orgId: string,
  input: z.output<typeof consentCheckSchema>,
): Promise<ConsentCheckResult> {
  const at = input.at ? new Date(input.at) : deps.clock();
  const rows = await loadChannels(deps.db, orgId, input.channelIds);
  const facts = await loadDraftGateFacts(deps.db, orgId, input);
  const checked = input.channelIds.map((id) => {
    const channel = rows.find((c) => c.id === id)!;
    return { channelId: id, channelName: channel.name, result: gateForTarget(facts, channel, at) };
  });
  return answer(facts, checked, at);
}

/** A saved post: each target at its due time, or now while it has none. */
export async function checkPost(deps: Deps, orgId: string, postId: string): Promise<ConsentCheckResult> {
  const [post] = await deps.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.orgId, orgId)));
  if (!post) throw new AppError('not_found');
  const targets = await deps.db
    .select({ dueAt: postTargets.dueAt, channel: channels })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.postId, postId))
    .orderBy(asc(postTargets.createdAt));
  const facts = await loadPostGateFacts(deps.db, orgId, postId);
  const now = deps.clock();
  const checked = targets.map((t) => ({
    channelId: t.channel.id,
    channelName: t.channel.name,
    result: gateForTarget(facts, t.channel, t.dueAt ?? now),
  }));
  const first = targets.map((t) => t.dueAt ?? now).sort((a, b) => a.getTime() - b.getTime())[0];
  return answer(facts, checked, first ?? now);
}

/** Who is in it (age group on the publish day) and whether any channel's day shows a minor. */
function answer(facts: GateFacts, checked: Checked[], at: Date): ConsentCheckResult {
  const day = localDay(at, facts.timeZone);
  const depicted = new Set(facts.media.flatMap((m) => m.personIds));
  const named = new Set(facts.namedPersonIds);
  const people = facts.people
    .filter((p) => depicted.has(p.id) || named.has(p.id))
    .map((p) => ({
      id: p.id,
      displayName: p.displayName,
      ageGroup: ageGroupOn(p, day, facts.rules),
      depicted: depicted.has(p.id),
      named: named.has(p.id),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
  const showsMinor = people.some((p) => p.ageGroup !== 'adult') || checked.some((c) => c.result.minorIds.length > 0);
  return { channels: checked, people, showsMinor };
}
