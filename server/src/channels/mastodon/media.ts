import { setTimeout as sleep } from 'node:timers/promises';
import { type MediaFile, RejectedError, TransientError } from '../contract.ts';
import type { Connection } from './connection.ts';

// Images and videos go up through POST /api/v2/media with their alt text as `description`. The instance may
// answer 202 (url null) while it processes the file; GET /api/v1/media/:id then answers 206
// until it is done, and a status cannot attach it before that. Videos are always processed
// in the background (transcoding), so they always take the polling path.

/** Waits between polls: quick at first, then every 5 s, about a minute in all. */
export const MEDIA_POLL_DELAYS_MS = [250, 500, 1000, 2000, 3000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000];

type MediaJson = { id: string; url: string | null };

export async function uploadImage(
  conn: Connection,
  file: MediaFile,
  pollDelaysMs = MEDIA_POLL_DELAYS_MS,
): Promise<string> {
  if (!conn.settings.supportedMimeTypes.includes(file.mime)) {
    const what = file.kind === 'video' ? 'video' : 'image';
    throw new RejectedError(`unsupported ${what} type ${file.mime}`, `${file.mime} is not supported by this instance`);
  }
  const form = new FormData();
  const extension = file.mime.split('/')[1] ?? 'bin';
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), `${file.id}.${extension}`);
  if (file.alt) form.append('description', file.alt);
  const uploaded = await conn.call<MediaJson>('/api/v2/media', { method: 'POST', form });
  if (uploaded.status === 200 && uploaded.body?.url) return uploaded.body.id;
  for (const delay of pollDelaysMs) {
    try {
      await sleep(delay, undefined, { signal: conn.signal });
    } catch {
      throw new TransientError('request aborted');
    }
    const polled = await conn.call<MediaJson>(`/api/v1/media/${encodeURIComponent(uploaded.body.id)}`);
    if (polled.status === 200) return uploaded.body.id;
  }
  throw new TransientError(`${file.kind === 'video' ? 'video' : 'image'} still processing at the instance`);
}
