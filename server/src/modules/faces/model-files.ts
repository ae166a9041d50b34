import { readFile } from 'node:fs/promises';
import type { io } from '@tensorflow/tfjs-core';

type Tf = { io: typeof io };
type LoadRouter = Parameters<typeof io.registerLoadRouter>[0];

/**
 * Teaches tfjs to read `file://` model URLs from disk. The WASM build of tfjs only knows HTTP,
 * and Node's fetch refuses file URLs; without this, the models shipped in the npm package
 * could only be loaded from a web server — or, worse, from the CDN human names by default.
 */
export function registerModelFiles(tf: Tf): void {
  // A router answers null for URLs that are not its own (tfjs's type does not say so).
  const router = (url: string | string[]): io.IOHandler | null => {
    const href = Array.isArray(url) ? url[0] : url;
    if (typeof href !== 'string' || !href.startsWith('file://')) return null;
    return { load: () => readModel(tf, new URL(href)) };
  };
  tf.io.registerLoadRouter(router as LoadRouter);
}

/** model.json and its weight shards, the shard paths relative to the JSON file. */
async function readModel(tf: Tf, file: URL): Promise<io.ModelArtifacts> {
  const json = JSON.parse(await readFile(file, 'utf8')) as io.ModelJSON;
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const shards = await Promise.all(manifest.flatMap((group) => group.paths).map((p) => readFile(new URL(p, file))));
    const weights = Buffer.concat(shards);
    return [specs, weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length)];
  });
}
