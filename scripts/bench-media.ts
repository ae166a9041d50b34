// Media pipeline benchmark: a 12-megapixel photo (4000 × 3000, softened noise so it compresses
// like a detailed photo, with camera and GPS EXIF) is stripped and re-encoded as on upload,
// then made into the three variants nahbar serves: the 400 px thumb, Bluesky's size
// (≤ 2000 px, ≤ 1 000 000 bytes) and Mastodon's (≤ 3840 px). One run = all four steps.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import sharp from 'sharp';
import { processImage } from '../server/src/modules/media/image-pipeline.ts';
import { fitToNetwork, NETWORK_VARIANTS, thumbnail } from '../server/src/modules/media/image-variants.ts';
import { appendBenchmarkRow } from './bench-common.ts';

const RUNS = 20;
const TARGET_MS = 400;
const width = 4000;
const height = 3000;

const noise = randomBytes(width * height * 3);
const soft = await sharp(noise, { raw: { width, height, channels: 3 } })
  .blur(1.2)
  .raw()
  .toBuffer();
const photo = await sharp(soft, { raw: { width, height, channels: 3 } })
  .jpeg({ quality: 92 })
  .withExif({
    IFD0: { Make: 'Kamera GmbH', Model: 'Nahaufnahme 3000' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '13/1 24/1 0/1' },
  })
  .toBuffer();
console.log(`input: ${width}×${height} JPEG, ${(photo.length / 1e6).toFixed(1)} MB with EXIF`);

async function once() {
  const started = performance.now();
  const clean = await processImage(photo, 'image/jpeg');
  const [thumb, bluesky, mastodon] = await Promise.all([
    thumbnail(clean.bytes),
    fitToNetwork(clean, NETWORK_VARIANTS.bluesky),
    fitToNetwork(clean, NETWORK_VARIANTS.mastodon),
  ]);
  const ms = performance.now() - started;
  if ((await sharp(clean.bytes).metadata()).exif) throw new Error('EXIF survived');
  return { ms, sizes: [clean.bytes.length, thumb.bytes.length, bluesky.bytes.length, mastodon.bytes.length], bluesky };
}

await once(); // warm-up: libvips loads, caches fill
const times: number[] = [];
let last: Awaited<ReturnType<typeof once>> | undefined;
for (let i = 0; i < RUNS; i += 1) {
  last = await once();
  times.push(last.ms);
}
times.sort((a, b) => a - b);
const pick = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
const [p50, p95] = [pick(0.5), pick(0.95)];
const kb = (n: number) => `${Math.round(n / 1000)} kB`;
const [clean, thumb, bluesky, mastodon] = last!.sizes.map(kb);
const result =
  `12 MP JPEG with EXIF → stripped original (${clean}) + thumb (${thumb}) + Bluesky ${last!.bluesky.width}×${last!.bluesky.height} (${bluesky}) + Mastodon (${mastodon}), ` +
  `${RUNS} runs: p50 ${Math.round(p50)} ms · p95 ${Math.round(p95)} ms`;
console.log(result);
console.log(
  `${p95 <= TARGET_MS ? 'within' : 'OVER'} target ≤ ${TARGET_MS} ms (sharp concurrency ${sharp.concurrency()}, ${os.cpus().length} cores)`,
);
console.log(
  appendBenchmarkRow('media', result, `p95 ≤ ${TARGET_MS} ms`, 'sharp in the bench process, variants in parallel'),
);
