import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../../test/harness.ts';
import { pdfText } from './pdf-text.ts';
import { birthDateForAge, createPerson, secondOrg, uploadPhoto } from './test-factories.ts';

let t: TestApp;
let owner: Browser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, orgId } = await setUp(t.app));
});

const guardians = [
  { name: 'Sabine Krüger', contact: null },
  { name: 'Tomasz Wójcik', contact: null },
];

async function form(personId: string, query: string, as: Browser = owner) {
  return t.app.inject({
    url: `/api/orgs/${orgId}/people/${personId}/consent-form.pdf?${query}`,
    headers: { cookie: `nahbar_session=${as.cookie}` },
  });
}

async function formText(personId: string, query: string) {
  const response = await form(personId, query);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.headers['cache-control']).toBe('no-store');
  return pdfText(response.rawPayload);
}

describe('printable consent form', () => {
  it('for a child with joint custody: the picture, and lines for both guardians only', async () => {
    const child = await createPerson(t, owner, orgId, {
      displayName: 'Lena K.',
      kind: 'client',
      birthDate: birthDateForAge(9),
      guardians,
      jointCustody: true,
    });
    const photo = await uploadPhoto(t, owner, orgId);
    const { pages, lines } = await formText(
      child.id,
      `purpose=social_media&networks=bluesky,mastodon&mediaId=${photo.id}`,
    );
    expect(pages).toBeGreaterThanOrEqual(1);
    const all = lines.flat();
    const text = all.join(' ');
    expect(all).toContain('Einwilligung zur Veröffentlichung von Fotos');
    expect(all).toContain('Sorgeberechtigte Person 1: Sabine Krüger');
    // ó is WinAnsi; ł in other names would print as l.
    expect(all).toContain('Sorgeberechtigte Person 2: Tomasz Wójcik');
    expect(text).not.toContain('Betroffene Person');
    expect(all.filter((l) => l === 'Unterschrift')).toHaveLength(2);
    expect(all.filter((l) => l === 'Ort, Datum')).toHaveLength(2);
    expect(text).toContain('Social Media: Bluesky und Mastodon');
    expect(text).toContain('Art. 7 Abs. 3 DSGVO');
    expect(text).toContain('das unten gezeigte Foto');
    // The exact picture is embedded, downscaled.
    const pdf = Buffer.from((await form(child.id, `purpose=social_media&mediaId=${photo.id}`)).rawPayload).toString(
      'latin1',
    );
    expect(pdf).toMatch(/\/Subtype \/Image/);
    expect(pdf).toMatch(/\/Width 1200/);

    const audit = await t.db.$client.query(
      "select target_id, details from audit_log where action = 'consent.form_generated' order by id",
    );
    expect(audit.rows[0]).toMatchObject({
      target_id: child.id,
      details: { purpose: 'social_media', mediaId: photo.id },
    });
    expect(JSON.stringify(audit.rows)).not.toContain('Lena');
  });

  it('for a 15-year-old with one guardian: the young person and that guardian, in English', async () => {
    const youth = await createPerson(t, owner, orgId, {
      displayName: 'Jonas M.',
      kind: 'client',
      birthDate: birthDateForAge(15),
      guardians: [{ name: 'Petra Meyer', contact: null }],
    });
    const { lines } = await formText(youth.id, 'purpose=print&language=en');
    const all = lines.flat();
    expect(all).toContain('Person concerned: Jonas M.');
    expect(all).toContain('Parent or guardian: Petra Meyer');
    expect(all.filter((l) => l === 'Signature')).toHaveLength(2);
    expect(all.join(' ')).toContain('Copies already handed out cannot be recalled.');
  });

  it('for an adult: the person alone, whatever guardians are on record', async () => {
    const adult = await createPerson(t, owner, orgId, { displayName: 'Herr A.', kind: 'resident', ageBand: 'adult' });
    const { lines } = await formText(adult.id, 'purpose=press');
    const all = lines.flat();
    expect(all).toContain('Betroffene Person: Herr A.');
    expect(all.filter((l) => l === 'Unterschrift')).toHaveLength(1);
  });

  it('refuses a contributor, other organisations’ people and pictures', async () => {
    const person = await createPerson(t, owner, orgId, { displayName: 'Frau B.', kind: 'staff', ageBand: 'adult' });
    const contributor = await addMember(t, owner, orgId, ['contributor']);
    expect((await form(person.id, 'purpose=website', contributor)).statusCode).toBe(403);

    const otherOrg = await secondOrg(t, owner);
    const foreignPerson = await createPerson(t, owner, otherOrg, {
      displayName: 'X',
      kind: 'client',
      ageBand: 'adult',
    });
    const foreignPhoto = await uploadPhoto(t, owner, otherOrg, 200, 100);
    expect((await form(foreignPerson.id, 'purpose=website')).statusCode).toBe(404);
    expect((await form(person.id, `purpose=website&mediaId=${foreignPhoto.id}`)).statusCode).toBe(404);
    const response = await call(t.app, {
      url: `/api/orgs/${otherOrg}/people/${person.id}/consent-form.pdf?purpose=website`,
      as: owner,
    });
    expect(response.statusCode).toBe(404);
  });
});
