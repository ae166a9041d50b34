import type { Channel } from '@nahbar/common';
import { zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import type { TFunction } from 'i18next';
import { channelFit } from './channel-fit.ts';
import type { PickedMedia } from './media-picker.tsx';
import type { WhenValue } from './when-picker.tsx';

type Input = {
  text: string;
  chosen: Channel[];
  media: PickedMedia[];
  when: WhenValue;
  timeZone: string;
  t: TFunction<'posts'>;
};

export type ComposerErrors = {
  text?: string;
  channels?: string;
  alt?: Record<string, string>;
  when?: string;
};

/** The same checks the server makes, before the round trip; null when the post can go. */
export function validateComposer({ text, chosen, media, when, timeZone, t }: Input): ComposerErrors | null {
  const errors: ComposerErrors = {};
  if (!text.trim()) errors.text = t('composer.validation.text');
  if (chosen.length === 0) errors.channels = t('composer.validation.channels');
  for (const channel of chosen) {
    const fit = channelFit(channel, text, media.length);
    if (fit.tooLong) errors.channels = t('composer.validation.tooLong', { name: channel.name });
    else if (fit.tooManyImages) errors.channels = t('composer.validation.tooManyImages', { name: channel.name });
  }
  const missingAlt = media.filter((m) => !m.alt.trim());
  if (missingAlt.length > 0) {
    errors.alt = Object.fromEntries(missingAlt.map((m) => [m.mediaId, t('composer.validation.alt')]));
  }
  if (when.mode === 'at') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(when.date) || !/^\d{2}:\d{2}$/.test(when.time)) {
      errors.when = t('composer.validation.dateTime');
    } else if (Date.parse(zonedWallTimeToIso({ date: when.date, time: when.time }, timeZone)) <= Date.now()) {
      errors.when = t('composer.validation.past');
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
