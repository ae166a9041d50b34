import type { ConsentRequest, PublicConsentRequest } from '@nahbar/common';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { birthDateForAge, createPerson, secondOrg, uploadPhoto } from './test-factories.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;
let childId: string;
let photoId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
  const child = await createPerson(t, owner, orgId, {
    displayName: 'Lena K.',
    kind: 'client',
    birthDate: birthDateForAge(9),
    guardians: [
      { name: 'Sabine Krüger', contact: 'sabine@example.org' },
      { name: 'Tom Krüger', contact: null },
    ],
    jointCustody: true,
  });
  childId = child.id;
  photoId = (await uploadPhoto(t, owner, orgId)).id;
});

async function createLink(body: Record<string, unknown>, as: Browser = owner, org = orgId, person = childId) {
  return call(t.app, { method: 'POST', url: `/api/orgs/${org}/people/${person}/consent-requests`, as, body });
}

async function newLink(body: Record<string, unknown> = {}) {
  const response = await createLink({ purpose: 'social_media', signatory: 'guardian_1', ...body });
  expect(response.statusCode, response.body).toBe(201);
  const link = response.json() as ConsentRequest;
  return { link, token: new URL(link.url!).pathname.split('/').pop()! };
}

/** The public API as a guardian's phone calls it: no cookie, same-origin fetch. */
const publicCall = (method: 'GET' | 'POST', path: string, body?: unknown) =>
  call(t.app, {
    method,
    url: `/api/public/consent-requests/${path}`,
    body,
    headers: { 'sec-fetch-site': 'same-origin' },
  });

const consentsOf = async (personId = childId) =>
  (await call(t.app, { url: `/api/orgs/${orgId}/people/${personId}/consents`, as: owner })).json().items as {
    form: string;
    source: string;
    givenBy: string[];
    purpose: string;
    networks: string[];
    validFrom: string;
    validUntil: string | null;
    mediaId: string | null;
    status: string;
  }[];

describe('digital consent links', () => {
  it('create → open → picture → confirm records the consent with the gate’s fields', async () => {
    const { link, token } = await newLink({ networks: ['bluesky'], mediaId: photoId, validUntil: '2099-12-31' });
    expect(link.url).toBe(`http://nahbar.test/einwilligung/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await t.db.$client.query('select token_hash from consent_requests where id = $1', [link.id]);
    expect(stored.rows[0].token_hash).not.toContain(token);

    const listed = await call(t.app, { url: `/api/orgs/${orgId}/people/${childId}/consent-requests`, as: owner });
    expect(listed.json().items[0]).toMatchObject({ id: link.id, confirmedAt: null });
    expect(listed.json().items[0].url).toBeUndefined();

    const opened = await publicCall('GET', token);
    expect(opened.statusCode).toBe(200);
    const page = opened.json() as PublicConsentRequest;
    expect(page).toMatchObject({
      organisationName: 'Jugendhilfe Nord',
      personName: 'Lena K.',
      signatory: 'guardian_1',
      signatoryName: 'Sabine Krüger',
      state: 'open',
      scopeText: 'Social Media: Bluesky',
      language: 'de',
    });
    expect(page.text.join(' ')).toContain('Art. 7 Abs. 3 DSGVO');
    expect(page.text.at(-1)).toContain('Ich willige als erziehungsberechtigte Person von Lena K. ein');
    expect(page.imageUrl).toBe(`/api/public/consent-requests/${token}/image`);

    const image = await t.app.inject({ url: page.imageUrl! });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(image.rawPayload).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(1200);

    const confirmed = await publicCall('POST', `${token}/confirm`, { name: 'Sabine Krüger', agree: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', confirmedAt: expect.any(String), imageUrl: null });

    const [consent] = await consentsOf();
    expect(consent).toMatchObject({
      purpose: 'social_media',
      networks: ['bluesky'],
      form: 'digital',
      source: 'link',
      givenBy: ['guardian_1'],
      validUntil: '2099-12-31',
      mediaId: photoId,
      status: 'valid',
    });
    const request = await t.db.$client.query(
      'select confirmed_name, confirmed_ip, consent_id from consent_requests where id = $1',
      [link.id],
    );
    expect(request.rows[0]).toMatchObject({ confirmed_name: 'Sabine Krüger', consent_id: expect.any(String) });
    expect(request.rows[0].confirmed_ip).toBeTruthy();

    const audit = await t.db.$client.query(
      "select action, details from audit_log where action like 'consent.link_%' order by id",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['consent.link_created', 'consent.link_confirmed']);
    expect(JSON.stringify(audit.rows)).not.toMatch(/Lena|Sabine|Krüger/);
    expect(t.logs.join('\n')).not.toContain(token);

    // Used: a second confirm is refused, the picture is no longer served, the page says so.
    const again = await publicCall('POST', `${token}/confirm`, { name: 'Sabine Krüger', agree: true });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('consent_link_invalid');
    expect((await t.app.inject({ url: page.imageUrl! })).statusCode).toBe(410);
    expect((await publicCall('GET', token)).json().state).toBe('confirmed');
    expect(await consentsOf()).toHaveLength(1);
  });

  it('an expired link shows as expired and cannot be confirmed', async () => {
    const { token } = await newLink({ expiresInDays: 1, language: 'en' });
    t.advance(2 * 86_400_000);
    try {
      const page = (await publicCall('GET', token)).json() as PublicConsentRequest;
      expect(page).toMatchObject({ state: 'expired', language: 'en', text: [], imageUrl: null });
      const response = await publicCall('POST', `${token}/confirm`, { name: 'Sabine Krüger', agree: true });
      expect(response.statusCode).toBe(410);
    } finally {
      t.advance(-2 * 86_400_000);
    }
  });

  it('a revoked link cannot be confirmed; revoking is for people.manage of the same organisation', async () => {
    const { link, token } = await newLink({ signatory: 'guardian_2', mediaId: photoId });
    const otherOrg = await secondOrg(t, owner);
    const crossed = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${otherOrg}/consent-requests/${link.id}/revoke`,
      as: owner,
    });
    expect(crossed.statusCode).toBe(404);
    const revoked = await call(t.app, {
      method: 'POST',
      url: `/api/orgs/${orgId}/consent-requests/${link.id}/revoke`,
      as: owner,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await publicCall('GET', token)).json().state).toBe('revoked');
    expect((await publicCall('GET', `${token}/image`)).statusCode).toBe(410);
    const response = await publicCall('POST', `${token}/confirm`, { name: 'Tom Krüger', agree: true });
    expect(response.statusCode).toBe(410);
    expect(response.json().error.message).toContain('zurückgezogen');
  });

  it('unknown tokens are 404; the confirm needs a name and the tick', async () => {
    expect((await publicCall('GET', 'erfunden')).statusCode).toBe(404);
    expect((await publicCall('POST', 'erfunden/confirm', { name: 'X', agree: true })).statusCode).toBe(404);
    const { token } = await newLink({ purpose: 'website' });
    expect((await publicCall('POST', `${token}/confirm`, { name: 'Sabine', agree: false })).statusCode).toBe(400);
    expect((await publicCall('POST', `${token}/confirm`, { name: ' ', agree: true })).statusCode).toBe(400);
    // From another site: refused like every session-less form.
    const foreign = await call(t.app, {
      method: 'POST',
      url: `/api/public/consent-requests/${token}/confirm`,
      body: { name: 'Sabine', agree: true },
      headers: { origin: 'https://boese.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(foreign.statusCode).toBe(403);
    expect((await publicCall('GET', token)).json().state).toBe('open');
  });

  it('refuses contributors, foreign ids and guardians not on record', async () => {
    const contributor = await addMember(t, owner, orgId, ['contributor']);
    expect((await createLink({ purpose: 'print', signatory: 'guardian_1' }, contributor)).statusCode).toBe(403);
    const otherOrg = await secondOrg(t, owner, 'Dritter Träger');
    const foreignPhoto = await uploadPhoto(t, owner, otherOrg, 100, 100);
    const foreignPerson = await createPerson(t, owner, otherOrg, {
      displayName: 'Y',
      kind: 'client',
      ageBand: 'adult',
    });
    expect(
      (await createLink({ purpose: 'print', signatory: 'person' }, owner, orgId, foreignPerson.id)).statusCode,
    ).toBe(404);
    expect((await createLink({ purpose: 'print', signatory: 'person' }, owner, otherOrg, childId)).statusCode).toBe(
      404,
    );
    expect((await createLink({ purpose: 'print', signatory: 'person', mediaId: foreignPhoto.id })).statusCode).toBe(
      404,
    );
    expect(
      (await createLink({ purpose: 'social_media', signatory: 'person', channelIds: [crypto.randomUUID()] }))
        .statusCode,
    ).toBe(404);
    const listed = await call(t.app, { url: `/api/orgs/${otherOrg}/people/${childId}/consent-requests`, as: owner });
    expect(listed.statusCode).toBe(404);
    const adult = await createPerson(t, owner, orgId, { displayName: 'Herr Z.', kind: 'resident', ageBand: 'adult' });
    const noGuardian = await createLink({ purpose: 'print', signatory: 'guardian_1' }, owner, orgId, adult.id);
    expect(noGuardian.statusCode).toBe(400);
    expect(noGuardian.json().error.details[0].field).toBe('signatory');
  });
});

describe('rate limit on the public link routes', () => {
  it('stops an address after many misses, with retry-after', async () => {
    const miss = () => t.app.inject({ url: '/api/public/consent-requests/geraten', remoteAddress: '203.0.113.7' });
    for (let i = 0; i < 20; i += 1) expect((await miss()).statusCode).toBe(404);
    const limited = await miss();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await t.app.inject({ url: '/api/public/consent-requests/geraten' })).statusCode).toBe(404);
  });
});
