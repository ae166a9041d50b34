import pino from 'pino';

// One logger module. Secrets are redacted wherever they might appear in a log line.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.totp',
  'password',
  'token',
];

export function createLogger(level: string) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}

export type Logger = ReturnType<typeof createLogger>;
