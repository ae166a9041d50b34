import { PgBoss } from 'pg-boss';
import type { Logger } from '../logger.ts';

// pg-boss on our own PostgreSQL. Job payloads carry ids only — never text, never credentials.
export const PUBLISH_QUEUE = 'publish-target';
export const TAKEDOWN_QUEUE = 'takedown-target';
export const INBOX_FETCH_QUEUE = 'inbox-fetch';
/** Daily: keep every Rubrik's draft slots twelve weeks ahead. */
export const SERIES_EXTEND_QUEUE = 'series-extend';
/** Hourly: the daily notification summaries of everyone whose local time is 7 o'clock. */
export const NOTIFICATION_DIGEST_QUEUE = 'notification-digest';
/** Daily: reminders of consents ending within 30 days. */
export const CONSENT_EXPIRY_QUEUE = 'consent-expiry';
/** Every minute: review steps past their deadline are escalated to the admins. */
export const REVIEW_ESCALATION_QUEUE = 'review-escalation';
export const BOSS_SCHEMA = 'pgboss';

export type JobQueue = {
  boss: PgBoss;
  /** Enqueue the publish job of a target for `at`; a target has at most one waiting job. */
  sendPublish(targetId: string, at: Date): Promise<void>;
  /** Enqueue the takedown of a target, now or (a network's rate limit) at `at`. */
  sendTakedown(targetId: string, at?: Date): Promise<void>;
  stop(): Promise<void>;
};

export type QueueOptions = {
  url: string;
  log: Logger;
  poolSize?: number;
  /** The app's clock: due times are in its time, pg-boss waits in the database's. */
  clock?: () => Date;
};

export async function createJobQueue({ url, log, poolSize = 10, clock }: QueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: poolSize,
    // Wake workers the moment a job is created ("publish now") instead of at the next poll.
    useListenNotify: true,
    application_name: 'nahbar-jobs',
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning: warning.message }, 'job queue warning'));
  await boss.start();
  await ensureQueues(boss);
  return {
    boss,
    async sendPublish(targetId, at) {
      // `short` + singletonKey: at most one waiting job per target. upsert moves a waiting job to
      // the new time (rescheduled earlier or later) or creates one, so the sweep and a reschedule
      // may send freely without doubling a job. Running jobs are not limited: a job still marked
      // active by a killed worker must not block the next attempt; the claim's row lock decides.
      // A due time in the app's clock becomes a delay, so a shifted clock (end-to-end tests)
      // and the database's clock agree on when "now" is; with the real clock it is just `at`.
      const startAfter = clock ? new Date(Date.now() + (at.getTime() - clock().getTime())) : at;
      await boss.upsert(PUBLISH_QUEUE, { targetId }, { singletonKey: targetId, startAfter });
    },
    async sendTakedown(targetId, at) {
      const startAfter = at && clock ? new Date(Date.now() + (at.getTime() - clock().getTime())) : at;
      await boss.send(TAKEDOWN_QUEUE, { targetId }, { singletonKey: targetId, ...(startAfter ? { startAfter } : {}) });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}

/** Idempotent: also run once on the test template database so test files start fast. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  if (!existing.has(PUBLISH_QUEUE)) {
    // Our engine retries transient network errors itself (backoff, Retry-After, late hold);
    // pg-boss retries only cover crashes of the handler itself.
    await boss.createQueue(PUBLISH_QUEUE, {
      policy: 'short',
      notify: true,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 180,
    });
  }
  if (!existing.has(TAKEDOWN_QUEUE)) {
    await boss.createQueue(TAKEDOWN_QUEUE, {
      policy: 'short',
      notify: true,
      retryLimit: 8,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 1800,
      expireInSeconds: 300,
    });
  }
  if (!existing.has(INBOX_FETCH_QUEUE)) {
    // `short` + singletonKey = channel id: one waiting fetch per channel however often the
    // sweep asks. Network errors are noted on the cursor and tried at the next poll; the pg-boss
    // retry only covers a crashed handler.
    await boss.createQueue(INBOX_FETCH_QUEUE, { policy: 'short', notify: true, retryLimit: 1, expireInSeconds: 300 });
  }
  if (!existing.has(SERIES_EXTEND_QUEUE)) {
    // `singleton`: one run at a time however many workers the cron wakes.
    await boss.createQueue(SERIES_EXTEND_QUEUE, { policy: 'singleton', retryLimit: 2, expireInSeconds: 600 });
  }
  if (!existing.has(NOTIFICATION_DIGEST_QUEUE)) {
    // `singleton` as above; a retry within the hour sends only what is still unsent.
    await boss.createQueue(NOTIFICATION_DIGEST_QUEUE, { policy: 'singleton', retryLimit: 2, expireInSeconds: 600 });
  }
  if (!existing.has(CONSENT_EXPIRY_QUEUE)) {
    // `singleton` as above; a retry reminds only of what is still unreminded.
    await boss.createQueue(CONSENT_EXPIRY_QUEUE, { policy: 'singleton', retryLimit: 2, expireInSeconds: 600 });
  }
  if (!existing.has(REVIEW_ESCALATION_QUEUE)) {
    // `singleton` as above; a retry escalates only what is still unescalated.
    await boss.createQueue(REVIEW_ESCALATION_QUEUE, { policy: 'singleton', retryLimit: 1, expireInSeconds: 120 });
  }
}
