import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { organisations } from '../../db/schema/index.ts';

/** The organisation's zone: days, weekdays and slot times in the calendar are local to it. */
export async function orgTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  const [org] = await db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return org?.timeZone ?? 'Europe/Berlin';
}
