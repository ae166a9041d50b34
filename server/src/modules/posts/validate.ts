import { countText, type FieldError, type Language, splitThread } from '@nahbar/common';
import type { Capabilities } from '../../channels/contract.ts';
import { fieldError } from '../../http/errors.ts';
import { partLimit } from '../../jobs/publish-input.ts';

export type TargetDraft = {
  field: string;
  text: string;
  /** Mastodon counts it into the limit. */
  contentWarning?: string | null | undefined;
  caps: Capabilities;
  channelStatus: string;
  mediaCount: number;
};

/**
 * What the network would refuse, found before scheduling: the same counting the composer
 * shows. A text over the limit is fine where the network has threads (it is split).
 */
export function checkTargets(drafts: TargetDraft[], language: Language): FieldError[] {
  const errors: FieldError[] = [];
  for (const d of drafts) {
    if (d.channelStatus === 'disconnected') {
      errors.push(
        fieldError(
          d.field,
          'channel_disconnected',
          { de: 'Der Kanal ist getrennt.', en: 'The channel is disconnected.' },
          language,
        ),
      );
      continue;
    }
    if (!d.text.trim() && d.mediaCount === 0) {
      errors.push(
        fieldError(`${d.field}.text`, 'empty', { de: 'Der Beitrag ist leer.', en: 'The post is empty.' }, language),
      );
    }
    const limit = partLimit(d.caps, d.contentWarning);
    const length = countText(d.text, d.caps.counting);
    if (!d.caps.threads && length > limit) {
      errors.push(
        fieldError(
          `${d.field}.text`,
          'too_long',
          {
            de: `Der Text ist ${length} Zeichen lang; erlaubt sind ${limit}.`,
            en: `The text is ${length} characters long; ${limit} are allowed.`,
          },
          language,
        ),
      );
    }
    if (d.caps.threads && splitThread(d.text, limit, d.caps.counting).length > 25) {
      errors.push(
        fieldError(
          `${d.field}.text`,
          'thread_too_long',
          {
            de: 'Mehr als 25 Teile sind zu viel für einen Thread.',
            en: 'More than 25 parts is too much for a thread.',
          },
          language,
        ),
      );
    }
    if (d.mediaCount > d.caps.maxImages) {
      errors.push(
        fieldError(
          'media',
          'too_many_images',
          {
            de: `Dieser Kanal nimmt höchstens ${d.caps.maxImages} Bilder.`,
            en: `This channel takes at most ${d.caps.maxImages} images.`,
          },
          language,
        ),
      );
    }
  }
  return errors;
}
