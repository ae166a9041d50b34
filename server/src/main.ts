import { parseArgs } from 'node:util';
import { setupInputSchema } from '@nahbar/common';
import { buildApp } from './app.ts';
import { createRegistry } from './channels/registry.ts';
import { createClock } from './clock.ts';
import { ConfigError, readConfig } from './config.ts';
import { loadSecretKeys } from './crypto/key-files.ts';
import { rotateKeysCommand } from './crypto/rotate-keys.ts';
import { createSecretBox } from './crypto/secret-box.ts';
import { openDatabase, runMigrations } from './db/open.ts';
import type { Deps } from './deps.ts';
import { createJobQueue } from './jobs/queue.ts';
import { startWorker, type Worker } from './jobs/worker.ts';
import { createLogger } from './logger.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { createOwnerAndOrganisation } from './modules/setup/service.ts';

const USAGE = `nahbar <command>

  start          start web server and job worker (NAHBAR_ROLE: all | web | worker)
  worker         start only the job worker (publishing, takedowns, sweep)
  migrate        apply database migrations and exit
  rotate-keys    re-encrypt stored secrets with a new key (stop nahbar first in embedded mode)
  create-admin   create an organisation and its owner account
                 --org NAME --name NAME --email EMAIL --password PW
                 [--time-zone Europe/Berlin] [--language de]
`;

async function open() {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, (line) => log.debug({ postgres: line }));
  return { config, log, database };
}

async function start(role: 'all' | 'web' | 'worker'): Promise<void> {
  const { config, log, database } = await open();
  await runMigrations(database.db);
  const keys = loadSecretKeys(config);
  if (keys.generated) log.warn(`generated a secret key into ${config.dataDir}/secret.key — back it up with the data`);
  const mailer = createMailer(database.db, config.smtpUrl, config.mailFrom, log);
  if (!config.smtpUrl) log.info('SMTP_URL not set: e-mails are kept in the outbox (Einstellungen → Postausgang)');
  const clock = createClock(config.testClockFile);
  if (config.testClockFile) log.warn({ file: config.testClockFile }, 'test clock: time is shifted by the file');
  const jobs = await createJobQueue({ url: database.url, log, clock });
  const deps: Deps = {
    config,
    db: database.db,
    log,
    box: createSecretBox(keys.current, keys.previous),
    mailer,
    clock,
    registry: createRegistry(),
    jobs,
  };
  let worker: Worker | undefined;
  if (role !== 'web') worker = await startWorker(deps);
  const app = role === 'worker' ? undefined : await buildApp(deps);
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
    console.log(`\nnahbar läuft / is running: ${url}\n`);
  } else {
    console.log('nahbar worker läuft / is running');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app?.close();
    await worker?.stop();
    await jobs.stop();
    await mailer.idle();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function rotateKeys(): Promise<void> {
  const { config, log, database } = await open();
  try {
    await runMigrations(database.db);
    const result = await rotateKeysCommand(config, database.db, log);
    console.log(`re-encrypted ${result.total} secrets with key ${result.keyId}`);
    for (const [column, count] of Object.entries(result.counts)) console.log(`  ${column}: ${count}`);
    console.log(
      result.mode === 'external'
        ? 'Now remove the old key from NAHBAR_PREVIOUS_SECRET_KEYS and restart.'
        : `The old key stays in ${config.dataDir}/secret.key.previous as a backup; delete it once nahbar runs and your backups hold the new secret.key.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function migrate(): Promise<void> {
  const { database } = await open();
  try {
    await runMigrations(database.db);
    console.log('migrations applied');
  } finally {
    await database.close();
  }
}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      'time-zone': { type: 'string' },
      language: { type: 'string' },
    },
  });
  const parsed = setupInputSchema.safeParse({
    organisation: { name: values.org, timeZone: values['time-zone'], language: values.language },
    owner: { name: values.name, email: values.email, password: values.password ?? process.env.NAHBAR_ADMIN_PASSWORD },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`  --${String(issue.path.at(-1))}: ${issue.message}`);
    console.error(`\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { database } = await open();
  try {
    await runMigrations(database.db);
    const { orgId, userId } = await createOwnerAndOrganisation(database.db, null, parsed.data, { onlyIfEmpty: false });
    console.log(`created organisation ${orgId} with owner ${parsed.data.owner.email} (${userId})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'start') await start(readConfig().role);
  else if (command === 'worker') await start('worker');
  else if (command === 'migrate') await migrate();
  else if (command === 'rotate-keys') await rotateKeys();
  else if (command === 'create-admin') await createAdmin(rest);
  else {
    console.log(USAGE);
    process.exitCode = command ? 2 : 0;
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
