import type { FaceProposals } from '@nahbar/common';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/errors.ts';
import { mediaRow, storedBytes } from '../media/stored-bytes.ts';
import { decodeForDetection } from './decode.ts';
import { faceDetector } from './detector.ts';

/**
 * Boxes where the detector sees faces in one image of the organisation, for the tagging and
 * blurring screens to offer. A proposal only: an empty list does not mean nobody is in the
 * picture (faces from the side, from behind, small in a crowd or covered are often missed),
 * so nothing is stored and nothing is decided here. Runs on this machine; the image never
 * leaves it.
 */
export async function proposeFaces(
  deps: Pick<Deps, 'db' | 'config' | 'media'>,
  orgId: string,
  mediaId: string,
): Promise<FaceProposals> {
  const row = await mediaRow(deps.db, orgId, mediaId);
  if (row.kind !== 'image') throw new AppError('faces_need_image', { kind: row.kind });
  let image: Awaited<ReturnType<typeof decodeForDetection>>;
  try {
    image = await decodeForDetection(await storedBytes(deps, row));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('media_unreadable');
  }
  const detector = await faceDetector();
  return { faces: await detector.detect(image), engine: detector.engine };
}
