import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { loadSharp } from '../../lazy-modules.ts';
import { MAX_INPUT_PIXELS } from '../media/image-pipeline.ts';
import { mediaRow, storedBytes } from '../media/stored-bytes.ts';

// The exact picture a consent is asked for, re-encoded small: enough to recognise oneself on a
// phone or on paper, never the full-size original leaving through a public link.

const EDGE = 1200;

export type Picture = { bytes: Buffer; width: number; height: number; alt: string | null };

/** An image of this organisation (404 otherwise, also for another organisation's id). */
export async function checkPicture(deps: Pick<Deps, 'db'>, orgId: string, mediaId: string): Promise<void> {
  const row = await mediaRow(deps.db, orgId, mediaId);
  if (row.kind !== 'image') throw new AppError('media_not_image');
}

export async function loadPicture(
  deps: Pick<Deps, 'db' | 'config' | 'media'>,
  orgId: string,
  mediaId: string,
): Promise<Picture> {
  const row = await mediaRow(deps.db, orgId, mediaId);
  if (row.kind !== 'image') throw new AppError('media_not_image');
  const original = await storedBytes(deps, row);
  const sharp = await loadSharp();
  const { data, info } = await sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .resize({ width: EDGE, height: EDGE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, alt: row.alt };
}
