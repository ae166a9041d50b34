import type { Post } from '@nahbar/common';

const POLL_MS = 3_000;

/**
 * Poll while the engine may still change a state the person is waiting to see: publishing, and
 * takedowns asked for that the job has neither finished nor given up on.
 */
export function pollWhileBusy(posts: Post[] | undefined): number | false {
  const busy = posts?.some((p) =>
    p.targets.some(
      (t) =>
        t.state === 'scheduled' ||
        t.state === 'publishing' ||
        (t.state === 'published' && t.takedownRequestedAt !== null && t.error === null),
    ),
  );
  return busy ? POLL_MS : false;
}
