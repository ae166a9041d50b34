import type { Deps } from '../deps.ts';
import { startInboxWorker } from '../modules/inbox/worker.ts';
import { remindExpiringConsents } from './consent-expiry.ts';
import { startNotificationJobs } from './notification-digest.ts';
import { publishTarget } from './publish-target.ts';
import {
  CONSENT_EXPIRY_QUEUE,
  PUBLISH_QUEUE,
  REVIEW_ESCALATION_QUEUE,
  SERIES_EXTEND_QUEUE,
  TAKEDOWN_QUEUE,
} from './queue.ts';
import { escalateOverdueReviews } from './review-escalation.ts';
import { extendSeries } from './series-extend.ts';
import { sweep } from './sweep.ts';
import { takedownTarget } from './takedown-target.ts';

export type WorkerOptions = {
  /** Jobs fetched per poll and handled side by side; one process handles batchSize × localConcurrency at once. */
  batchSize?: number;
  localConcurrency?: number;
  sweepIntervalMs?: number;
};

export type Worker = { stop(): Promise<void>; sweepNow(): ReturnType<typeof sweep> };

/**
 * Runs the publish and takedown jobs and the minute sweep. pg-boss's default (one job per 2 s
 * poll) would cap a worker at 0.5 publishes/s; batches handled concurrently, a 0.5 s poll and
 * NOTIFY wake-ups make "publish now" immediate and keep up with thousands of due posts.
 */
export async function startWorker(deps: Deps, options: WorkerOptions = {}): Promise<Worker> {
  const { boss } = deps.jobs;
  const batchSize = options.batchSize ?? 20;
  const poll = { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5, burstWhenBatchFull: true };
  await boss.work<{ targetId: string }>(
    PUBLISH_QUEUE,
    { batchSize, localConcurrency: options.localConcurrency ?? 2, ...poll },
    async (jobs) => {
      await Promise.all(jobs.map((job) => publishTarget(deps, job.data.targetId)));
    },
  );
  await boss.work<{ targetId: string }>(TAKEDOWN_QUEUE, { batchSize: 5, ...poll }, async (jobs) => {
    await Promise.all(jobs.map((job) => takedownTarget(deps, job.data.targetId)));
  });
  await boss.work(SERIES_EXTEND_QUEUE, async () => {
    await extendSeries(deps);
  });
  // Every night at 03:15 UTC (pg-boss keeps one schedule per name, whatever the worker count).
  await boss.schedule(SERIES_EXTEND_QUEUE, '15 3 * * *');
  await boss.work(CONSENT_EXPIRY_QUEUE, async () => {
    await remindExpiringConsents(deps);
  });
  // Every morning at 05:30 UTC, before the 7 o'clock daily summaries in Central Europe.
  await boss.schedule(CONSENT_EXPIRY_QUEUE, '30 5 * * *');
  await boss.work(REVIEW_ESCALATION_QUEUE, async () => {
    await escalateOverdueReviews(deps);
  });
  await boss.schedule(REVIEW_ESCALATION_QUEUE, '* * * * *');

  let running: Promise<unknown> = Promise.resolve();
  const runSweep = () => {
    const next = running
      .then(() => sweep(deps))
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'sweep failed');
        return { reconciled: 0, requeued: 0, reenqueued: 0 };
      });
    running = next;
    return next;
  };
  await runSweep();
  const inbox = await startInboxWorker(deps, { sweepIntervalMs: options.sweepIntervalMs });
  const notifications = await startNotificationJobs(deps, { sweepIntervalMs: options.sweepIntervalMs });
  const timer = setInterval(runSweep, options.sweepIntervalMs ?? deps.config.publishing.sweepIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await boss.offWork(PUBLISH_QUEUE);
      await boss.offWork(TAKEDOWN_QUEUE);
      await boss.offWork(SERIES_EXTEND_QUEUE);
      await boss.offWork(CONSENT_EXPIRY_QUEUE);
      await boss.offWork(REVIEW_ESCALATION_QUEUE);
      await inbox.stop();
      await notifications.stop();
      await running;
    },
    sweepNow: runSweep as Worker['sweepNow'],
  };
}
