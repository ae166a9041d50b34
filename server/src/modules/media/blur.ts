import type { BlurMediaInput } from '@nahbar/common';
import { loadSharp } from '../../lazy-modules.ts';
import { MAX_INPUT_PIXELS } from './image-pipeline.ts';

// Faces and number plates are hidden for good: each rectangle is pixelated into coarse blocks
// (the detail is gone, not just softened, so sharpening cannot bring it back) and then
// blurred strongly so the blocks do not draw the eye.

type Rect = BlurMediaInput['rects'][number];

/** Fractions → whole pixels inside the image; rectangles smaller than a pixel are dropped. */
function toPixels(rect: Rect, width: number, height: number) {
  const left = Math.min(width - 1, Math.floor(rect.x * width));
  const top = Math.min(height - 1, Math.floor(rect.y * height));
  const right = Math.min(width, Math.ceil((rect.x + rect.width) * width));
  const bottom = Math.min(height, Math.ceil((rect.y + rect.height) * height));
  return { left, top, width: right - left, height: bottom - top };
}

export async function blurRegions(
  original: Buffer,
  mime: string,
  rects: Rect[],
): Promise<{ bytes: Buffer; mime: 'image/jpeg' | 'image/png'; width: number; height: number }> {
  const sharp = await loadSharp();
  const image = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS });
  const { width = 0, height = 0 } = await image.metadata();
  const overlays = [];
  for (const rect of rects) {
    const area = toPixels(rect, width, height);
    if (area.width < 1 || area.height < 1) continue;
    const short = Math.min(area.width, area.height);
    // About eight blocks across the short side, at least 2 px each.
    const block = Math.max(2, Math.round(short / 8));
    const coarse = await sharp(original, { limitInputPixels: MAX_INPUT_PIXELS })
      .extract(area)
      .resize({
        width: Math.max(1, Math.round(area.width / block)),
        height: Math.max(1, Math.round(area.height / block)),
        kernel: 'cubic',
      })
      .toBuffer();
    const sigma = Math.max(2, short / 10);
    const input = await sharp(coarse)
      .resize({ width: area.width, height: area.height, kernel: 'nearest' })
      .blur(Math.min(sigma, 1000))
      .toBuffer();
    overlays.push({ input, left: area.left, top: area.top });
  }
  const output = image.composite(overlays);
  const png = mime === 'image/png';
  const { data, info } = await (png ? output.png({ compressionLevel: 9 }) : output.jpeg({ quality: 90 })).toBuffer({
    resolveWithObject: true,
  });
  return { bytes: data, mime: png ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
}
