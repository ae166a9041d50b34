import fs from 'node:fs';

/** Re-read the offset at most this often: the clock is called on every request. */
const REREAD_MS = 250;

/**
 * The app's clock: real time, unless `offsetFile` is set (end-to-end tests only). Then the
 * clock runs ahead by the milliseconds written in that file, so a journey can schedule a post
 * for tomorrow and watch it publish without waiting a day. Only someone who can write files
 * on the server can move it; production never sets NAHBAR_TEST_CLOCK_FILE.
 */
export function createClock(offsetFile: string | undefined): () => Date {
  if (!offsetFile) return () => new Date();
  let offset = 0;
  let readAt = 0;
  return () => {
    const now = Date.now();
    if (now - readAt >= REREAD_MS) {
      readAt = now;
      try {
        const value = Number(fs.readFileSync(offsetFile, 'utf8').trim());
        offset = Number.isFinite(value) ? value : 0;
      } catch {
        offset = 0;
      }
    }
    return new Date(now + offset);
  };
}
