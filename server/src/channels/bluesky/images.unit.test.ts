import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { RejectedError } from '../contract.ts';
import { fitImage, MAX_IMAGE_BYTES } from './images.ts';

async function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 4), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

describe('fitImage', () => {
  test('an image under the limit is uploaded as it is', async () => {
    const bytes = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const media = { id: 'm1', mime: 'image/png', bytes, alt: 'Blau', width: 80, height: 60 };
    const fitted = await fitImage(media);
    expect(fitted.bytes).toBe(bytes);
    expect(fitted).toMatchObject({ mime: 'image/png', width: 80, height: 60, alt: 'Blau' });
  });

  test('a large image becomes a JPEG under 1 MB with its aspect ratio and alt text kept', async () => {
    const bytes = await noisePng(2400, 1600);
    expect(bytes.length).toBeGreaterThan(MAX_IMAGE_BYTES);
    const fitted = await fitImage({ id: 'm2', mime: 'image/png', bytes, alt: 'Rauschen', width: 2400, height: 1600 });
    expect(fitted.bytes.length).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
    expect(fitted.mime).toBe('image/jpeg');
    expect(fitted.alt).toBe('Rauschen');
    expect(fitted.width / fitted.height).toBeCloseTo(1.5, 2);
    const meta = await sharp(fitted.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: fitted.width, height: fitted.height });
  });

  test('bytes that are no image are rejected, not retried', async () => {
    const media = { id: 'm3', mime: 'image/png', bytes: randomBytes(2_000_000), alt: '', width: 10, height: 10 };
    await expect(fitImage(media)).rejects.toBeInstanceOf(RejectedError);
  });
});
