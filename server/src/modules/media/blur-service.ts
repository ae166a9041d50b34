import type { BlurMediaInput, Media } from '@nahbar/common';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { blurRegions } from './blur.ts';
import { mediaRow, storedBytes } from './stored-bytes.ts';
import { storeNew } from './upload.ts';

/** A new image with the rectangles made unrecognisable; the original stays as it was. */
export async function blurMedia(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'media'>,
  input: { orgId: string; userId: string; id: string; rects: BlurMediaInput['rects'] },
): Promise<Media> {
  const original = await mediaRow(deps.db, input.orgId, input.id);
  if (original.kind !== 'image') throw new AppError('media_not_image');
  const blurred = await blurRegions(await storedBytes(deps, original), original.mime, input.rects);
  return storeNew(deps, {
    orgId: input.orgId,
    userId: input.userId,
    name: original.originalName,
    alt: original.alt,
    derivedFrom: original.id,
    file: { kind: 'image', durationMs: null, ...blurred },
  });
}
