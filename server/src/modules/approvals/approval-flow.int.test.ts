import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { type SmtpInbox, startSmtpInbox } from '../../test/smtp.ts';
import { until } from '../../test/wait.ts';
import { addConsent, createPerson, reviewImage } from '../consent/test-factories.ts';
import { createFeedChannel, createImage } from '../feeds/test-factories.ts';
import {
  createPolicy,
  decide,
  getPost,
  LEITUNG,
  LEITUNG_UND_DATENSCHUTZ,
  submit,
  writePost,
} from './test-factories.ts';

// What an approval sets in motion: the plan carried out (scheduled, or published by the engine
// to the website feed), the consent gate at the last step, the notifications and their e-mails.
let inbox: SmtpInbox;
let t: TestApp;
let orgId: string;
let channelId: string;
let owner: Browser;
let editor: Browser & { email: string };
let leitung: Browser & { email: string };
let datenschutz: Browser & { email: string };

const to = (mail: ParsedMail) => (mail.to && 'text' in mail.to ? mail.to.text : '');

beforeAll(async () => {
  inbox = await startSmtpInbox();
  t = await createTestApp({
    worker: { sweepIntervalMs: 3_600_000 },
    config: { smtpUrl: inbox.url, mailFrom: 'nahbar <nahbar@traeger.example>' },
  });
  ({ owner, orgId } = await setUp(t.app, 'Jugendhilfe Nord'));
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Redakteur');
  leitung = await addMember(t, owner, orgId, ['approver'], 'Lars Leitung');
  datenschutz = await addMember(t, owner, orgId, ['privacy_officer'], 'Dana Datenschutz');
  channelId = (await createFeedChannel(t.db, orgId)).id;
  await createPolicy(t, owner, orgId, { name: 'Sensibel', steps: [LEITUNG], rules: { tags: ['sensibel'] } });
  await createPolicy(t, owner, orgId, {
    name: 'Menschen im Bild',
    steps: [{ name: 'Datenschutz', roles: ['privacy_officer'], mode: 'any' }],
    rules: { peopleDepicted: true },
  });
  await t.deps.mailer.idle();
  inbox.mails.length = 0;
});
afterAll(() => inbox.close());

const notificationsOf = async (userId: string, postId: string) =>
  (
    await t.db.$client.query(
      'select type, params from notifications where user_id = $1 and link = $2 order by created_at',
      [userId, `/beitraege/${postId}`],
    )
  ).rows as { type: string; params: Record<string, string> }[];

async function adultInImage(withConsent: boolean) {
  const person = await createPerson(t.db, orgId, { displayName: 'Jonas', birthDate: '1990-05-05' });
  const consent = withConsent ? await addConsent(t.db, orgId, person.id, { purpose: 'website' }) : null;
  const image = await createImage(t.db, orgId);
  await reviewImage(t.db, orgId, image.id, 'tagged', [person.id]);
  return { consent, media: [{ mediaId: image.id, alt: 'Jonas am Grill' }] };
}

describe('carrying out the plan', () => {
  it('final approval with a time schedules the targets at that time', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'] });
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCSeconds(0, 0);
    const review = (await submit(t, editor, orgId, post.id, { mode: 'at', at: at.toISOString() })).json();
    await decide(t, leitung, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    const target = (await getPost(t, editor, orgId, post.id)).targets[0]!;
    expect(target.state).toBe('scheduled');
    expect(new Date(target.dueAt!).getTime()).toBe(at.getTime());
  });

  it('final approval with "now" lets the engine publish to the website feed', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'], text: 'Neue Öffnungszeiten' });
    const review = (await submit(t, editor, orgId, post.id, { mode: 'now' })).json();
    expect((await getPost(t, editor, orgId, post.id)).targets[0]!.state).toBe('in_review');
    const approved = await decide(t, leitung, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(approved.json().status).toBe('approved');
    const published = await until(
      () => getPost(t, editor, orgId, post.id),
      (p) => p.targets[0]!.state === 'published',
    );
    expect(published.targets[0]!.state).toBe('published');
  });

  it('the consent gate refuses the final approval when the consent is gone', async () => {
    const { consent, media } = await adultInImage(true);
    const post = await writePost(t, editor, orgId, channelId, { media });
    const review = (await submit(t, editor, orgId, post.id, { mode: 'now' })).json();
    expect(review.policyName).toBe('Menschen im Bild');
    await t.db.$client.query('delete from consents where id = $1', [consent!.id]);
    const refused = await decide(t, datenschutz, orgId, review.id, { decision: 'approve', baseVersion: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('consent_blocked');
    const still = (await call(t.app, { url: `/api/orgs/${orgId}/posts/${post.id}/review`, as: editor })).json();
    expect(still).toMatchObject({ status: 'in_review', decisions: [] });
  });
});

describe('which policy', () => {
  it('a post depicting a minor takes the minors policy over a one-step "always" policy', async () => {
    const always = await createPolicy(t, owner, orgId, { name: 'Immer', steps: [LEITUNG], rules: { always: true } });
    await createPolicy(t, owner, orgId, {
      name: 'Kinder im Bild',
      steps: [{ name: 'Redaktion', roles: ['editor'], mode: 'any' }, LEITUNG_UND_DATENSCHUTZ],
      rules: { minorsDepicted: true },
    });
    const child = await createPerson(t.db, orgId, { displayName: 'Mila', birthDate: '2016-03-01', guardians: 1 });
    const image = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, image.id, 'tagged', [child.id]);
    const post = await writePost(t, editor, orgId, channelId, { media: [{ mediaId: image.id, alt: 'Mila malt' }] });
    const choice = (
      await call(t.app, { url: `/api/orgs/${orgId}/posts/${post.id}/approval-policy`, as: editor })
    ).json();
    expect(choice.policy.name).toBe('Kinder im Bild');
    expect(choice.matched).toEqual(['minorsDepicted']);
    await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/approval-policies/${always.id}`, as: owner });
  });
});

describe('the queue', () => {
  it('marks the posts that show a child, so the approver sees it before opening them', async () => {
    const child = await createPerson(t.db, orgId, { displayName: 'Noah', birthDate: '2017-06-01' });
    await addConsent(t.db, orgId, child.id, { purpose: 'website', givenBy: ['guardian_1'] });
    const image = await createImage(t.db, orgId);
    await reviewImage(t.db, orgId, image.id, 'tagged', [child.id]);
    const withChild = await writePost(t, owner, orgId, channelId, {
      tags: ['sensibel'],
      text: 'Noah beim Laternenbasteln',
      media: [{ mediaId: image.id, alt: 'Ein Kind bastelt eine Laterne' }],
    });
    const withoutChild = await writePost(t, editor, orgId, channelId, {
      tags: ['sensibel'],
      text: 'Laternenumzug am Freitag',
    });
    expect((await submit(t, owner, orgId, withChild.id)).statusCode).toBe(201);
    expect((await submit(t, editor, orgId, withoutChild.id)).statusCode).toBe(201);

    // Whichever policy applies ("Kinder im Bild" starts with Redaktion), Redaktion or Leitung has it.
    const items = [];
    for (const as of [editor, leitung]) {
      items.push(...(await call(t.app, { url: `/api/orgs/${orgId}/reviews/queue`, as })).json().items);
    }
    const flags = Object.fromEntries(
      items.map((i: { post: { id: string; showsMinor: boolean } }) => [i.post.id, i.post.showsMinor]),
    );
    expect(flags[withChild.id]).toBe(true);
    expect(flags[withoutChild.id]).toBe(false);
  });
});

describe('notifications', () => {
  it('the step’s deciders are asked, the author hears of changes and approval, and the request arrives as a German e-mail', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'], text: 'Bericht vom Elternabend' });
    const first = (await submit(t, editor, orgId, post.id)).json();
    expect(await notificationsOf(leitung.userId, post.id)).toEqual([
      { type: 'review_requested', params: { author: 'Emil Redakteur', post: 'Bericht vom Elternabend' } },
    ]);
    expect(await notificationsOf(datenschutz.userId, post.id)).toEqual([]);
    expect(await notificationsOf(editor.userId, post.id)).toEqual([]);

    const mail = (await until(
      async () => inbox.mails.find((m) => to(m).includes(leitung.email) && m.subject?.includes('Elternabend')),
      (found) => found !== undefined,
    ))!;
    expect(mail.subject).toBe('Freigabe erbeten: „Bericht vom Elternabend“');
    expect(mail.text).toContain('Emil Redakteur bittet Sie um Freigabe');
    expect(mail.text).toContain(`http://nahbar.test/beitraege/${post.id}`);

    await decide(t, leitung, orgId, first.id, {
      decision: 'request_changes',
      comment: 'Bitte ohne Namen.',
      baseVersion: 1,
    });
    const second = (await submit(t, editor, orgId, post.id)).json();
    await decide(t, leitung, orgId, second.id, { decision: 'approve', baseVersion: 1 });
    expect(await notificationsOf(editor.userId, post.id)).toEqual([
      {
        type: 'changes_requested',
        params: { reviewer: 'Lars Leitung', post: 'Bericht vom Elternabend', comment: 'Bitte ohne Namen.' },
      },
      { type: 'approved', params: { reviewer: 'Lars Leitung', post: 'Bericht vom Elternabend' } },
    ]);
  });

  it('a rejection tells the author it was rejected, not that changes are wanted, with the reason by e-mail', async () => {
    const post = await writePost(t, editor, orgId, channelId, { tags: ['sensibel'], text: 'Fotos vom Sommerfest' });
    const review = (await submit(t, editor, orgId, post.id)).json();
    await decide(t, leitung, orgId, review.id, {
      decision: 'reject',
      comment: 'Das Fest ist intern.',
      baseVersion: 1,
    });
    expect(await notificationsOf(editor.userId, post.id)).toEqual([
      {
        type: 'rejected',
        params: { reviewer: 'Lars Leitung', post: 'Fotos vom Sommerfest', comment: 'Das Fest ist intern.' },
      },
    ]);
    const mail = (await until(
      async () => inbox.mails.find((m) => to(m).includes(editor.email) && m.subject?.includes('Sommerfest')),
      (found) => found !== undefined,
    ))!;
    expect(mail.subject).toBe('Nicht freigegeben: „Fotos vom Sommerfest“');
    expect(mail.text).toContain('Lars Leitung hat den Beitrag „Fotos vom Sommerfest“');
    expect(mail.text).toContain('Begründung: „Das Fest ist intern.“');
  });
});
