import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config, Human } from '@vladmandic/human';
import type { RgbImage } from './decode.ts';
import { registerModelFiles } from './model-files.ts';

/** A proposed face: fractions 0–1 of the image, and the detector's confidence. */
export type FaceBox = { x: number; y: number; width: number; height: number; score: number };

export type FaceDetector = { engine: string; detect: (image: RgbImage) => Promise<FaceBox[]> };

/**
 * Below this the detector mostly sees coffee cups and badges; above it, small faces in group
 * photos start to go missing. A proposal errs towards one box too many: it is dismissed with
 * one click, while a missed face is easily never blurred.
 */
const MIN_SCORE = 0.3;

const require = createRequire(import.meta.url);

function configFor(dist: string): Partial<Config> {
  const off = { enabled: false };
  return {
    backend: 'wasm',
    // Both on local disk: human's defaults point at a CDN and would leave the machine.
    wasmPath: `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`,
    modelBasePath: pathToFileURL(path.join(dist, '..', 'models')).href,
    cacheModels: false,
    // Every call is a different photo: no reuse of the previous "frame"'s boxes.
    cacheSensitivity: 0,
    warmup: 'none',
    async: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: {
        rotation: false,
        maxDetected: 100,
        minConfidence: MIN_SCORE,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: off,
      iris: off,
      emotion: off,
      description: off,
      antispoof: off,
      liveness: off,
      attention: off,
    },
    body: off,
    hand: off,
    object: off,
    gesture: off,
    segmentation: off,
  } as Partial<Config>;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** The detector's box clipped to the image; a box that lies wholly outside it is dropped. */
function clip([x, y, width, height]: [number, number, number, number], score: number): FaceBox | null {
  const left = Math.max(0, x);
  const top = Math.max(0, y);
  const right = Math.min(1, x + width);
  const bottom = Math.min(1, y + height);
  if (right - left <= 0 || bottom - top <= 0) return null;
  return {
    x: round(left),
    y: round(top),
    width: round(right - left),
    height: round(bottom - top),
    score: round(score),
  };
}

async function loadHuman(): Promise<FaceDetector> {
  // human's package.json lists its builds without the "./" Node's exports need, so only the main
  // entry resolves; the WASM build (no native tfjs-node) sits beside it.
  const dist = path.dirname(require.resolve('@vladmandic/human'));
  const { Human: HumanClass } = require(path.join(dist, 'human.node-wasm.js')) as {
    Human: new (c: Partial<Config>) => Human;
  };
  const human = new HumanClass(configFor(dist));
  registerModelFiles(human.tf);
  await human.load();
  let queue: Promise<unknown> = Promise.resolve();
  const detectOne = async (image: RgbImage): Promise<FaceBox[]> => {
    const input = human.tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
    try {
      const result = await human.detect(input);
      if (result.error) throw new Error(`face detection failed: ${result.error}`);
      return result.face
        .map((face) => clip(face.boxRaw, face.boxScore ?? face.score))
        .filter((box): box is FaceBox => box !== null)
        .sort((a, b) => b.score - a.score);
    } finally {
      human.tf.dispose(input);
    }
  };
  return {
    engine: `human ${human.version} blazeface (tfjs ${human.tf.version_core} wasm)`,
    // One image at a time: human keeps per-call state on the instance, and the WASM backend
    // runs on this thread anyway, so parallel calls would only interleave, not speed up.
    detect: (image) => {
      const next = queue.then(() => detectOne(image));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

let loaded: Promise<FaceDetector> | undefined;

/** The process's detector, loaded on first use (≈ 0.2 s) and kept; a failed load is retried next time. */
export function faceDetector(): Promise<FaceDetector> {
  loaded ??= loadHuman().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
