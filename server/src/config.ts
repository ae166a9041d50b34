import path from 'node:path';
import { z } from 'zod';

// Config in three steps: raw env → typed config with defaults and cross-field checks → secrets.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  NAHBAR_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  NAHBAR_SECRET_KEY: z.string().optional(),
  NAHBAR_PREVIOUS_SECRET_KEYS: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('nahbar <nahbar@localhost>'),
  NAHBAR_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NAHBAR_WEB_DIST: z.string().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // Publishing engine tuning; the defaults suit production, tests shorten them.
  NAHBAR_PUBLISH_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  NAHBAR_PUBLISH_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  NAHBAR_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // End-to-end tests only: a file holding milliseconds by which the app's clock runs ahead.
  NAHBAR_TEST_CLOCK_FILE: z.string().min(1).optional(),
  NAHBAR_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false'),
  // Media in an S3-compatible bucket instead of <NAHBAR_DATA_DIR>/media: all or nothing.
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
});

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Base64 32-byte key, or undefined in embedded mode (then generated into the data dir). */
  secretKey: string | undefined;
  /**
   * Base64 32-byte keys still accepted for opening secrets, never for sealing: set during a
   * key rotation (nahbar rotate-keys), removed once it has run.
   */
  previousSecretKeys: string[];
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  role: 'all' | 'web' | 'worker';
  logLevel: string;
  webDist: string;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Channels may live on loopback/private addresses (a PDS in the same network; tests). */
  allowPrivateNetworks: boolean;
  /** End-to-end tests: the app's clock runs ahead by the milliseconds in this file. */
  testClockFile: string | undefined;
  publishing: {
    /** How long one attempt owns a target before the sweep asks the network what happened. */
    leaseMs: number;
    /** First retry delay after a transient failure; doubles per attempt. */
    retryBaseMs: number;
    sweepIntervalMs: number;
  };
  /** Media bytes in S3 when configured; undefined: files under <dataDir>/media. */
  s3: S3Config | undefined;
};

export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  if (raw.DATABASE_URL && !raw.NAHBAR_SECRET_KEY) {
    throw new ConfigError(
      'NAHBAR_SECRET_KEY is required when DATABASE_URL is set (generate one with: openssl rand -base64 32)',
    );
  }
  if (raw.NAHBAR_SECRET_KEY && Buffer.from(raw.NAHBAR_SECRET_KEY, 'base64').length !== 32) {
    throw new ConfigError('NAHBAR_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  const previousSecretKeys = (raw.NAHBAR_PREVIOUS_SECRET_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  previousSecretKeys.forEach((key, index) => {
    if (Buffer.from(key, 'base64').length !== 32) {
      throw new ConfigError(
        `NAHBAR_PREVIOUS_SECRET_KEYS: key ${index + 1} must be 32 bytes, base64-encoded (comma-separated list)`,
      );
    }
  });
  const s3 = readS3(raw);
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir: path.resolve(raw.NAHBAR_DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    secretKey: raw.NAHBAR_SECRET_KEY,
    previousSecretKeys,
    publicUrl,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    role: raw.NAHBAR_ROLE,
    logLevel: raw.LOG_LEVEL,
    webDist: path.resolve(raw.NAHBAR_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: raw.TRUST_PROXY === 'true',
    allowPrivateNetworks: raw.NAHBAR_ALLOW_PRIVATE_NETWORKS === 'true',
    testClockFile: raw.NAHBAR_TEST_CLOCK_FILE,
    publishing: {
      leaseMs: raw.NAHBAR_PUBLISH_LEASE_SECONDS * 1000,
      retryBaseMs: raw.NAHBAR_PUBLISH_RETRY_SECONDS * 1000,
      sweepIntervalMs: raw.NAHBAR_SWEEP_SECONDS * 1000,
    },
    s3,
  };
}

/** Half an S3 configuration would silently put media on disk: name what is missing instead. */
function readS3(raw: z.infer<typeof envSchema>): S3Config | undefined {
  const given = S3_REQUIRED.filter((name) => raw[name] !== undefined);
  if (given.length === 0) return undefined;
  const missing = S3_REQUIRED.filter((name) => raw[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `S3 media storage is half configured: ${missing.join(', ')} missing (set all of ${S3_REQUIRED.join(', ')}, or none)`,
    );
  }
  return {
    endpoint: raw.S3_ENDPOINT!,
    bucket: raw.S3_BUCKET!,
    region: raw.S3_REGION,
    accessKeyId: raw.S3_ACCESS_KEY_ID!,
    secretAccessKey: raw.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: raw.S3_FORCE_PATH_STYLE === 'true',
  };
}
