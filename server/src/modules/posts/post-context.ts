import type { CheckMedia, FieldError, Language } from '@nahbar/common';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { channels, media } from '../../db/schema/index.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { adapterFor, type ChannelRow } from '../channels/access.ts';
import type { TargetDraft } from './validate.ts';

// What a post's checks need from the database: its channels and the media it attaches, both
// strictly from the acting organisation. A foreign or unknown id is "not found", as
// everywhere: it reveals nothing.

export type MediaInput = { mediaId: string; alt: string; captionMediaId?: string | null | undefined };

export async function loadChannels(db: DbOrTx, orgId: string, channelIds: string[]): Promise<ChannelRow[]> {
  const unique = [...new Set(channelIds)];
  if (unique.length === 0) return [];
  const rows = await db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, orgId), inArray(channels.id, unique)));
  if (rows.length !== unique.length) throw new AppError('not_found');
  return rows;
}

/** The attached media as the checks see them, in the post's order. */
export async function loadMedia(
  db: DbOrTx,
  orgId: string,
  items: MediaInput[],
  language: Language,
): Promise<CheckMedia[]> {
  const ids = [...new Set(items.flatMap((m) => [m.mediaId, ...(m.captionMediaId ? [m.captionMediaId] : [])]))];
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: media.id, kind: media.kind, size: media.size, durationMs: media.durationMs })
    .from(media)
    .where(and(eq(media.orgId, orgId), inArray(media.id, ids)));
  if (rows.length !== ids.length) throw new AppError('not_found');
  const errors: FieldError[] = [];
  const result = items.map((item, i): CheckMedia => {
    const row = rows.find((r) => r.id === item.mediaId);
    if (!row) throw new AppError('not_found');
    if (row.kind !== 'image' && row.kind !== 'video') {
      errors.push(
        fieldError(
          `media.${i}.mediaId`,
          'not_attachable',
          { de: 'Eine Untertiteldatei gehört zu einem Video.', en: 'A subtitle file belongs to a video.' },
          language,
        ),
      );
    }
    if (item.captionMediaId) {
      const captions = rows.find((r) => r.id === item.captionMediaId);
      if (row.kind !== 'video' || captions?.kind !== 'captions') {
        errors.push(
          fieldError(
            `media.${i}.captionMediaId`,
            'not_captions',
            {
              de: 'Untertitel gehen nur als Untertiteldatei zu einem Video.',
              en: 'Subtitles only go as a subtitle file with a video.',
            },
            language,
          ),
        );
      }
    }
    return {
      kind: row.kind === 'video' ? 'video' : 'image',
      alt: item.alt,
      size: row.size,
      durationMs: row.durationMs,
      hasCaptions: Boolean(item.captionMediaId),
    };
  });
  if (errors.length) throw new AppError('validation_failed', errors);
  return result;
}

/** One target as the checks see it. */
export function draftOf(
  deps: Pick<Deps, 'registry'>,
  field: string,
  channel: ChannelRow,
  text: string,
  contentWarning: string | null | undefined,
): TargetDraft {
  return {
    field,
    network: channel.network,
    text,
    contentWarning,
    caps: adapterFor(deps, channel.network).capabilities(channel.settings),
    channelStatus: channel.status,
  };
}
