import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { notifications, postReviews } from '../db/schema/index.ts';
import { addApproval, addReview } from '../modules/approvals/links-fixtures.ts';
import { addChannel } from '../modules/posts/test-fixtures.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { escalateOverdueReviews } from './review-escalation.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

async function post(text: string) {
  const channelId = await addChannel(t, orgId, 'bluesky');
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: { text, targets: [{ channelId }], when: { mode: 'draft' } },
  });
  return (res.json() as { id: string }).id;
}

const step = (name: string, deadlineHours: number | null) => ({
  name,
  roles: ['approver' as const],
  mode: 'any' as const,
  deadlineHours,
});

it('tells owners and admins once when a step waits past its deadline', async () => {
  const admin = await addMember(t, owner, orgId, ['admin'], 'Adam Admin');
  const approver = await addMember(t, owner, orgId, ['approver'], 'Anna Approver');
  const hoursAgo = (h: number) => new Date(t.deps.clock().getTime() - h * 3_600_000);
  const overdue = await addReview(t, orgId, await post('Überfällig'), {
    steps: [step('Leitung', 24)],
    stepStartedAt: hoursAgo(25),
  });
  await addReview(t, orgId, await post('Noch Zeit'), { steps: [step('Leitung', 24)], stepStartedAt: hoursAgo(23) });
  await addReview(t, orgId, await post('Ohne Frist'), { steps: [step('Leitung', null)], stepStartedAt: hoursAgo(500) });
  const decided = await addReview(t, orgId, await post('Schon erledigt'), {
    steps: [step('Leitung', 1)],
    status: 'approved',
    stepStartedAt: hoursAgo(5),
  });
  await addApproval(t, orgId, decided.id, approver.userId);

  expect(await escalateOverdueReviews(t.deps)).toEqual({ escalated: 1 });
  const sent = await t.db.select().from(notifications).where(eq(notifications.type, 'review_overdue'));
  expect(sent.map((n) => n.userId).sort()).toEqual([owner.userId, admin.userId].sort());
  expect(sent[0]).toMatchObject({
    params: { post: 'Überfällig', step: 'Leitung' },
    link: `/beitraege/${overdue.postId}`,
  });
  const [row] = await t.db.select().from(postReviews).where(eq(postReviews.id, overdue.id));
  expect(row!.escalatedAt).not.toBeNull();
  const audit = await t.db.$client.query("select details from audit_log where action = 'review.escalated'");
  expect(audit.rows).toEqual([{ details: { postId: overdue.postId, step: 0 } }]);

  // A minute later: nothing twice. Two hours later the second one is due.
  expect(await escalateOverdueReviews(t.deps)).toEqual({ escalated: 0 });
  t.advance(2 * 3_600_000);
  expect(await escalateOverdueReviews(t.deps)).toEqual({ escalated: 1 });
  // Approvers are not among those told: the admins sort it out.
  const bell = await call(t.app, { url: '/api/notifications', as: approver });
  expect(bell.body).not.toContain('review_overdue');
});
