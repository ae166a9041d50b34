import type { AuditPage } from '@nahbar/common';
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { auditLog, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/context.ts';

export type AuditEvent = {
  orgId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Append to the audit log, inside the caller's transaction when there is one. */
export async function recordAudit(db: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    orgId: event.orgId,
    actorUserId: actor.userId,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    details: event.details ?? {},
    ip: actor.ip,
  });
}

/**
 * The same entry as recordAudit, as an INSERT … SELECT for a data-modifying CTE, so a hot path
 * (the publishing engine) records its audit entry in the statement that makes the change.
 * `from` names the CTE whose rows trigger the entry (no row, no entry).
 */
export function auditInsert(actor: Actor, event: AuditEvent, from: SQL): SQL {
  return sql`insert into ${auditLog} (org_id, actor_user_id, action, target_type, target_id, details, ip)
    select ${event.orgId}::uuid, ${actor.userId}::uuid, ${event.action}, ${event.targetType ?? null}, ${event.targetId ?? null},
      ${JSON.stringify(event.details ?? {})}::jsonb, ${actor.ip} ${from}`;
}

export async function listAudit(
  db: DbOrTx,
  orgId: string,
  query: { limit: number; before?: string | undefined; action?: string | undefined },
): Promise<AuditPage> {
  const conditions = [eq(auditLog.orgId, orgId)];
  if (query.before) conditions.push(lt(auditLog.id, BigInt(query.before)));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  const rows = await db
    .select({ entry: auditLog, name: users.name, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map(({ entry, name, email }) => ({
      id: entry.id.toString(),
      at: entry.createdAt.toISOString(),
      actor: { id: entry.actorUserId, name, email },
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details as Record<string, unknown>,
      ip: entry.ip,
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.entry.id.toString() ?? null) : null,
  };
}
