import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';
import { type AuditEvent, recordAudit } from './service.ts';

/**
 * Account events (sign-in, tokens, 2FA) belong to a person, not an organisation. Each
 * organisation the person belongs to gets the entry, so every admin sees it in their own
 * log and no log shows another organisation's data.
 */
export async function recordAuditForUser(
  db: DbOrTx,
  actor: Actor,
  userId: string,
  event: Omit<AuditEvent, 'orgId'>,
): Promise<void> {
  const orgs = await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId));
  if (orgs.length === 0) {
    await recordAudit(db, actor, { ...event, orgId: null });
    return;
  }
  for (const { orgId } of orgs) await recordAudit(db, actor, { ...event, orgId });
}
