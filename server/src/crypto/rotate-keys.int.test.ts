import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { loadSecretKeys, readKeyFile } from './key-files.ts';
import { rotateKeysCommand } from './rotate-keys.ts';
import { createSecretBox, keyIdOf, type SecretBox } from './secret-box.ts';

const log = createLogger('silent');
const b64 = (key: Buffer) => key.toString('base64');

type Row = { column: string; key: string; value: string };

/** Every sealed value in the database, in a stable order. */
async function sealedValues(t: TestApp): Promise<Row[]> {
  const { rows } = await t.db.$client.query<Row>(`
    select 'users.totp_secret' as column, id::text as key, totp_secret as value from users where totp_secret is not null
    union all select 'channels.credentials', id::text, credentials from channels where credentials is not null
    union all select 'mastodon_apps.client_secret', instance_url, client_secret from mastodon_apps
    union all select 'oauth_states.code_verifier', state_hash, code_verifier from oauth_states
    order by 1, 2`);
  return rows;
}

async function newOrganisation(t: TestApp, label: string): Promise<{ userId: string; orgId: string }> {
  const { owner, orgId } = await setUp(t.app, `Träger ${label}`);
  return { userId: owner.userId, orgId };
}

/** A person with 2FA, two channels, a Mastodon app and an OAuth connect in progress, sealed with `box`. */
async function seedSecrets(
  t: TestApp,
  box: SecretBox,
  label: string,
  existing?: { userId: string; orgId: string },
): Promise<Map<string, string>> {
  const { userId, orgId } = existing ?? (await newOrganisation(t, label));
  const plain = new Map<string, string>();
  const q = (text: string, values: unknown[]) => t.db.$client.query(text, values);
  const seal = (name: string, value: string) => {
    plain.set(name, value);
    return box.seal(value);
  };
  await q('update users set totp_secret = $2 where id = $1', [userId, seal(`totp-${label}`, `JBSWY3DP${label}`)]);
  for (const n of [1, 2]) {
    const credentials = seal(`channel-${label}-${n}`, JSON.stringify({ accessToken: `zugang-${label}-${n}` }));
    await q(`insert into channels (org_id, network, name, credentials) values ($1, 'mastodon', $2, $3)`, [
      orgId,
      `Kanal ${label} ${n}`,
      credentials,
    ]);
  }
  await q(
    `insert into mastodon_apps (instance_url, client_id, client_secret, redirect_uri) values ($1, 'client', $2, 'http://nahbar.test/cb')`,
    [`https://social-${label}.example`, seal(`app-${label}`, `client-secret-${label}`)],
  );
  await q(
    `insert into oauth_states (state_hash, org_id, user_id, instance_url, code_verifier, expires_at)
     values ($1, $2, $3, 'https://social.example', $4, now() + interval '10 minutes')`,
    [`state-${label}`, orgId, userId, seal(`verifier-${label}`, `verifier-${label}`)],
  );
  return plain;
}

/** Every sealed value carries `key`'s id and opens with a box knowing only that key. */
async function expectAllSealedWith(t: TestApp, key: Buffer, expectedPlain: string[]) {
  const onlyNew = createSecretBox(key);
  const rows = await sealedValues(t);
  for (const row of rows) expect(row.value.split('.')[1], `${row.column} ${row.key}`).toBe(keyIdOf(key));
  expect(rows.map((row) => onlyNew.open(row.value)).sort()).toEqual([...expectedPlain].sort());
}

function externalConfig(t: TestApp, current: Buffer, previous: Buffer[]): Config {
  return { ...t.deps.config, secretKey: b64(current), previousSecretKeys: previous.map(b64) };
}

describe('rotate-keys with NAHBAR_SECRET_KEY (external mode)', () => {
  let t: TestApp;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let plain: string[];
  let existing: { userId: string; orgId: string };

  beforeAll(async () => {
    t = await createTestApp();
    const { owner, orgId } = await setUp(t.app, 'Träger A');
    existing = { userId: owner.userId, orgId };
    plain = [...(await seedSecrets(t, createSecretBox(oldKey), 'A', existing)).values()];
    // One value is already sealed with the new key (written by a process that had it first).
    const fresh = createSecretBox(newKey).seal('schon neu');
    await t.db.$client.query(`insert into channels (org_id, network, name, credentials)
      select id, 'bluesky', 'Neu', '${fresh}' from organisations limit 1`);
    plain.push('schon neu');
  });

  it('re-encrypts every value sealed with the old key, and only those', async () => {
    const before = await sealedValues(t);
    const result = await rotateKeysCommand(externalConfig(t, newKey, [oldKey]), t.db, log);
    expect(result.counts).toEqual({
      'users.totp_secret': 1,
      'channels.credentials': 2,
      'mastodon_apps.client_secret': 1,
      'oauth_states.code_verifier': 1,
      'consents.evidence': 0,
    });
    expect(result.keyId).toBe(keyIdOf(newKey));
    await expectAllSealedWith(t, newKey, plain);
    const untouched = before.find((row) => row.value.startsWith(`v1.${keyIdOf(newKey)}.`));
    expect((await sealedValues(t)).map((row) => row.value)).toContain(untouched?.value);
  });

  it('changes nothing when run again', async () => {
    const before = await sealedValues(t);
    const result = await rotateKeysCommand(externalConfig(t, newKey, [oldKey]), t.db, log);
    expect(result.total).toBe(0);
    expect(await sealedValues(t)).toEqual(before);
  });

  it('fails on a value sealed with an unknown key and changes nothing at all', async () => {
    const thirdKey = randomBytes(32);
    await seedSecrets(t, createSecretBox(oldKey), 'B', existing);
    const stranger = createSecretBox(randomBytes(32)).seal('fremd');
    await t.db.$client.query(`update channels set credentials = $1 where name = 'Kanal B 2'`, [stranger]);
    const before = await sealedValues(t);

    await expect(rotateKeysCommand(externalConfig(t, thirdKey, [newKey, oldKey]), t.db, log)).rejects.toThrow(
      /channels\.credentials .*unknown key/,
    );
    expect(await sealedValues(t)).toEqual(before);
    await t.db.$client.query(`delete from channels where name = 'Kanal B 2'`);
  });
});

describe('rotate-keys with the key in the data directory (embedded mode)', () => {
  let t: TestApp;
  let dir: string;
  let config: Config;
  const file = (name: string) => path.join(dir, name);
  const mode = (name: string) => fs.statSync(file(name)).mode & 0o777;

  beforeAll(async () => {
    t = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-keys-'));
    config = { ...t.deps.config, secretKey: undefined, previousSecretKeys: [], dataDir: dir };
  });

  it('swaps in a new key file, keeps the old one as secret.key.previous, all 0600', async () => {
    const first = loadSecretKeys(config);
    expect(first.generated).toBe(true);
    const plain = [...(await seedSecrets(t, createSecretBox(first.current), 'E')).values()];

    const result = await rotateKeysCommand(config, t.db, log);

    expect(result.total).toBe(5);
    expect(fs.readdirSync(dir).sort()).toEqual(['secret.key', 'secret.key.previous']);
    expect(mode('secret.key')).toBe(0o600);
    expect(mode('secret.key.previous')).toBe(0o600);
    const current = readKeyFile(file('secret.key'))!;
    expect(current.equals(first.current)).toBe(false);
    expect(readKeyFile(file('secret.key.previous'))!.equals(first.current)).toBe(true);
    expect(result.keyId).toBe(keyIdOf(current));
    await expectAllSealedWith(t, current, plain);
    // The normal loader seals with the new key and still opens the old one's values.
    const loaded = loadSecretKeys(config);
    expect(loaded.current.equals(current)).toBe(true);
    expect(createSecretBox(loaded.current, loaded.previous).open(createSecretBox(first.current).seal('alt'))).toBe(
      'alt',
    );
  });

  it('leaves key files and database untouched when re-encryption fails', async () => {
    const keysBefore = fs.readdirSync(dir).map((name) => [name, fs.readFileSync(file(name), 'utf8')]);
    const stranger = createSecretBox(randomBytes(32)).seal('fremd');
    await t.db.$client.query(`update channels set credentials = $1 where name = 'Kanal E 2'`, [stranger]);
    const before = await sealedValues(t);

    await expect(rotateKeysCommand(config, t.db, log)).rejects.toThrow(/unknown key/);

    expect(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(file(name), 'utf8')])).toEqual(keysBefore);
    expect(await sealedValues(t)).toEqual(before);
    await t.db.$client.query(`delete from channels where name = 'Kanal E 2'`);
  });

  it('survives a crash after the database was re-encrypted but before the files were swapped', async () => {
    // State after step 2: the database is sealed with the key in secret.key.next.
    const current = readKeyFile(file('secret.key'))!;
    const next = randomBytes(32);
    fs.writeFileSync(file('secret.key.next'), `${b64(next)}\n`, { mode: 0o600 });
    const rows = await sealedValues(t);
    const plain = rows.map((row) => createSecretBox(current).open(row.value));
    await rotateKeysCommand({ ...config, secretKey: b64(next), previousSecretKeys: [b64(current)] }, t.db, log);

    // A restart in this state can still open everything...
    const loaded = loadSecretKeys(config);
    const box = createSecretBox(loaded.current, loaded.previous);
    expect((await sealedValues(t)).map((row) => box.open(row.value)).sort()).toEqual([...plain].sort());
    // ...and running rotate-keys again finishes the swap with that same key.
    const result = await rotateKeysCommand(config, t.db, log);
    expect(result.keyId).toBe(keyIdOf(next));
    expect(readKeyFile(file('secret.key'))!.equals(next)).toBe(true);
    expect(readKeyFile(file('secret.key.previous'))!.equals(current)).toBe(true);
    expect(fs.existsSync(file('secret.key.next'))).toBe(false);
    await expectAllSealedWith(t, next, plain);
  });

  it('refuses to start with a fresh key when secret.key is gone but rotation files remain', () => {
    const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-keys-'));
    fs.writeFileSync(path.join(lonely, 'secret.key.previous'), `${b64(randomBytes(32))}\n`, { mode: 0o600 });
    expect(() => loadSecretKeys({ ...config, dataDir: lonely })).toThrow(/secret\.key is missing/);
    expect(fs.existsSync(path.join(lonely, 'secret.key'))).toBe(false);
  });
});
