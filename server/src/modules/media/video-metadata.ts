import { type Box, boxes } from './video-container.ts';

// Phones write where a video was filmed into its container: moov/udta/©xyz, an Apple
// moov/meta item (com.apple.quicktime.location.ISO6709), XMP in uuid boxes. The location of a
// shelter must never leak, and we keep videos as sent (no decoder here), so those boxes are
// blanked in place: each becomes a `free` box of the same size, zero-filled. Nothing moves, so
// the chunk offsets into mdat stay right and the video plays as before. Creation and
// modification times in the movie, track and media headers are zeroed too.

/** Boxes that carry user data or metadata, never needed to play the video. */
const METADATA = new Set(['udta', 'meta', 'uuid', 'XMP_', 'Xtra']);
/** Containers whose children we walk. */
const WALK = new Set(['moov', 'trak', 'mdia']);
/** Headers with creation/modification times right after version and flags. */
const DATED = new Set(['mvhd', 'tkhd', 'mdhd']);

export function stripVideoMetadata(input: Buffer): Buffer {
  const bytes = Buffer.from(input);
  const visit = (list: Box[]) => {
    for (const box of list) {
      if (METADATA.has(box.type)) blank(bytes, box);
      else if (DATED.has(box.type)) undate(bytes, box);
      else if (WALK.has(box.type)) visit(boxes(bytes, box.start, box.end));
    }
  };
  visit(boxes(bytes, 0, bytes.length));
  return bytes;
}

/** The header's type becomes `free`; its payload zeros (the size stays). */
function blank(bytes: Buffer, box: Box): void {
  bytes.write('free', box.at + 4, 'latin1');
  bytes.fill(0, box.start, box.end);
}

function undate(bytes: Buffer, box: Box): void {
  const version = bytes[box.start];
  const width = version === 1 ? 8 : 4;
  if (box.end - box.start < 4 + 2 * width) return;
  bytes.fill(0, box.start + 4, box.start + 4 + 2 * width);
}
