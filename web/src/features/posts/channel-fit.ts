import type { Channel } from '@nahbar/common';
import { countText, splitThread } from '@nahbar/common/rules/post-text';

export type ChannelFit = {
  count: number;
  max: number;
  /** Parts the engine will publish: the same split the server uses. */
  parts: number;
  /** Too long and the network has no threads. */
  tooLong: boolean;
  tooManyImages: boolean;
};

export function channelFit(channel: Channel, text: string, images: number): ChannelFit {
  const { maxChars: max, counting, threads, maxImages } = channel.limits;
  const count = countText(text, counting);
  const parts = threads ? splitThread(text, max, counting).length : 1;
  return { count, max, parts, tooLong: !threads && count > max, tooManyImages: images > maxImages };
}
