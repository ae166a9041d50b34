import path from 'node:path';
import type { Config } from '../config.ts';
import { diskStore } from './disk-store.ts';
import type { MediaStore } from './media-store.ts';
import { s3Store } from './s3-store.ts';

export { checkKey, type MediaStore, storageKey } from './media-store.ts';

/** The store the configuration asks for: S3 when S3_ENDPOINT and friends are set, else disk. */
export function createMediaStore(config: Pick<Config, 'dataDir' | 's3'>): MediaStore {
  return config.s3 ? s3Store(config.s3) : diskStore(path.join(config.dataDir, 'media'));
}

const built = new WeakMap<object, MediaStore>();

/**
 * deps.media when given (tests, main); otherwise one store per config, built on first use, so
 * every composition root (server, worker, benches) gets the configured store without wiring.
 */
export function mediaStoreOf(deps: { config: Config; media?: MediaStore }): MediaStore {
  if (deps.media) return deps.media;
  let store = built.get(deps.config);
  if (!store) {
    store = createMediaStore(deps.config);
    built.set(deps.config, store);
  }
  return store;
}
