import { parseArgs } from 'node:util';
import { setupInputSchema } from '@nahbar/common';
import { buildApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { createSecretBox, loadSecretKey } from './crypto/secret-box.ts';
import { openDatabase, runMigrations } from './db/open.ts';
import type { Deps } from './deps.ts';
import { createLogger } from './logger.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { createOwnerAndOrganisation } from './modules/setup/service.ts';

const USAGE = `nahbar <command>

  start          start web server (and, later, the job worker)
  migrate        apply database migrations and exit
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

async function start(): Promise<void> {
  const { config, log, database } = await open();
  await runMigrations(database.db);
  const { key, generated } = loadSecretKey(config.secretKey, config.dataDir);
  if (generated) log.warn(`generated a secret key into ${config.dataDir}/secret.key — back it up with the data`);
  const mailer = createMailer(database.db, config.smtpUrl, config.mailFrom, log);
  if (!config.smtpUrl) log.info('SMTP_URL not set: e-mails are kept in the outbox (Einstellungen → Postausgang)');
  const deps: Deps = { config, db: database.db, log, box: createSecretBox(key), mailer, clock: () => new Date() };
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  console.log(`\nnahbar läuft / is running: ${url}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.close();
    await mailer.idle();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
  if (command === 'start') await start();
  else if (command === 'migrate') await migrate();
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
