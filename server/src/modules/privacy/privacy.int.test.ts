import { DEFAULT_PRIVACY_SETTINGS, type Role } from '@nahbar/common';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { addPerson } from '../people/test-people.ts';
import { blockingPiiFindings } from './pii-check.ts';

// Privacy settings, the composer's PII context and the blocking check at scheduling.
let t: TestApp;
let owner: Browser;
let orgId: string;
const as: Partial<Record<Role, Browser>> = {};

const settingsUrl = () => `/api/orgs/${orgId}/privacy-settings`;
const put = (body: unknown, who: Browser = owner) => call(t.app, { method: 'PUT', url: settingsUrl(), as: who, body });

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  as.owner = owner;
  for (const role of ['admin', 'editor', 'contributor', 'approver', 'privacy_officer', 'viewer'] as const) {
    as[role] = await addMember(t, owner, orgId, [role], `Mitglied ${role}`);
  }
});

describe('privacy settings', () => {
  it('reads the defaults before anybody changed them', async () => {
    const response = await call(t.app, { url: settingsUrl(), as: as.editor });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(DEFAULT_PRIVACY_SETTINGS);
  });

  it('stores a change, keeps what was not sent, and audits which settings changed (not the words)', async () => {
    const first = await put({ piiBlocking: ['phone', 'iban', 'phone'], sensitiveWords: ['Hilfeplan', 'hilfeplan '] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ piiBlocking: ['phone', 'iban'], sensitiveWords: ['Hilfeplan'] });
    const second = await put({ guardiansOnlyUnder: 16 }, as.privacy_officer);
    expect(second.json()).toEqual({
      guardiansOnlyUnder: 16,
      adultFrom: 18,
      piiBlocking: ['phone', 'iban'],
      sensitiveWords: ['Hilfeplan'],
    });
    const read = await call(t.app, { url: settingsUrl(), as: as.approver });
    expect(read.json()).toEqual(second.json());
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'privacy.settings_updated')));
    expect(entries.map((e) => e.details)).toEqual([
      { changed: ['piiBlocking', 'sensitiveWords'] },
      { changed: ['guardiansOnlyUnder'] },
    ]);
    expect(JSON.stringify(entries.map((e) => e.details))).not.toContain('Hilfeplan');
  });

  it('refuses ages out of order with 422 and the field, in the reader’s language', async () => {
    const response = await put({ guardiansOnlyUnder: 17, adultFrom: 16 });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'input_invalid',
      details: [{ field: 'adultFrom', code: 'order', message: expect.stringContaining('mindestens 17') }],
    });
    // A patch of one age is checked against the stored other one.
    const alone = await put({ guardiansOnlyUnder: 18 });
    expect(alone.statusCode).toBe(200);
    const later = await put({ adultFrom: 17 });
    expect(later.json().error.details[0].field).toBe('adultFrom');
    expect((await call(t.app, { url: settingsUrl(), as: owner })).json().adultFrom).toBe(18);
    await put({ guardiansOnlyUnder: 14 });
  });

  it('refuses values outside the ranges with 400', async () => {
    expect((await put({ adultFrom: 30 })).statusCode).toBe(400);
    expect((await put({ piiBlocking: ['shoe_size'] })).statusCode).toBe(400);
    expect((await put({ extra: true })).statusCode).toBe(400);
  });
});

describe('who may do what', () => {
  const matrix: [Role, { read: number; write: number; context: number }][] = [
    ['owner', { read: 200, write: 200, context: 200 }],
    ['admin', { read: 200, write: 200, context: 200 }],
    ['privacy_officer', { read: 200, write: 200, context: 200 }],
    ['editor', { read: 200, write: 403, context: 200 }],
    ['contributor', { read: 200, write: 403, context: 200 }],
    ['approver', { read: 200, write: 403, context: 200 }],
    ['viewer', { read: 403, write: 403, context: 403 }],
  ];
  it.each(matrix)('%s', async (role, expected) => {
    const who = as[role]!;
    expect((await call(t.app, { url: settingsUrl(), as: who })).statusCode).toBe(expected.read);
    expect((await put({ sensitiveWords: ['Hilfeplan'] }, who)).statusCode).toBe(expected.write);
    const context = await call(t.app, { url: `/api/orgs/${orgId}/privacy/pii-context`, as: who });
    expect(context.statusCode).toBe(expected.context);
  });

  it('answers 404 to strangers and 401 without a session', async () => {
    // Someone who was a member and left: signed in, but no longer in the organisation.
    const stranger = await addMember(t, owner, orgId, ['admin'], 'Ehemalige Admin');
    await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgId}/members/${stranger.userId}`, as: owner });
    expect((await call(t.app, { url: settingsUrl(), as: stranger })).statusCode).toBe(404);
    expect((await put({ adultFrom: 18 }, stranger)).statusCode).toBe(404);
    expect((await call(t.app, { url: `/api/orgs/${orgId}/privacy/pii-context` })).statusCode).toBe(401);
  });
});

describe('PII context and the blocking check', () => {
  let lena: { id: string };
  beforeAll(async () => {
    lena = await addPerson(t, owner, orgId, {
      displayName: 'Lena M.',
      birthDate: '2014-05-01',
      ageBand: null,
      guardians: [
        { name: 'Sabine Kowalski', contact: null },
        { name: 'Tom Kowalski', contact: null },
      ],
      jointCustody: true,
    });
  });

  it('gives the composer names (with guardians), own words and blocking categories — no birth dates', async () => {
    const response = await call(t.app, { url: `/api/orgs/${orgId}/privacy/pii-context`, as: as.contributor });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.names).toEqual([
      { personId: lena.id, name: 'Lena M.' },
      { personId: lena.id, name: 'Sabine Kowalski' },
      { personId: lena.id, name: 'Tom Kowalski' },
    ]);
    expect(body).toMatchObject({ sensitiveWords: ['Hilfeplan'], piiBlocking: ['phone', 'iban'] });
    expect(response.body).not.toContain('2014');
  });

  it('returns only blocking findings, per field, with a message', async () => {
    const findings = await blockingPiiFindings(
      t.deps,
      orgId,
      [
        { field: 'text', text: 'Lena M. ruft an: 0171 1234567 wegen ADHS' },
        { field: 'targets.0.text', text: 'Spenden: DE89 3704 0044 0532 0130 00' },
      ],
      'de',
    );
    expect(findings.map((f) => [f.field, f.category, f.text])).toEqual([
      ['text', 'phone', '0171 1234567'],
      ['targets.0.text', 'iban', 'DE89 3704 0044 0532 0130 00'],
    ]);
    expect(findings[0] as object).toMatchObject({ blocking: true, message: 'Telefonnummer: „0171 1234567“' });
  });

  it('blocks register names when the organisation chose so', async () => {
    await put({ piiBlocking: ['person_name', 'sensitive'] });
    const findings = await blockingPiiFindings(
      t.deps,
      orgId,
      [{ field: 'text', text: 'Gruß an Tom Kowalski, Hilfeplan steht' }],
      'en',
    );
    expect(findings.map((f) => [f.category, f.text, f.personId ?? null])).toEqual([
      ['person_name', 'Tom Kowalski', lena.id],
      ['sensitive', 'Hilfeplan', null],
    ]);
    expect((findings[0] as { message?: string }).message).toBe('Name from the people register: “Tom Kowalski”');
  });

  it('finds nothing to block when nothing is blocking', async () => {
    await put({ piiBlocking: [] });
    const findings = await blockingPiiFindings(t.deps, orgId, [{ field: 'text', text: 'Tel. 0171 1234567' }], 'de');
    expect(findings).toEqual([]);
  });
});
