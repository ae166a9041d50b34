import type { InboxSettings, updateInboxSettingsSchema } from '@nahbar/common';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { inboxSettings } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { recordAudit } from '../audit/service.ts';

/** The defaults: answer within 3 h on workdays, 24 h at weekends; look every 5 minutes. */
export const DEFAULT_INBOX_SETTINGS: InboxSettings = {
  workdayTargetMinutes: 180,
  weekendTargetMinutes: 1440,
  netiquetteUrl: null,
  crisisProcedure: null,
  protectedChannel: null,
  pollMinutes: 5,
  extraTerms: [],
  replyApproval: 'off',
  replyApproverRoles: ['approver'],
};

type SettingsRow = typeof inboxSettings.$inferSelect;

function settingsView(row: SettingsRow | undefined): InboxSettings {
  if (!row) return DEFAULT_INBOX_SETTINGS;
  return {
    workdayTargetMinutes: row.workdayTargetMinutes,
    weekendTargetMinutes: row.weekendTargetMinutes,
    netiquetteUrl: row.netiquetteUrl,
    crisisProcedure: row.crisisProcedure,
    protectedChannel: row.protectedChannel,
    pollMinutes: row.pollMinutes,
    extraTerms: row.extraTerms as InboxSettings['extraTerms'],
    replyApproval: row.replyApproval as InboxSettings['replyApproval'],
    replyApproverRoles: row.replyApproverRoles as InboxSettings['replyApproverRoles'],
  };
}

/** An organisation's settings; the defaults until someone changes them (no row needed). */
export async function getInboxSettings(db: DbOrTx, orgId: string): Promise<InboxSettings> {
  const [row] = await db.select().from(inboxSettings).where(eq(inboxSettings.orgId, orgId));
  return settingsView(row);
}

export async function updateInboxSettings(
  deps: Deps,
  actor: Actor & { orgId: string },
  patch: z.infer<typeof updateInboxSettingsSchema>,
): Promise<InboxSettings> {
  return deps.db.transaction(async (tx) => {
    const before = await getInboxSettings(tx, actor.orgId);
    const next = { ...before, ...patch };
    const [row] = await tx
      .insert(inboxSettings)
      .values({ orgId: actor.orgId, ...next, updatedAt: deps.clock() })
      .onConflictDoUpdate({ target: inboxSettings.orgId, set: { ...next, updatedAt: deps.clock() } })
      .returning();
    const changed = Object.keys(patch).filter(
      (key) => JSON.stringify(before[key as keyof InboxSettings]) !== JSON.stringify(next[key as keyof InboxSettings]),
    );
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'inbox.settings_changed',
      targetType: 'organisation',
      targetId: actor.orgId,
      details: { changed },
    });
    return settingsView(row);
  });
}
