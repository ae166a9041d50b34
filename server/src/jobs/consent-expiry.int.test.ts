import { localDay } from '@nahbar/common';
import { addDays } from '@nahbar/common/rules/local-date';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { consents, notifications } from '../db/schema/index.ts';
import { addConsent, createPerson } from '../modules/consent/test-factories.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { remindExpiringConsents } from './consent-expiry.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

it('reminds the privacy officers and the recorder once, 30 days before a consent ends', async () => {
  const officer = await addMember(t, owner, orgId, ['privacy_officer']);
  const editor = await addMember(t, owner, orgId, ['editor']);
  const today = localDay(new Date(), 'Europe/Berlin');
  const person = await createPerson(t.db, orgId, { displayName: 'Emma' });
  const ending = await addConsent(t.db, orgId, person.id, {
    validUntil: addDays(today, 30),
    recordedBy: editor.userId,
  });
  await addConsent(t.db, orgId, person.id, { validUntil: addDays(today, 31) });
  const withdrawn = await addConsent(t.db, orgId, person.id, { validUntil: addDays(today, 5) });
  await t.db.update(consents).set({ withdrawnOn: today }).where(eq(consents.id, withdrawn.id));

  expect(await remindExpiringConsents(t.deps)).toEqual({ reminded: 1 });
  const sent = await t.db.select().from(notifications).where(eq(notifications.type, 'consent_expiring'));
  expect(sent.map((n) => n.userId).sort()).toEqual([officer.userId, editor.userId].sort());
  expect(sent[0]).toMatchObject({
    params: { person: 'Emma', expiresOn: addDays(today, 30) },
    link: `/personen/${person.id}`,
  });
  const [row] = await t.db.select().from(consents).where(eq(consents.id, ending.id));
  expect(row!.reminderSentAt).not.toBeNull();

  // The next morning: nothing twice.
  expect(await remindExpiringConsents(t.deps)).toEqual({ reminded: 0 });
  // The officer sees it in the bell.
  const bell = await call(t.app, { url: '/api/notifications', as: officer });
  expect(bell.body).toContain('consent_expiring');
});
