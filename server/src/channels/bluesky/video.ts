import type { $Typed, Agent, AppBskyEmbedVideo } from '@atproto/api';
import { type MediaFile, RejectedError } from '../contract.ts';

// app.bsky.embed.video: the MP4 as a blob on the account's PDS, its picture size (so the app
// reserves the right space before it loads), the alt text and WebVTT subtitles per language.
// The lexicon takes video/mp4 only; a QuickTime file is sent as such (same ISO container).

const MAX_VIDEO_BYTES = 100_000_000;

export async function videoEmbed(
  agent: Agent,
  file: MediaFile,
  signal?: AbortSignal,
): Promise<$Typed<AppBskyEmbedVideo.Main>> {
  if (file.bytes.length > MAX_VIDEO_BYTES) {
    throw new RejectedError('video too large', `video ${file.id} is over ${MAX_VIDEO_BYTES} bytes`);
  }
  const video = await agent.uploadBlob(file.bytes, { encoding: 'video/mp4', signal });
  const embed: $Typed<AppBskyEmbedVideo.Main> = {
    $type: 'app.bsky.embed.video',
    video: video.data.blob,
    aspectRatio: { width: Math.max(1, file.width), height: Math.max(1, file.height) },
    ...(file.alt && { alt: file.alt.slice(0, 1000) }),
  };
  if (file.captions) {
    const captions = await agent.uploadBlob(file.captions.bytes, { encoding: 'text/vtt', signal });
    embed.captions = [{ lang: file.captions.lang, file: captions.data.blob }];
  }
  return embed;
}
