import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MastodonFake, startMastodonFake } from '../../test/mastodon-contract-fake.ts';
import { contextFor, fastAdapter, image, post } from './test-support.ts';

// After a crash the engine asks find() whether a post already went out; Mastodon has no lookup
// by key, so the adapter reads the account's statuses back and recognises the text.

let fake: MastodonFake;
const adapter = fastAdapter();
const minuteAgo = () => new Date(Date.now() - 60_000);

beforeAll(async () => {
  fake = await startMastodonFake();
});
afterAll(() => fake.close());

describe('Mastodon find', () => {
  it('finds a post whose answer was lost, with every part of its thread', async () => {
    const ctx = await contextFor(fake, 'lost');
    const since = minuteAgo();
    const input = post({ parts: ['Sommerfest am Samstag!', 'Es gibt Kuchen.'], contentWarning: 'Essen' });
    fake.acceptThenFail(1);
    await adapter.publish(input, ctx).catch(() => undefined);
    await adapter.publish(post({ parts: ['Etwas anderes'] }), ctx);
    await adapter.publish(input, ctx);

    const found = await adapter.find(input, ctx, since);
    const statuses = fake.statuses('lost');
    expect(found).toEqual({
      remoteId: statuses[0]?.id,
      url: `${fake.url}/@lost/${statuses[0]?.id}`,
      parts: [statuses[0]?.id, statuses[2]?.id],
    });
  });

  it('returns null when nothing was posted', async () => {
    const ctx = await contextFor(fake, 'nothing');
    await adapter.publish(post({ parts: ['Ein anderer Beitrag'] }), ctx);
    expect(await adapter.find(post(), ctx, minuteAgo())).toBeNull();
  });

  it('recognises text the instance turned into HTML: links, paragraphs, entities, mentions, hashtags', async () => {
    const ctx = await contextFor(fake, 'html');
    const text =
      'Kommt vorbei & bringt "Freunde" mit <3\n\nInfos: https://example.org/veranstaltungen/2025/sommerfest-im-quartier?x=1\nmit @bob@other.social #Quartier';
    const input = post({ parts: [text], media: [image('Plakat')] });
    await adapter.publish(input, ctx);
    const found = await adapter.find(input, ctx, minuteAgo());
    expect(found?.remoteId).toBe(fake.statuses('html')[0]?.id);
  });

  it('pages back through many newer posts', async () => {
    const ctx = await contextFor(fake, 'busy');
    const input = post({ parts: ['Der gesuchte Beitrag'] });
    await adapter.publish(input, ctx);
    for (let i = 0; i < 45; i += 1) await adapter.publish(post({ parts: [`Beitrag ${i}`] }), ctx);
    expect((await adapter.find(input, ctx, minuteAgo()))?.remoteId).toBe(fake.statuses('busy')[0]?.id);
  });

  it('leaves a young half thread to a retry, which completes it without duplicates', async () => {
    const ctx = await contextFor(fake, 'half');
    const input = post({ parts: ['Teil A', 'Teil B'] });
    await adapter.publish({ ...input, parts: ['Teil A'] }, ctx);
    expect(await adapter.find(input, ctx, minuteAgo())).toBeNull();
    await adapter.publish(input, ctx);
    expect(fake.statuses('half').map((s) => s.text)).toEqual(['Teil A', 'Teil B']);
    expect((await adapter.find(input, ctx, minuteAgo()))?.parts).toHaveLength(2);
  });
});

describe('Mastodon remove', () => {
  it('deletes every part of a thread; deleting again is not an error', async () => {
    const ctx = await contextFor(fake, 'takedown');
    const published = await adapter.publish(post({ parts: ['Eins', 'Zwei', 'Drei'] }), ctx);
    const other = await adapter.publish(post({ parts: ['Bleibt stehen'] }), ctx);
    await adapter.remove(published, ctx);
    expect(fake.statuses('takedown').map((s) => s.id)).toEqual([other.remoteId]);
    await adapter.remove(published, ctx);
    expect(await adapter.find(post({ parts: ['Eins', 'Zwei', 'Drei'] }), ctx, minuteAgo())).toBeNull();
  });
});
