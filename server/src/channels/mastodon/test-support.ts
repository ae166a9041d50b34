import type { MastodonFake } from '../../test/mastodon-contract-fake.ts';
import type { AdapterContext, MediaFile, PublishInput } from '../contract.ts';
import { mastodonAdapter } from './adapter.ts';
import { readInstance } from './instance.ts';

// Shared by the Mastodon adapter tests: a context for an account on the contract fake, a post,
// an image. Only loopback, no database.

export const fastAdapter = () => mastodonAdapter({ mediaPollDelaysMs: [5, 5, 5, 5, 5, 5, 5, 5] });

export async function contextFor(
  fake: MastodonFake,
  accountName: string,
  signal?: AbortSignal,
): Promise<AdapterContext> {
  return {
    credentials: { accessToken: fake.issueToken(accountName) },
    settings: await readInstance(fake.url),
    channelId: crypto.randomUUID(),
    publicUrl: 'http://127.0.0.1:9',
    signal,
  };
}

export function post(partial: Partial<PublishInput> = {}): PublishInput {
  return {
    idempotencyKey: crypto.randomUUID(),
    parts: ['Offene Sprechstunde heute ab 14 Uhr im Stadtteilzentrum.'],
    media: [],
    language: 'de',
    contentWarning: null,
    visibility: 'public',
    createdAt: new Date(),
    ...partial,
  };
}

export function image(alt: string, mime = 'image/png'): MediaFile {
  // Bytes need not decode: the instance checks the declared type and the size.
  return { id: crypto.randomUUID(), mime, bytes: Buffer.from(`fake ${alt}`), alt, width: 1, height: 1 };
}
