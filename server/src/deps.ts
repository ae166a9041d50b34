import type { Registry } from './channels/registry.ts';
import type { Config } from './config.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Db } from './db/open.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './modules/mail/mailer.ts';
import type { MediaStore } from './storage/media-store.ts';

/** Everything a service may use. Tests override single pieces (clock, mailer) via buildApp. */
export type Deps = {
  config: Config;
  db: Db;
  log: Logger;
  box: SecretBox;
  mailer: Mailer;
  clock: () => Date;
  /** network → adapter; tests may point one network at a local peer. */
  registry: Registry;
  jobs: JobQueue;
  /** Media bytes; when left out, the store the config names (storage/index.ts mediaStoreOf). */
  media?: MediaStore;
};
