import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

const KEY = randomBytes(32).toString('base64');

describe('configuration', () => {
  it('starts with sensible defaults and no environment at all', () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('needs NAHBAR_SECRET_KEY when an external database is used', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/nahbar' })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/nahbar' })).toThrow(/NAHBAR_SECRET_KEY/);
  });

  it('accepts an external database with a 32-byte key', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/nahbar', NAHBAR_SECRET_KEY: KEY });
    expect(config.secretKey).toBe(KEY);
  });

  it('refuses a key of the wrong length, naming the variable', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => readConfig({ NAHBAR_SECRET_KEY: short })).toThrow(/NAHBAR_SECRET_KEY must be 32 bytes/);
  });

  it('accepts previous keys for a rotation, comma-separated, and has none by default', () => {
    expect(readConfig({}).previousSecretKeys).toEqual([]);
    const older = randomBytes(32).toString('base64');
    const config = readConfig({ NAHBAR_SECRET_KEY: KEY, NAHBAR_PREVIOUS_SECRET_KEYS: ` ${older} ,${KEY},` });
    expect(config.previousSecretKeys).toEqual([older, KEY]);
  });

  it('refuses a previous key of the wrong length, naming the variable and the position', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => readConfig({ NAHBAR_SECRET_KEY: KEY, NAHBAR_PREVIOUS_SECRET_KEYS: `${KEY},${short}` })).toThrow(
      /NAHBAR_PREVIOUS_SECRET_KEYS: key 2 must be 32 bytes/,
    );
  });

  it('names the variable when a value has the wrong form', () => {
    expect(() => readConfig({ PORT: 'achtzig' })).toThrow(/PORT/);
    expect(() => readConfig({ PUBLIC_URL: 'nahbar.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('uses secure cookies behind an https public URL and drops its trailing slash', () => {
    const config = readConfig({ PUBLIC_URL: 'https://nahbar.example.org/' });
    expect(config.publicUrl).toBe('https://nahbar.example.org');
    expect(config.secureCookies).toBe(true);
  });
});
