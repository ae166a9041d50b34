import {
  type ApprovalPolicy,
  type CreatePolicyInput,
  createPolicySchema,
  type FieldError,
  type Language,
  updatePolicySchema,
} from '@nahbar/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/open.ts';
import { approvalPolicies, channels } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

type PolicyActor = Actor & { orgId: string; language: Language };
type PolicyRow = typeof approvalPolicies.$inferSelect;

export function policyView(row: PolicyRow): ApprovalPolicy {
  return {
    id: row.id,
    name: row.name,
    steps: row.steps,
    rules: row.rules,
    minorEditsKeepApproval: row.minorEditsKeepApproval,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listPolicies(db: DbOrTx, orgId: string): Promise<ApprovalPolicy[]> {
  const rows = await db
    .select()
    .from(approvalPolicies)
    .where(eq(approvalPolicies.orgId, orgId))
    .orderBy(asc(approvalPolicies.createdAt));
  return rows.map(policyView);
}

/** What zod cannot see: the channels must be this organisation's, and a step names each role once. */
async function assertCoherent(
  db: DbOrTx,
  orgId: string,
  input: Partial<z.output<typeof createPolicySchema>>,
  language: Language,
): Promise<void> {
  const errors: FieldError[] = [];
  (input.steps ?? []).forEach((step, i) => {
    if (new Set(step.roles).size !== step.roles.length) {
      errors.push(
        fieldError(
          `steps.${i}.roles`,
          'duplicate',
          { de: 'Jede Rolle nur einmal je Schritt.', en: 'Each role only once per step.' },
          language,
        ),
      );
    }
  });
  const channelIds = [...new Set(input.rules?.channelIds ?? [])];
  if (channelIds.length) {
    const found = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.orgId, orgId), inArray(channels.id, channelIds)));
    const known = new Set(found.map((c) => c.id));
    (input.rules?.channelIds ?? []).forEach((id, i) => {
      if (!known.has(id)) {
        errors.push(
          fieldError(
            `rules.channelIds.${i}`,
            'unknown_channel',
            { de: 'Diesen Kanal gibt es hier nicht.', en: 'There is no such channel here.' },
            language,
          ),
        );
      }
    });
  }
  if (errors.length) throw new AppError('input_invalid', errors);
}

export async function createPolicy(deps: Deps, actor: PolicyActor, raw: CreatePolicyInput): Promise<ApprovalPolicy> {
  const input = createPolicySchema.parse(raw);
  await assertCoherent(deps.db, actor.orgId, input, actor.language);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(approvalPolicies)
      .values({ ...input, orgId: actor.orgId, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'policy.created',
      targetType: 'approval_policy',
      targetId: row!.id,
    });
    return policyView(row!);
  });
}

export async function updatePolicy(
  deps: Deps,
  actor: PolicyActor,
  policyId: string,
  raw: z.input<typeof updatePolicySchema>,
): Promise<ApprovalPolicy> {
  // The schema is the create schema made partial, whose defaults would fill in missing fields:
  // a PATCH changes only what it names.
  const parsed = updatePolicySchema.parse(raw);
  const input = Object.fromEntries(Object.entries(parsed).filter(([key]) => key in (raw as object))) as typeof parsed;
  await assertCoherent(deps.db, actor.orgId, input, actor.language);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(approvalPolicies)
      .set({ ...input, updatedAt: deps.clock() })
      .where(and(eq(approvalPolicies.id, policyId), eq(approvalPolicies.orgId, actor.orgId)))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'policy.updated',
      targetType: 'approval_policy',
      targetId: row.id,
      details: { fields: Object.keys(input) },
    });
    return policyView(row);
  });
}

/** Reviews already open keep their snapshot of the steps; only new submissions are affected. */
export async function deletePolicy(deps: Deps, actor: PolicyActor, policyId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(approvalPolicies)
      .where(and(eq(approvalPolicies.id, policyId), eq(approvalPolicies.orgId, actor.orgId)))
      .returning({ id: approvalPolicies.id });
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      orgId: actor.orgId,
      action: 'policy.deleted',
      targetType: 'approval_policy',
      targetId: row.id,
    });
  });
}
