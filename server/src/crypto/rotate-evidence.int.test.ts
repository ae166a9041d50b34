import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConsent, addPerson } from '../modules/people/test-people.ts';
import { diskStore } from '../storage/disk-store.ts';
import { type Browser, createTestApp, setUp, type TestApp } from '../test/harness.ts';
import { rotateKeys } from './rotate-keys.ts';
import { openBytes, sealBytes } from './sealed-bytes.ts';
import { createSecretBox } from './secret-box.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nahbar-rotate-evidence-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const store = diskStore(dir);
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const SCAN = Buffer.from('%PDF-1.4\nunterschriebene Einwilligung\n%%EOF\n');

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ deps: { box: createSecretBox(oldKey), media: store } });
  ({ owner, orgId } = await setUp(t.app));
});

const files = () =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

async function evidenceKeys(): Promise<string[]> {
  const rows = await t.db.$client.query<{ k: string }>(
    'select evidence_key as k from consents where evidence_key is not null order by id',
  );
  return rows.rows.map((r) => r.k);
}

async function withEvidence(): Promise<string> {
  const person = await addPerson(t, owner, orgId);
  const consent = await addConsent(t, owner, orgId, person.id);
  const put = await t.app.inject({
    method: 'PUT',
    url: `/api/orgs/${orgId}/consents/${consent.id}/evidence`,
    headers: {
      cookie: `nahbar_session=${owner.cookie}`,
      'x-csrf-token': owner.csrf,
      'content-type': 'application/pdf',
    },
    payload: SCAN,
  });
  expect(put.statusCode, put.body).toBe(200);
  return consent.id;
}

describe('rotate-keys and evidence files', () => {
  it('re-seals evidence under the new key, swaps the file and removes the old one', async () => {
    await withEvidence();
    const [before] = await evidenceKeys();
    const counts = await rotateKeys(t.db, createSecretBox(newKey, [oldKey]), store);
    expect(counts['consents.evidence']).toBe(1);
    const [after] = await evidenceKeys();
    expect(after).not.toBe(before);
    expect(files()).toEqual([path.join(dir, after!)]);
    expect(openBytes(createSecretBox(newKey), fs.readFileSync(files()[0]!)).equals(SCAN)).toBe(true);
    const again = await rotateKeys(t.db, createSecretBox(newKey, [oldKey]), store);
    expect(again['consents.evidence']).toBe(0);
    expect(await evidenceKeys()).toEqual([after]);
  });

  it('changes nothing when one file opens with no known key', async () => {
    const consentId = await withEvidence();
    const [row] = (
      await t.db.$client.query<{ k: string }>('select evidence_key as k from consents where id = $1', [consentId])
    ).rows;
    await store.put(row!.k, sealBytes(createSecretBox(randomBytes(32)), SCAN), 'application/octet-stream');
    const keysBefore = await evidenceKeys();
    const filesBefore = files().sort();
    await expect(rotateKeys(t.db, createSecretBox(randomBytes(32), [newKey, oldKey]), store)).rejects.toThrow(
      /consents\.evidence .*unknown key/,
    );
    expect(await evidenceKeys()).toEqual(keysBefore);
    expect(files().sort()).toEqual(filesBefore);
  });
});
