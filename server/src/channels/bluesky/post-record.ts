import { type Agent, type AppBskyFeedPost, type AppBskyRichtextFacet, RichText } from '@atproto/api';
import type { PublishInput } from '../contract.ts';
import { fitImage } from './images.ts';
import { videoEmbed } from './video.ts';

export type StrongRef = { uri: string; cid: string };

/** The app.bsky.feed.post record for one part of a post; images or a video go on the first part only. */
export async function postRecord(
  agent: Agent,
  input: PublishInput,
  index: number,
  thread: { root: StrongRef; parent: StrongRef } | null,
  signal?: AbortSignal,
): Promise<AppBskyFeedPost.Record> {
  const text = input.parts[index] ?? '';
  const facets = await detectFacets(agent, text);
  const record: AppBskyFeedPost.Record = {
    $type: 'app.bsky.feed.post',
    text,
    createdAt: new Date().toISOString(),
    ...(facets.length > 0 && { facets }),
    ...(input.language && { langs: [input.language] }),
    ...(thread && { reply: thread }),
  };
  const video = input.media.find((file) => file.kind === 'video');
  if (index === 0 && video) {
    record.embed = await videoEmbed(agent, video, signal);
  } else if (index === 0 && input.media.length > 0) {
    const images = [];
    for (const media of input.media) {
      const image = await fitImage(media);
      const uploaded = await agent.uploadBlob(image.bytes, { encoding: image.mime, signal });
      images.push({
        alt: image.alt,
        image: uploaded.data.blob,
        aspectRatio: { width: Math.max(1, image.width), height: Math.max(1, image.height) },
      });
    }
    record.embed = { $type: 'app.bsky.embed.images', images };
  }
  return record;
}

/**
 * Links and mentions as facets. A mention whose handle does not resolve keeps its text but
 * gets no facet: an empty DID would make the PDS refuse the whole post.
 */
async function detectFacets(agent: Agent, text: string): Promise<AppBskyRichtextFacet.Main[]> {
  const rt = new RichText({ text });
  await rt.detectFacets(agent);
  return (rt.facets ?? [])
    .map((facet) => ({
      ...facet,
      features: facet.features.filter((f) => !('did' in f) || (typeof f.did === 'string' && f.did !== '')),
    }))
    .filter((facet) => facet.features.length > 0);
}
