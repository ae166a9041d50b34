import type { Role } from '@nahbar/common';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships } from '../../db/schema/index.ts';

/** The members of an organisation holding any of these roles (user ids). */
export async function orgMembersWithRoles(db: DbOrTx, orgId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        sql`${memberships.roles} && array[${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
      ),
    );
  return rows.map((r) => r.userId);
}
