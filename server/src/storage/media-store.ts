import { randomUUID } from 'node:crypto';
import { AppError } from '../http/errors.ts';

/**
 * Where media bytes live: the data directory or an S3 bucket. Keys are always
 * `<orgId>/<uuid>.<ext>` (made by storageKey below), so one organisation's files share a prefix
 * and a key never climbs out of it.
 */
export interface MediaStore {
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Buffer, mime: string): Promise<void>;
  /** Throws not_found when the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** Deleting what is already gone is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}(?:-[a-z0-9]{1,20})?\.[a-z0-9]{2,5}$/;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'text/vtt': 'vtt',
};

/** A fresh key; `variant` names a derived file ("thumb", "bluesky") beside its original. */
export function storageKey(orgId: string, mime: string, variant?: string): string {
  const ext = EXTENSIONS[mime] ?? 'bin';
  return `${orgId}/${randomUUID()}${variant ? `-${variant}` : ''}.${ext}`;
}

/** Refuses anything that is not a key we made: no "..", no absolute paths, no odd characters. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid media storage key: ${JSON.stringify(key)}`);
  return key;
}

export function missing(key: string): AppError {
  return new AppError('not_found', { storageKey: key });
}
