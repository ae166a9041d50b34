import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inboxItems, mailOutbox } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { notifyOverdue } from './overdue.ts';
import { createChannel, insertItems } from './test-factories.ts';

// Working on items: status, assignee, tags, settings, overdue reminders and who may do what.
let t: TestApp;
let owner: Browser;
let editor: Browser & { email: string };
let viewer: Browser;
let privacy: Browser;
let orgId: string;
let channel: { id: string; orgId: string };

const patch = (id: string, body: unknown, as: Browser = editor) =>
  call(t.app, { method: 'PATCH', url: `/api/orgs/${orgId}/inbox/${id}`, as, body });

/** Someone who owns another organisation and is no member of ours (joined, founded B, left). */
async function foreignOrg(name: string) {
  const person = await addMember(t, owner, orgId, ['viewer'], `Owner of ${name}`);
  const created = await call(t.app, { method: 'POST', url: '/api/orgs', as: person, body: { name } });
  expect(created.statusCode, created.body).toBe(201);
  await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${person.userId}`, as: person });
  return { owner: person as Browser, orgId: created.json().id as string };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Eda Editor');
  viewer = await addMember(t, owner, orgId, ['viewer'], 'Vic Viewer');
  privacy = await addMember(t, owner, orgId, ['privacy_officer'], 'Pia Privacy');
  channel = await createChannel(t.db, orgId);
});

describe('changing an item', () => {
  it('measures the response time once, at the first answer', async () => {
    const [item] = await insertItems(t.db, channel, [{ receivedAt: new Date(Date.now() - 90 * 60_000) }]);
    const answered = await patch(item!.id, { status: 'answered' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', overdue: false, responseMinutes: 90 });
    const firstAt = answered.json().answeredAt;
    t.advance(60 * 60_000);
    await patch(item!.id, { status: 'open' });
    const again = await patch(item!.id, { status: 'no_answer_needed' });
    expect(again.json()).toMatchObject({ status: 'no_answer_needed', answeredAt: firstAt, responseMinutes: 90 });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inbox.updated'), eq(auditLog.targetId, item!.id)));
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({
      actorUserId: editor.userId,
      details: { status: { from: 'open', to: 'answered' } },
    });
  });

  it('assigns only to members who may answer, and keeps tags without doubles', async () => {
    const [item] = await insertItems(t.db, channel, [{}]);
    const ok = await patch(item!.id, { assigneeId: editor.userId, tags: ['Sommerfest', 'Sommerfest', 'Frage'] });
    expect(ok.json()).toMatchObject({
      assignee: { id: editor.userId, name: 'Eda Editor' },
      tags: ['Sommerfest', 'Frage'],
    });
    for (const who of [viewer.userId, privacy.userId]) {
      const refused = await patch(item!.id, { assigneeId: who });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('inbox_assignee_invalid');
    }
    const other = await foreignOrg('Andere Organisation');
    expect((await patch(item!.id, { assigneeId: other.owner.userId })).statusCode).toBe(422);
    expect((await patch(item!.id, { assigneeId: null })).json().assignee).toBeNull();
  });

  it('lets readers read but not change; viewers neither', async () => {
    const [item] = await insertItems(t.db, channel, [{}]);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/inbox`, as: privacy })).statusCode).toBe(200);
    expect((await patch(item!.id, { status: 'answered' }, privacy)).statusCode).toBe(403);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/inbox`, as: viewer })).statusCode).toBe(403);
    expect((await patch(item!.id, { status: 'answered' }, viewer)).statusCode).toBe(403);
    const fetch = await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/inbox/fetch`, as: viewer, body: {} });
    expect(fetch.statusCode).toBe(403);
  });

  it("keeps each organisation's inbox to itself", async () => {
    const [item] = await insertItems(t.db, channel, [{}]);
    const other = await foreignOrg('Fremde Organisation');
    const foreign = other.owner;
    for (const url of [
      `/api/orgs/${orgId}/inbox`,
      `/api/orgs/${orgId}/inbox/counts`,
      `/api/orgs/${orgId}/inbox/settings`,
    ]) {
      expect((await call(t.app, { url, as: foreign })).statusCode).toBe(404);
    }
    expect((await patch(item!.id, { status: 'answered' }, foreign)).statusCode).toBe(404);
    // Their own organisation's URL with our item's id: not found either, and unchanged.
    const crossed = await call(t.app, {
      method: 'PATCH',
      url: `/api/orgs/${other.orgId}/inbox/${item!.id}`,
      as: foreign,
      body: { status: 'answered' },
    });
    expect(crossed.statusCode).toBe(404);
    const fetch = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${other.orgId}/inbox/fetch`,
      as: foreign,
      body: { channelId: channel.id },
    });
    expect(fetch.statusCode).toBe(404);
    const page = await call(t.app, { url: `/api/orgs/${other.orgId}/inbox`, as: foreign });
    expect(page.json().items).toEqual([]);
    const [row] = await t.db.select().from(inboxItems).where(eq(inboxItems.id, item!.id));
    expect(row!.status).toBe('open');
  });
});

describe('settings', () => {
  it('starts with the defaults and keeps what admins change', async () => {
    const url = `/api/orgs/${orgId}/inbox/settings`;
    expect((await call(t.app, { url, as: editor })).json()).toEqual({
      workdayTargetMinutes: 180,
      weekendTargetMinutes: 1440,
      netiquetteUrl: null,
      crisisProcedure: null,
      protectedChannel: null,
      pollMinutes: 5,
      extraTerms: [],
      replyApproval: 'off',
      replyApproverRoles: ['approver'],
    });
    const body = {
      weekendTargetMinutes: 720,
      netiquetteUrl: 'https://jugendhilfe.example/netiquette',
      extraTerms: [{ class: 'crisis', term: 'Notinsel' }],
    };
    expect((await call(t.app, { method: 'PATCH', url, as: editor, body })).statusCode).toBe(403);
    const saved = await call(t.app, { method: 'PATCH', url, as: owner, body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call(t.app, { url, as: editor })).json()).toMatchObject({ workdayTargetMinutes: 180, ...body });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'inbox.settings_changed'));
    expect(entry!.details).toEqual({ changed: ['weekendTargetMinutes', 'netiquetteUrl', 'extraTerms'] });
    const invalid = await call(t.app, { method: 'PATCH', url, as: owner, body: { pollMinutes: 0 } });
    expect(invalid.statusCode).toBe(400);
    // Viewers and contributors cannot approve answers, and someone must.
    for (const replyApproverRoles of [['viewer'], ['contributor'], []]) {
      const refused = await call(t.app, { method: 'PATCH', url, as: owner, body: { replyApproverRoles } });
      expect(refused.statusCode, JSON.stringify(replyApproverRoles)).toBe(400);
    }
  });
});

describe('overdue reminders', () => {
  it('mails the assignee, or the team when nobody is assigned, once per item', async () => {
    await t.db.update(inboxItems).set({ status: 'answered' });
    const past = new Date(Date.now() - 60_000);
    await insertItems(t.db, channel, [
      { text: 'Wer antwortet mir?', dueAt: past, assigneeId: editor.userId },
      { text: 'Hallo, ist da jemand?', dueAt: past },
      { text: 'Noch Zeit', dueAt: new Date(Date.now() + 5 * 3_600_000) },
    ]);
    expect(await notifyOverdue(t.deps)).toEqual({ items: 2, mails: 2 });
    const mails = (await t.db.select().from(mailOutbox)).filter((m) => m.subject.includes('auf Antwort'));
    expect(mails).toHaveLength(2);
    const toEditor = mails.find((m) => m.to === editor.email);
    // The editor: their own item and the unassigned one; the owner: only the unassigned one.
    expect(toEditor!.text).toContain('Wer antwortet mir?');
    expect(toEditor!.text).toContain('Hallo, ist da jemand?');
    expect(toEditor!.text).toContain('http://nahbar.test/posteingang');
    expect(toEditor!.subject).toContain('2 Kommentare warten auf Antwort');
    const toOwner = mails.find((m) => m.to !== editor.email);
    expect(toOwner!.text).not.toContain('Wer antwortet mir?');
    expect(await notifyOverdue(t.deps)).toEqual({ items: 0, mails: 0 });
  });
});
