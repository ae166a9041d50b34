import { and, eq, inArray, sql } from 'drizzle-orm';
import { channels, inboxItems, memberships, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { overdueInboxMail } from '../mail/templates.ts';

const BATCH = 500;
const EXCERPT = 80;

type Person = { email: string; language: string };
type Claimed = {
  id: string;
  orgId: string;
  channelId: string;
  assigneeId: string | null;
  authorHandle: string;
  text: string;
};

/**
 * Items that went past their response time and nobody was told yet: one e-mail per person —
 * the assignee, or whoever answers the inbox (owners, admins, editors) when no one is assigned.
 * Claimed first by one UPDATE, so two workers never send the same reminder; a crash between
 * claim and send loses a reminder rather than sending it twice.
 */
export async function notifyOverdue(deps: Deps): Promise<{ items: number; mails: number }> {
  const now = deps.clock();
  const claimed = await deps.db.execute<Claimed & Record<string, unknown>>(sql`
    update ${inboxItems} set overdue_notified_at = ${now}
    where id in (
      select id from ${inboxItems}
      where status = 'open' and due_at < ${now} and overdue_notified_at is null
      limit ${BATCH} for update skip locked
    )
    returning id, org_id as "orgId", channel_id as "channelId", assignee_id as "assigneeId",
      author_handle as "authorHandle", left(text, ${EXCERPT}) as text`);
  const items = claimed.rows;
  if (items.length === 0) return { items: 0, mails: 0 };

  const orgIds = [...new Set(items.map((i) => i.orgId))];
  const assigneeIds = [...new Set(items.flatMap((i) => (i.assigneeId ? [i.assigneeId] : [])))];
  const [orgRows, channelRows, answerers, assignees] = await Promise.all([
    deps.db.select().from(organisations).where(inArray(organisations.id, orgIds)),
    deps.db
      .select({ id: channels.id, name: channels.name })
      .from(channels)
      .where(inArray(channels.id, [...new Set(items.map((i) => i.channelId))])),
    deps.db
      .select({ orgId: memberships.orgId, email: users.email, language: users.language })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(inArray(memberships.orgId, orgIds), sql`${memberships.roles} && array['owner','admin','editor']::text[]`),
      ),
    assigneeIds.length
      ? deps.db
          .select({ id: users.id, orgId: memberships.orgId, email: users.email, language: users.language })
          .from(users)
          .innerJoin(memberships, eq(memberships.userId, users.id))
          .where(and(inArray(memberships.orgId, orgIds), inArray(users.id, assigneeIds)))
      : Promise.resolve([]),
  ]);
  const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
  const channelName = new Map(channelRows.map((c) => [c.id, c.name]));

  // (organisation, e-mail) → the person and their items
  const mails = new Map<string, { orgId: string; person: Person; items: Claimed[] }>();
  const add = (orgId: string, person: Person, item: Claimed) => {
    const key = `${orgId} ${person.email}`;
    const entry = mails.get(key) ?? { orgId, person, items: [] };
    entry.items.push(item);
    mails.set(key, entry);
  };
  for (const item of items) {
    // An assignee who left the organisation no longer gets its mail; the team does instead.
    const assignee = assignees.find((a) => a.id === item.assigneeId && a.orgId === item.orgId);
    if (assignee) add(item.orgId, assignee, item);
    else for (const person of answerers.filter((a) => a.orgId === item.orgId)) add(item.orgId, person, item);
  }
  for (const { orgId, person, items: mine } of mails.values()) {
    const mail = overdueInboxMail(person.language === 'en' ? 'en' : 'de', {
      organisation: orgName.get(orgId) ?? '',
      items: mine.map((item) => ({
        channel: channelName.get(item.channelId) ?? '',
        author: item.authorHandle,
        excerpt: item.text.length >= EXCERPT ? `${item.text}…` : item.text,
      })),
      url: `${deps.config.publicUrl}/posteingang`,
    });
    await deps.mailer.send({ orgId, to: person.email, ...mail });
  }
  return { items: items.length, mails: mails.size };
}
