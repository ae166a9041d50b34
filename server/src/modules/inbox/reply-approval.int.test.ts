import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { type SmtpInbox, startSmtpInbox } from '../../test/smtp.ts';
import { until } from '../../test/wait.ts';
import { storeFetched } from './test-factories.ts';

// Answers that wait for approval, against the Mastodon contract fake: "sensitive" holds the
// answer to a criticism (not to a question), the approver is asked by mail, sees it in their
// list without reading the inbox, and their approval sends it threaded; a rejection returns
// it with the reason. Four-eyes and the roles hold.
let t: TestApp;
let fake: MastodonFake;
let inbox: SmtpInbox;
let owner: Browser;
let editor: Browser & { email: string };
let leitung: Browser & { email: string };
let viewer: Browser;
let orgId: string;
let channelId: string;
let ourStatus: string;

const base = () => `/api/orgs/${orgId}/inbox`;
const to = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');

async function connectViaOAuth() {
  const start = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels/mastodon/start`,
    as: owner,
    body: { instanceUrl: fake.url },
  });
  const authorize = await fetch(start.json().authorizeUrl, { redirect: 'manual' });
  const back = new URL(authorize.headers.get('location') as string);
  const done = await call(t.app, { url: back.pathname + back.search, as: owner });
  return (done.headers.location as string).split('=')[1] as string;
}

/** Someone comments on our status; stored as ingest stores it, with the classifier's classes. */
async function comment(text: string, classes: string[]): Promise<{ id: string; statusId: string }> {
  const statusId = fake.postAs('lena', { text, inReplyToId: ourStatus });
  return { id: await storeFetched(t, orgId, channelId, statusId, classes), statusId };
}

const answer = (itemId: string, text: string, as: Browser = editor) =>
  call(t.app, { method: 'POST', url: `${base()}/${itemId}/replies`, as, body: { text } });
const decide = (replyId: string, body: Record<string, unknown>, as: Browser = leitung) =>
  call(t.app, { method: 'POST', url: `${base()}/replies/${replyId}/decision`, as, body });
const atPeer = (text: string) => fake.statuses('jugendhilfe').filter((s) => s.text.includes(text));

beforeAll(async () => {
  inbox = await startSmtpInbox();
  fake = await startMastodonFake({ instant: true });
  t = await createTestApp({ config: { smtpUrl: inbox.url, mailFrom: 'nahbar <nahbar@traeger.example>' } });
  ({ owner, orgId } = await setUp(t.app));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Redakteur');
  leitung = await addMember(t, owner, orgId, ['approver'], 'Lars Leitung');
  viewer = await addMember(t, owner, orgId, ['viewer'], 'Vera Lesend');
  fake.setAuthorization({ account: 'jugendhilfe' });
  channelId = await connectViaOAuth();
  ourStatus = fake.postAs('jugendhilfe', { text: 'Der Jugendtreff hat ab Montag neue Öffnungszeiten.' });
  const settings = await call(t.app, {
    method: 'PATCH',
    url: `${base()}/settings`,
    as: owner,
    body: { replyApproval: 'sensitive', replyApproverRoles: ['approver'] },
  });
  expect(settings.statusCode, settings.body).toBe(200);
  await t.deps.mailer.idle();
  inbox.mails.length = 0;
});

afterAll(async () => {
  await fake?.close();
  inbox?.close();
});

describe('answers that need approval', () => {
  it('"sensitive": an answer to a question goes out at once, an answer to criticism waits for Leitung', async () => {
    const question = await comment('Wann öffnet ihr am Montag?', ['question']);
    const thread = await call(t.app, { url: `${base()}/${question.id}/thread`, as: editor });
    expect(thread.json().replyApproval).toEqual({ required: false, roles: ['approver'] });
    const direct = await answer(question.id, 'Ab 14 Uhr, wie immer.');
    expect(direct.statusCode, direct.body).toBe(201);
    expect(direct.json()).toMatchObject({ state: 'sent', decision: null });

    const criticism = await comment('Schon wieder kürzere Zeiten, das ist enttäuschend.', ['criticism']);
    const before = await call(t.app, { url: `${base()}/${criticism.id}/thread`, as: editor });
    expect(before.json().replyApproval).toEqual({ required: true, roles: ['approver'] });
    const held = await answer(criticism.id, 'Wir verstehen Ihren Ärger und erklären gern, warum.');
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({ state: 'pending_approval', canDecide: false, decision: null });
    expect(atPeer('Wir verstehen Ihren Ärger')).toEqual([]);

    // Leitung hears of it by mail and finds it in the list, though the approver role cannot read the inbox.
    const mail = (await until(
      async () => inbox.mails.find((m) => to(m).includes(leitung.email)),
      (found) => found !== undefined,
    ))!;
    // Mastodon's composer starts an answer with the @mention of the account it answers.
    expect(mail.subject).toBe(
      'Antwort zur Freigabe: „@jugendhilfe Schon wieder kürzere Zeiten, das ist enttäuschend.“',
    );
    expect(mail.text).toContain('Emil Redakteur hat eine Antwort auf den Kommentar');
    expect((await call(t.app, { url: `${base()}/${criticism.id}/thread`, as: leitung })).statusCode).toBe(403);
    const pending = (await call(t.app, { url: `${base()}/replies/pending`, as: leitung })).json();
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]).toMatchObject({
      reply: { id: held.json().id, state: 'pending_approval', canDecide: true, authorName: 'Emil Redakteur' },
      item: { id: criticism.id, text: expect.stringContaining('Schon wieder kürzere Zeiten'), classes: ['criticism'] },
    });
    const counts = (await call(t.app, { url: `/api/orgs/${orgId}/reviews/counts`, as: leitung })).json();
    expect(counts.repliesAwaitingMe).toBe(1);
    // The author waits for someone else; a viewer is not asked.
    expect((await call(t.app, { url: `${base()}/replies/pending`, as: editor })).json().items).toEqual([]);
    expect((await call(t.app, { url: `${base()}/replies/pending`, as: viewer })).json().items).toEqual([]);

    const approved = await decide(held.json().id, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      state: 'sent',
      decision: { approved: true, byName: 'Lars Leitung', comment: null },
    });
    const [sent] = atPeer('Wir verstehen Ihren Ärger');
    expect(sent?.inReplyToId).toBe(criticism.statusId);
    expect((await decide(held.json().id, { decision: 'approve' })).json().error.code).toBe('review_not_open');
    const item = (await call(t.app, { url: `${base()}/${criticism.id}/thread`, as: editor })).json().item;
    expect(item.status).toBe('answered');
  });

  it('a rejection needs a reason, returns the answer unsent and tells its author', async () => {
    const hostile = await comment('Ihr habt doch keine Ahnung.', ['hostile']);
    const held = (await answer(hostile.id, 'Sie haben doch selbst keine Ahnung!')).json();
    expect(held.state).toBe('pending_approval');

    const noReason = await decide(held.id, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toMatchObject([{ field: 'comment', code: 'required' }]);
    const rejected = await decide(held.id, {
      decision: 'reject',
      comment: 'Bitte sachlich bleiben und auf die Netiquette verweisen.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      state: 'rejected',
      decision: {
        approved: false,
        byName: 'Lars Leitung',
        comment: 'Bitte sachlich bleiben und auf die Netiquette verweisen.',
      },
    });
    expect(atPeer('selbst keine Ahnung')).toEqual([]);
    const told = await t.db.$client.query(
      'select type, params, link from notifications where user_id = $1 and type = $2',
      [editor.userId, 'rejected'],
    );
    expect(told.rows).toEqual([
      {
        type: 'rejected',
        params: {
          reviewer: 'Lars Leitung',
          post: 'Sie haben doch selbst keine Ahnung!',
          comment: 'Bitte sachlich bleiben und auf die Netiquette verweisen.',
        },
        link: `/posteingang/${hostile.id}`,
      },
    ]);
    const audit = await t.db.$client.query(
      `select action from audit_log where org_id = $1 and action like 'inbox.reply_%' order by id`,
      [orgId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'inbox.reply_submitted',
      'inbox.reply_approved',
      'inbox.reply_submitted',
      'inbox.reply_rejected',
    ]);
  });

  it('four eyes: the author never decides their own answer, not even as owner with every role', async () => {
    await call(t.app, {
      method: 'PATCH',
      url: `${base()}/settings`,
      as: owner,
      body: { replyApproval: 'always', replyApproverRoles: ['approver', 'owner'] },
    });
    const praise = await comment('Toll, dass ihr länger offen habt am Freitag!', ['praise']);
    const own = (await answer(praise.id, 'Danke, wir freuen uns auf euch!', owner)).json();
    expect(own).toMatchObject({ state: 'pending_approval', canDecide: false });
    const refused = await decide(own.id, { decision: 'approve' }, owner);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'review_refused', details: { refusal: 'own_reply' } });
    const byEditor = await decide(own.id, { decision: 'approve' }, editor);
    expect(byEditor.json().error).toMatchObject({ code: 'review_refused', details: { refusal: 'not_approver' } });
    expect((await decide(own.id, { decision: 'approve' })).json()).toMatchObject({ state: 'sent' });
  });
});
