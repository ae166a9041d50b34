import { notificationListSchema } from '@nahbar/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError, RejectedError } from '../../channels/contract.ts';
import { feedAdapter } from '../../channels/feed/adapter.ts';
import { createRegistry } from '../../channels/registry.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { eventually } from '../../test/smtp.ts';
import { addChannel } from '../posts/test-fixtures.ts';

// The website feed stands in for any network: its publish answers with the error a test sets.
let nextError: Error = new RejectedError('rejected', 'Der Text ist zu lang.');
const feed = feedAdapter();
const registry = {
  ...createRegistry(),
  feed: {
    ...feed,
    publish: async () => {
      throw nextError;
    },
  },
};

let t: TestApp;
let owner: Browser;
let admin: Browser;
let editor: Browser;
let contributor: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ deps: { registry }, worker: { sweepIntervalMs: 60_000 } });
  ({ owner, orgId } = await setUp(t.app, 'Jugendhilfe Nord'));
  admin = await addMember(t, owner, orgId, ['admin'], 'Ada Admin');
  editor = await addMember(t, owner, orgId, ['editor'], 'Emil Editor');
  contributor = await addMember(t, owner, orgId, ['contributor'], 'Carla Contributor');
});

const listOf = async (as: Browser) =>
  notificationListSchema.parse((await call(t.app, { url: '/api/notifications?limit=100', as })).json()).items;

async function publishNow(channelId: string, text: string) {
  const res = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: editor,
    body: { text, targets: [{ channelId }], when: { mode: 'now' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('events that notify', () => {
  it('a post the network rejects: its author and the team hear once each, contributors not', async () => {
    const channelId = await addChannel(t, orgId, 'feed', 'Website Nord');
    const postId = await publishNow(channelId, 'Sommerfest am Samstag ab 14 Uhr im Garten der Einrichtung');
    const mine = await eventually(async () => {
      const items = (await listOf(editor)).filter((n) => n.link === `/beitraege/${postId}`);
      return items.length > 0 ? items : undefined;
    });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      type: 'publish_failed',
      organisationName: 'Jugendhilfe Nord',
      params: {
        channel: 'Website Nord',
        post: 'Sommerfest am Samstag ab 14 Uhr im Garten der Einrichtung',
        reason: 'Der Text ist zu lang.',
      },
    });
    for (const person of [owner, admin]) {
      expect((await listOf(person)).filter((n) => n.link === `/beitraege/${postId}`)).toHaveLength(1);
    }
    expect(await listOf(contributor)).toEqual([]);
    // The editor chose nothing: publish_failed is mailed at once.
    const email = (await t.db.$client.query('select email from users where id = $1', [editor.userId])).rows[0].email;
    const subjects = await eventually(async () => {
      const rows = await t.db.$client.query<{ subject: string }>(
        `select subject from mail_outbox where to_address = $1 and subject like 'Beitrag bei%'`,
        [email],
      );
      return rows.rows.length > 0 ? rows.rows.map((r) => r.subject) : undefined;
    });
    expect(subjects).toEqual(['Beitrag bei Website Nord nicht veröffentlicht']);
  });

  it('a channel whose credentials are refused: owners and admins are asked to re-connect, once', async () => {
    nextError = new AuthError('rejected credentials (401)', 'The access token is invalid');
    const channelId = await addChannel(t, orgId, 'feed', 'Website Süd');
    const postId = await publishNow(channelId, 'Kurzer Beitrag');
    const reconnect = (items: { type: string; params: Record<string, string> }[]) =>
      items.filter((n) => n.type === 'channel_needs_reconnect' && n.params.channel === 'Website Süd');
    const ownerSees = await eventually(async () => {
      const items = reconnect(await listOf(owner));
      return items.length > 0 ? items : undefined;
    });
    expect(ownerSees).toHaveLength(1);
    expect(ownerSees[0]).toMatchObject({ link: '/kanaele', params: { reason: 'The access token is invalid' } });
    expect(reconnect(await listOf(admin))).toHaveLength(1);
    expect(reconnect(await listOf(editor))).toHaveLength(0);
    // The post itself failed too, and its author hears of that.
    expect((await listOf(editor)).filter((n) => n.link === `/beitraege/${postId}`)).toHaveLength(1);

    // The next post on that channel fails before calling the network; it is announced too,
    // but the channel is not announced a second time.
    const second = await publishNow(channelId, 'Noch ein Beitrag');
    await eventually(async () =>
      (await listOf(editor)).some((n) => n.link === `/beitraege/${second}`) ? true : undefined,
    );
    expect(reconnect(await listOf(owner))).toHaveLength(1);
  });
});
