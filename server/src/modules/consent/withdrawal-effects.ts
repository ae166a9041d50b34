import { localDay } from '@nahbar/common';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.ts';
import { channels, mediaPeople, postMedia, postPeople, postTargets, takedownTasks } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { recordAudit } from '../audit/service.ts';
import { adapterFor } from '../channels/access.ts';
import { type GateFacts, gateForTarget, loadPostsGateFacts } from './gate-context.ts';
import { auditReasons, gateSummary } from './gate-summary.ts';

/** Not out yet, but on their way: a withdrawal holds them. */
const WAITING = ['scheduled', 'in_review', 'approved'];
/** At the network, or about to be: a withdrawal takes them down. */
const OUT = ['published', 'publishing'];

export type WithdrawalEffects = {
  stoppedTargets: number;
  /** Targets whose takedown job to enqueue after commit. */
  automatic: string[];
  manualTasks: number;
};

export type Withdrawn = {
  orgId: string;
  personId: string;
  personName: string;
  /** Null when several consents ended at once (an erasure). */
  consentId: string | null;
};

/**
 * What a withdrawal sets in motion, inside its transaction (after the consents are marked):
 * every post showing or naming the person is gated again. Waiting targets that the person now
 * blocks are held; published ones are taken down — by the adapter where the network can
 * delete, else as a manual task with the link. Only blocks caused by this person count: a post
 * someone else blocks is not this withdrawal's business.
 */
export async function applyWithdrawal(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  withdrawn: Withdrawn,
): Promise<WithdrawalEffects> {
  const { orgId, personId } = withdrawn;
  const effects: WithdrawalEffects = { stoppedTargets: 0, automatic: [], manualTasks: 0 };
  const depicted = tx
    .select({ postId: postMedia.postId })
    .from(postMedia)
    .innerJoin(mediaPeople, eq(mediaPeople.mediaId, postMedia.mediaId))
    .where(and(eq(mediaPeople.personId, personId), eq(mediaPeople.orgId, orgId)));
  const named = tx
    .select({ postId: postPeople.postId })
    .from(postPeople)
    .where(and(eq(postPeople.personId, personId), eq(postPeople.orgId, orgId)));
  // Locked: the engine's claim waits for this transaction and then finds the target held.
  const rows = await tx
    .select({ target: postTargets, channel: channels })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(
      and(
        eq(postTargets.orgId, orgId),
        or(inArray(postTargets.postId, depicted), inArray(postTargets.postId, named)),
        or(
          inArray(postTargets.state, [...WAITING, ...OUT]),
          and(eq(postTargets.state, 'draft'), sql`${postTargets.dueAt} is not null`),
        ),
      ),
    )
    .for('update', { of: postTargets });
  if (rows.length === 0) return effects;
  const facts = await loadPostsGateFacts(
    tx,
    orgId,
    rows.map((r) => r.target.postId),
  );
  const now = deps.clock();
  const today = localDay(now, facts.values().next().value!.timeZone);
  // A target already on its way down for this person (an earlier consent of theirs) is not
  // taken down twice: one task per person and target in the report.
  const underway = new Set(
    (
      await tx
        .select({ targetId: takedownTasks.targetId })
        .from(takedownTasks)
        .where(
          and(
            eq(takedownTasks.personId, personId),
            inArray(
              takedownTasks.targetId,
              rows.map((r) => r.target.id),
            ),
            inArray(takedownTasks.kind, ['automatic', 'manual']),
          ),
        )
    ).map((r) => r.targetId),
  );

  for (const { target, channel } of rows) {
    const postFacts = facts.get(target.postId)!;
    const out = OUT.includes(target.state);
    // What is out must go now, even when the withdrawal is dated ahead: nothing waits for that day.
    const result = gateForTarget(
      out ? effectiveToday(postFacts, today) : postFacts,
      channel,
      out ? now : (target.dueAt ?? now),
    );
    const own = result.reasons.filter((r) => r.personId === personId);
    if (own.length === 0) continue;
    const base = {
      orgId,
      personId,
      personName: withdrawn.personName,
      consentId: withdrawn.consentId,
      postId: target.postId,
      targetId: target.id,
      requestedAt: now,
    };
    if (!out) {
      await tx
        .update(postTargets)
        .set({
          state: 'held',
          errorKind: 'consent',
          errorMessage: gateSummary(result.reasons),
          errorNetworkMessage: null,
          errorAt: now,
          updatedAt: now,
        })
        .where(eq(postTargets.id, target.id));
      await tx.insert(takedownTasks).values({ ...base, kind: 'stopped', state: 'done', doneAt: now });
      await recordAudit(tx, actor, {
        orgId,
        action: 'post.held_consent',
        targetType: 'post_target',
        targetId: target.id,
        details: { postId: target.postId, channelId: channel.id, from: target.state, reasons: auditReasons(own) },
      });
      effects.stoppedTargets += 1;
      continue;
    }
    if (underway.has(target.id)) continue;
    const deletable =
      adapterFor(deps, channel.network).capabilities(channel.settings).remove && channel.status !== 'disconnected';
    const kind = deletable ? 'automatic' : 'manual';
    const [task] = await tx
      .insert(takedownTasks)
      .values({ ...base, kind, state: 'pending', remoteUrl: target.remoteUrl })
      .returning({ id: takedownTasks.id });
    if (!target.takedownRequestedAt) {
      await tx
        .update(postTargets)
        .set({ takedownRequestedAt: now, updatedAt: now })
        .where(eq(postTargets.id, target.id));
    }
    await recordAudit(tx, actor, {
      orgId,
      action: 'takedown.requested',
      targetType: 'post_target',
      targetId: target.id,
      details: {
        taskId: task!.id,
        kind,
        postId: target.postId,
        channelId: channel.id,
        network: channel.network,
        personId,
        remoteUrl: target.remoteUrl,
      },
    });
    if (deletable) effects.automatic.push(target.id);
    else effects.manualTasks += 1;
  }
  return effects;
}

/** Withdrawals dated after today count from today (for what is already out). */
function effectiveToday(facts: GateFacts, today: string): GateFacts {
  return {
    ...facts,
    consents: facts.consents.map((c) =>
      c.withdrawnOn !== null && c.withdrawnOn > today ? { ...c, withdrawnOn: today } : c,
    ),
  };
}
