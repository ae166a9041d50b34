import type { ConsentRequest, Language, PersonExport } from '@nahbar/common';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  auditLog,
  channels,
  consentRequests,
  mediaPeople,
  postMedia,
  postPeople,
  posts,
  postTargets,
} from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { recordAudit } from '../audit/service.ts';
import { consentRowsOf } from './consent-service.ts';
import { consentView, gateConsent } from './consent-view.ts';
import { orgDay } from './org-day.ts';
import { personRow } from './people-service.ts';
import { personView, summarize } from './person-view.ts';

// Data-subject access (Art. 15 GDPR): everything nahbar holds about one person, for the
// privacy officer to hand over. The PDF (export-pdf.ts) renders this same object.

const EXCERPT = 120;

export async function personExport(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor & { orgId: string; language: Language },
  personId: string,
  format: 'json' | 'pdf',
): Promise<PersonExport> {
  const { db } = deps;
  const { orgId } = actor;
  const now = deps.clock();
  const row = await personRow(db, orgId, personId);
  const day = await orgDay(db, orgId, now);
  const consentRows = await consentRowsOf(db, orgId, [personId]);
  const summary = summarize(
    consentRows.map(({ row: c }) => gateConsent(c)),
    day.today,
  );
  const requests = await db
    .select()
    .from(consentRequests)
    .where(and(eq(consentRequests.orgId, orgId), eq(consentRequests.personId, personId)))
    .orderBy(desc(consentRequests.createdAt));
  const tags = await db
    .select()
    .from(mediaPeople)
    .where(and(eq(mediaPeople.orgId, orgId), eq(mediaPeople.personId, personId)))
    .orderBy(desc(mediaPeople.createdAt));
  const consentIds = consentRows.map(({ row: c }) => c.id);
  const audit = await db
    .select({ at: auditLog.createdAt, action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), inArray(auditLog.targetId, [personId, ...consentIds])))
    .orderBy(asc(auditLog.id));
  const result: PersonExport = {
    exportedAt: now.toISOString(),
    person: personView(row, { canSeeNotes: true, ...day, summary }),
    consents: consentRows.map(({ row: c, name }) => consentView(c, day.today, name)),
    consentRequests: requests.map(
      (r): ConsentRequest => ({
        id: r.id,
        personId: r.personId,
        purpose: r.purpose as ConsentRequest['purpose'],
        signatory: r.signatory as ConsentRequest['signatory'],
        mediaId: r.mediaId,
        language: r.language as ConsentRequest['language'],
        expiresAt: r.expiresAt.toISOString(),
        confirmedAt: r.confirmedAt?.toISOString() ?? null,
        confirmedName: r.confirmedName,
        revokedAt: r.revokedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      }),
    ),
    media: tags.map((t) => ({ mediaId: t.mediaId, box: t.box ?? null, taggedAt: t.createdAt.toISOString() })),
    posts: await postsOf(deps, orgId, personId),
    audit: audit.map((a) => ({ at: a.at.toISOString(), action: a.action })),
  };
  await recordAudit(db, actor, {
    orgId,
    action: 'person.exported',
    targetType: 'person',
    targetId: personId,
    details: { format },
  });
  return result;
}

/** Posts whose images show the person, and posts that name them, each with where it went. */
async function postsOf(deps: Pick<Deps, 'db'>, orgId: string, personId: string): Promise<PersonExport['posts']> {
  const { db } = deps;
  const depicted = db
    .select({ postId: postMedia.postId })
    .from(postMedia)
    .innerJoin(mediaPeople, eq(mediaPeople.mediaId, postMedia.mediaId))
    .where(and(eq(postMedia.orgId, orgId), eq(mediaPeople.personId, personId)));
  const named = db
    .select({ postId: postPeople.postId })
    .from(postPeople)
    .where(and(eq(postPeople.orgId, orgId), eq(postPeople.personId, personId)));
  const [depictedIds, namedIds] = await Promise.all([depicted, named]);
  const how = new Map<string, Set<'depicted' | 'named'>>();
  for (const { postId } of depictedIds) how.set(postId, (how.get(postId) ?? new Set()).add('depicted'));
  for (const { postId } of namedIds) how.set(postId, (how.get(postId) ?? new Set()).add('named'));
  const ids = [...how.keys()];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: posts.id, text: posts.text })
    .from(posts)
    .where(and(eq(posts.orgId, orgId), inArray(posts.id, ids)))
    .orderBy(desc(posts.createdAt));
  const targets = await db
    .select({
      postId: postTargets.postId,
      channelName: channels.name,
      state: postTargets.state,
      remoteUrl: postTargets.remoteUrl,
    })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(inArray(postTargets.postId, ids))
    .orderBy(asc(channels.name));
  return rows.flatMap((post) =>
    [...(how.get(post.id) ?? [])].map((kind) => ({
      postId: post.id,
      excerpt: post.text.length > EXCERPT ? `${post.text.slice(0, EXCERPT - 1)}…` : post.text,
      how: kind,
      targets: targets
        .filter((t) => t.postId === post.id)
        .map((t) => ({ channelName: t.channelName, state: t.state, remoteUrl: t.remoteUrl })),
    })),
  );
}
