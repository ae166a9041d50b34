import type { Deps } from '../../deps.ts';
import { INBOX_FETCH_QUEUE } from '../../jobs/queue.ts';
import { enqueueDueFetches, type InboxFetchJob } from './fetch-job.ts';
import { ingestChannel } from './ingest.ts';
import { notifyOverdue } from './overdue.ts';

export type InboxWorkerOptions = { sweepIntervalMs?: number | undefined };

export type InboxWorker = {
  stop(): Promise<void>;
  /** One sweep now: enqueue due fetches, send overdue reminders (tests, start-up). */
  sweepNow(): Promise<{ enqueued: number; overdueItems: number }>;
};

/** Runs the inbox fetch jobs and, every minute, enqueues due polls and sends overdue reminders. */
export async function startInboxWorker(deps: Deps, options: InboxWorkerOptions = {}): Promise<InboxWorker> {
  const { boss } = deps.jobs;
  await boss.work<InboxFetchJob>(
    INBOX_FETCH_QUEUE,
    { batchSize: 4, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
    async (jobs) => {
      await Promise.all(jobs.map((job) => ingestChannel(deps, job.data.channelId)));
    },
  );

  let running: Promise<{ enqueued: number; overdueItems: number }> = Promise.resolve({ enqueued: 0, overdueItems: 0 });
  const sweep = () => {
    const next = running.then(async () => {
      const result = { enqueued: 0, overdueItems: 0 };
      // Independent: a failing enqueue must not stop the reminders, nor the other way round.
      try {
        result.enqueued = await enqueueDueFetches(deps);
      } catch (error) {
        deps.log.error({ err: error }, 'inbox fetch sweep failed');
      }
      try {
        result.overdueItems = (await notifyOverdue(deps)).items;
      } catch (error) {
        deps.log.error({ err: error }, 'overdue reminders failed');
      }
      return result;
    });
    running = next;
    return next;
  };
  await sweep();
  const timer = setInterval(sweep, options.sweepIntervalMs ?? deps.config.publishing.sweepIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await boss.offWork(INBOX_FETCH_QUEUE);
      await running;
    },
    sweepNow: sweep,
  };
}
