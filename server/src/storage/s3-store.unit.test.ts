import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.ts';
import { createMediaStore } from './index.ts';
import type { MediaStore } from './media-store.ts';
import { storageKey } from './media-store.ts';

// A real S3 API (s3rver) on loopback: signatures, status codes and bodies as S3 answers them.
const ORG = '0f8fad5b-d9cb-469f-a165-70867728950e';
let server: S3rver;
let dir: string;
let endpoint: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-s3-'));
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'medien' }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function store(secret = 'S3RVER', bucket = 'medien'): MediaStore {
  const env = {
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: secret,
  };
  return createMediaStore(readConfig(env));
}

describe('S3 media store (s3rver)', () => {
  it('puts, gets and deletes a file under its key', async () => {
    const s3 = store();
    expect(s3.kind).toBe('s3');
    const key = storageKey(ORG, 'image/jpeg');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    await s3.put(key, bytes, 'image/jpeg');
    expect(await s3.get(key)).toEqual(bytes);
    await s3.delete(key);
    await expect(s3.get(key)).rejects.toMatchObject({ code: 'not_found' });
    await s3.delete(key); // already gone: no error
  });

  it('fails loudly with S3’s error code, without naming the secret', async () => {
    const error = await store('falsch-geheim', 'gibt-es-nicht')
      .put(storageKey(ORG, 'image/png'), Buffer.from('x'), 'image/png')
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/S3 put failed: HTTP 404 NoSuchBucket/);
    expect(String(error)).not.toContain('falsch-geheim');
  });

  it('refuses keys that could climb out of the organisation', async () => {
    await expect(store().get(`${ORG}/../etc/passwd`)).rejects.toThrow(/invalid media storage key/);
  });
});

describe('S3 configuration', () => {
  it('is all or nothing, naming what is missing', () => {
    expect(readConfig({}).s3).toBeUndefined();
    const half = () => readConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'medien' });
    expect(half).toThrow(ConfigError);
    expect(half).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY missing/);
    const full = readConfig({
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'medien',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'geheim',
    }).s3;
    expect(full).toMatchObject({ region: 'us-east-1', forcePathStyle: true });
  });
});
