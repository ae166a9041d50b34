import type { GateReason, Language } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { posts } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { loadChannels } from '../posts/post-context.ts';
import { blockingPiiFindings } from '../privacy/pii-check.ts';
import { type GateFacts, gateForTarget, loadDraftGateFacts, loadPostGateFacts } from './gate-context.ts';

/** A saved post, or a post being created (its images and text, nobody named yet). */
export type ConsentSubject =
  | { postId: string }
  | { mediaIds: readonly string[]; namedPersonIds?: readonly string[]; text: string };

/** A target about to be scheduled: `dueAt` null stays a draft and is not checked. */
export type TargetToSchedule = { field: string; channelId: string; dueAt: Date | null; text?: string | null };

/** One refused target: a field error (field, code, message) with the channel and the gate's reasons. */
export type ConsentBlocked = { field: string; code: string; message: string; channelId: string; reasons: GateReason[] };

/**
 * Scheduling's one question to client protection: may each of these targets go out at its
 * time? Refuses with 422 consent_blocked (details: which target, why) or pii_blocked (the
 * organisation's blocking PII findings in the texts). Drafts pass untouched.
 */
export async function assertConsentAllows(
  deps: Deps,
  orgId: string,
  subject: ConsentSubject,
  targets: readonly TargetToSchedule[],
  language: Language,
): Promise<void> {
  const scheduled = targets.filter((t): t is TargetToSchedule & { dueAt: Date } => t.dueAt !== null);
  if (scheduled.length === 0) return;
  const channels = await loadChannels(
    deps.db,
    orgId,
    scheduled.map((t) => t.channelId),
  );
  let facts: GateFacts;
  let text: string;
  if ('postId' in subject) {
    const [post] = await deps.db
      .select({ text: posts.text })
      .from(posts)
      .where(and(eq(posts.id, subject.postId), eq(posts.orgId, orgId)));
    if (!post) throw new AppError('not_found');
    text = post.text;
    facts = await loadPostGateFacts(deps.db, orgId, subject.postId);
  } else {
    text = subject.text;
    facts = await loadDraftGateFacts(deps.db, orgId, {
      mediaIds: subject.mediaIds,
      namedPersonIds: subject.namedPersonIds ?? [],
    });
  }
  const blocked: ConsentBlocked[] = [];
  for (const target of scheduled) {
    const channel = channels.find((c) => c.id === target.channelId)!;
    const result = gateForTarget(facts, channel, target.dueAt);
    if (!result.allowed) {
      const names = [
        ...new Set(result.reasons.map((r) => r.personName ?? (language === 'de' ? 'ein Bild' : 'an image'))),
      ];
      blocked.push({
        field: target.field,
        code: 'consent_blocked',
        message:
          language === 'de'
            ? `„${channel.name}“: keine gültige Einwilligung für ${names.join(', ')}.`
            : `“${channel.name}”: no valid consent for ${names.join(', ')}.`,
        channelId: channel.id,
        reasons: result.reasons,
      });
    }
  }
  if (blocked.length) throw new AppError('consent_blocked', blocked);

  const texts = [
    { field: 'text', text },
    ...scheduled.filter((t) => t.text).map((t) => ({ field: `${t.field}.text`, text: t.text! })),
  ];
  const findings = await blockingPiiFindings(deps, orgId, texts, language);
  if (findings.length) throw new AppError('pii_blocked', findings);
}
