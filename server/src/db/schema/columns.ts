import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './orgs.ts';

// Columns the publishing and inbox tables spell the same way. (orgs.ts and accounts.ts keep
// their own createdAt: importing this file from them would make an import cycle.)

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const at = (name: string) => timestamp(name, { withTimezone: true });

/** The tenant column: every tenant table carries org_id and goes with its organisation. */
export const tenantId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
