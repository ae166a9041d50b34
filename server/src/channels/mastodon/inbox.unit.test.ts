import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { AuthError, type InboxEntry, type InboxRef, TransientError } from '../contract.ts';
import { contextFor, fastAdapter, post } from './test-support.ts';

// The community inbox against the Mastodon contract fake: other accounts reply to us, mention
// us and write to us directly; we fetch with a cursor and answer, threaded at the instance.

let fake: MastodonFake;
const adapter = fastAdapter();
const fetchInbox = adapter.fetchInbox?.bind(adapter) as NonNullable<typeof adapter.fetchInbox>;
const reply = adapter.reply?.bind(adapter) as NonNullable<typeof adapter.reply>;

beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

const ref = (e: InboxEntry): InboxRef => ({
  remoteId: e.remoteId,
  rootRemoteId: e.rootRemoteId,
  parentRemoteId: e.parentRemoteId,
  conversationId: e.conversationId,
  kind: e.kind,
  raw: e.raw,
});
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as Error);

describe('Mastodon inbox', () => {
  it('fetches a reply, a mention and a direct message once, oldest first, then only what is new', async () => {
    const ctx = await contextFor(fake, 'stadtteil');
    const ours = await adapter.publish(post({ parts: ['Sommerfest am Samstag', 'Programm folgt.'] }), ctx);
    const replyId = fake.postAs('anna', { text: 'Gibt es Kuchen?', inReplyToId: ours.parts[1] });
    const mentionId = fake.postAs('ben', { text: 'Tolle Arbeit vom Stadtteilzentrum', mentions: ['stadtteil'] });
    const dmId = fake.postAs('clara', { text: 'Ich brauche Rat', visibility: 'direct', mentions: ['stadtteil'] });

    const first = await fetchInbox(null, ctx);
    expect(first.entries.map((e) => [e.remoteId, e.kind])).toEqual([
      [replyId, 'reply'],
      [mentionId, 'mention'],
      [dmId, 'message'],
    ]);
    const [r, m, d] = first.entries as [InboxEntry, InboxEntry, InboxEntry];
    expect(r).toMatchObject({
      text: '@stadtteil Gibt es Kuchen?',
      url: `${fake.url}/@anna/${replyId}`,
      author: { id: fake.accountId('anna'), handle: `@anna@${ctx.settings.domain}`, displayName: 'Anna' },
      parentRemoteId: ours.parts[1],
      rootRemoteId: ours.remoteId,
      conversationId: null,
    });
    expect(m).toMatchObject({ parentRemoteId: null, rootRemoteId: null, conversationId: null });
    expect(d).toMatchObject({ text: '@stadtteil Ich brauche Rat', conversationId: dmId });
    expect(d.raw).toMatchObject({ id: dmId, visibility: 'direct', account: { acct: 'clara' } });
    expect(JSON.stringify(first.entries)).not.toContain(ctx.credentials.accessToken);

    expect(await fetchInbox(first.cursor, ctx)).toEqual({ entries: [], cursor: first.cursor });
    // Dora answers Anna; the composer names Anna and everyone Anna named, so us too.
    const later = fake.postAs('dora', { text: 'Und Musik?', inReplyToId: replyId });
    const next = await fetchInbox(first.cursor, ctx);
    expect(next.entries.map((e) => [e.remoteId, e.kind, e.parentRemoteId, e.rootRemoteId])).toEqual([
      [later, 'mention', replyId, ours.remoteId],
    ]);
    expect(next.entries[0]?.text).toBe('@anna @stadtteil Und Musik?');
  });

  it('pages forward through more than a page without losing any, bounded per fetch', async () => {
    const ctx = await contextFor(fake, 'viel');
    fake.postAs('erst', { text: 'Hallo', mentions: ['viel'] });
    const start = await fetchInbox(null, ctx);
    const ids: string[] = [];
    for (let i = 0; i < 130; i += 1) ids.push(fake.postAs(`fan${i % 7}`, { text: `Nr ${i}`, mentions: ['viel'] }));
    const one = await fetchInbox(start.cursor, ctx);
    expect(one.entries.map((e) => e.remoteId)).toEqual(ids.slice(0, 120));
    const two = await fetchInbox(one.cursor, ctx);
    expect(two.entries.map((e) => e.remoteId)).toEqual(ids.slice(120));
  });

  it('answers threaded: the reply names the author, the direct answer stays direct, and a long one chains', async () => {
    const ctx = await contextFor(fake, 'jugendhaus');
    const ours = await adapter.publish(post({ parts: ['Neue Öffnungszeiten'] }), ctx);
    fake.postAs('emil', { text: 'Auch am Sonntag?', inReplyToId: ours.remoteId });
    fake.postAs('frida', { text: 'Kann ich privat fragen?', visibility: 'direct', mentions: ['jugendhaus'] });
    const [question, dm] = (await fetchInbox(null, ctx)).entries as [InboxEntry, InboxEntry];

    const answer = await reply(ref(question), post({ parts: ['Nein, sonntags ist zu.'] }), ctx);
    const posted = fake.statuses('jugendhaus').find((s) => s.id === answer.remoteId);
    expect(posted).toMatchObject({
      inReplyToId: question.remoteId,
      text: '@emil Nein, sonntags ist zu.',
      visibility: 'public',
      mentions: ['emil'],
    });

    const parts = ['Gern, schreiben Sie mir. '.repeat(20).trim(), 'Bis bald.'];
    const dmAnswer = await reply(ref(dm), post({ parts }), ctx);
    const chain = fake.statuses('jugendhaus').filter((s) => dmAnswer.parts.includes(s.id));
    expect(chain.map((s) => [s.visibility, s.mentions])).toEqual(chain.map(() => ['direct', ['frida']]));
    expect(chain[0]?.inReplyToId).toBe(dm.remoteId);
    expect(chain[1]?.inReplyToId).toBe(chain[0]?.id);
    // Mentions made part 1 too long for 500: it was split again rather than refused.
    expect(chain.length).toBe(3);
    expect(chain.every((s) => s.text.startsWith('@frida '))).toBe(true);
  });

  it('keeps one answer when the instance took it but the answer was lost', async () => {
    const ctx = await contextFor(fake, 'kita');
    const ours = await adapter.publish(post(), ctx);
    fake.postAs('gerd', { text: 'Danke!', inReplyToId: ours.remoteId });
    const [item] = (await fetchInbox(null, ctx)).entries as [InboxEntry];
    const input = post({ parts: ['Gern geschehen.'] });
    fake.acceptThenFail(1);
    expect(await failure(reply(ref(item), input, ctx))).toBeInstanceOf(TransientError);
    const retried = await reply(ref(item), input, ctx);
    const answers = fake.statuses('kita').filter((s) => s.inReplyToId === item.remoteId);
    expect(answers.map((s) => s.id)).toEqual([retried.remoteId]);
  });

  it('links to the instance’s own pages for mute, block and report', async () => {
    const ctx = await contextFor(fake, 'verein');
    fake.postAs('troll', { text: 'Ihr seid doch alle …', mentions: ['verein'] });
    const [item] = (await fetchInbox(null, ctx)).entries as [InboxEntry];
    const links = adapter.moderationLinks?.({ ...ref(item), authorHandle: item.author.handle }, ctx);
    expect(links).toEqual({
      mute: `${fake.url}/@troll`,
      block: `${fake.url}/@troll`,
      report: `${fake.url}/@troll/${item.remoteId}`,
    });
    const remote = adapter.moderationLinks?.({ ...ref(item), raw: {}, authorHandle: '@hass@elsewhere.example' }, ctx);
    expect(remote?.report).toBe(`${fake.url}/@hass@elsewhere.example/${item.remoteId}`);
    expect(adapter.capabilities(ctx.settings)).toMatchObject({ inbox: true, hideReplies: false });
  });

  it('401 ⇒ AuthError, missing read:notifications ⇒ AuthError, 429 ⇒ TransientError with the wait', async () => {
    const ctx = await contextFor(fake, 'fehler');
    fake.revokeToken(ctx.credentials.accessToken as string);
    expect(await failure(fetchInbox(null, ctx))).toBeInstanceOf(AuthError);

    ctx.credentials.accessToken = fake.issueToken('fehler', ['read:accounts', 'read:statuses', 'write']);
    expect(await failure(fetchInbox(null, ctx))).toBeInstanceOf(AuthError);

    ctx.credentials.accessToken = fake.issueToken('fehler');
    fake.failNext(1, 429, undefined, 'GET /api/v1/notifications');
    const limited = await failure(fetchInbox('1', ctx));
    expect(limited).toBeInstanceOf(TransientError);
    expect((limited as TransientError).retryAfterMs).toBe(30_000);
  });
});
