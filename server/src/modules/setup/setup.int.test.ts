import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, PASSWORD, setUp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const count = async (table: string) =>
  Number((await t.db.$client.query(`select count(*)::int as n from ${table}`)).rows[0].n);

describe('first run', () => {
  it('asks for set-up while no account exists', async () => {
    const response = await call(t.app, { url: '/api/setup' });
    expect(response.json()).toEqual({ needed: true });
  });

  it('rejects bad input with field details and writes nothing', async () => {
    const response = await call(t.app, {
      method: 'POST',
      url: '/api/setup',
      headers: { 'accept-language': 'de' },
      body: {
        organisation: { name: 'Kita Regenbogen', timeZone: 'Mars/Olympus' },
        owner: { name: 'Ole', email: 'keine-adresse', password: 'kurz' },
      },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Die Eingaben sind nicht gültig.');
    const fields = error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['organisation.timeZone', 'owner.email', 'owner.password']);
    expect(error.details.find((d: { field: string }) => d.field === 'owner.password').message).toBe(
      'Mindestens 10 Zeichen.',
    );
    expect(await count('users')).toBe(0);
    expect(await count('organisations')).toBe(0);
  });

  it('creates organisation and owner once, even when two requests race', async () => {
    const attempts = await Promise.all(
      ['a', 'b'].map((suffix) =>
        call(t.app, {
          method: 'POST',
          url: '/api/setup',
          body: {
            organisation: { name: `Caritas ${suffix}` },
            owner: { name: 'Olga', email: `olga-${suffix}@example.org`, password: PASSWORD },
          },
        }),
      ),
    );
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count('users')).toBe(1);
    expect(await count('organisations')).toBe(1);
    const winner = attempts.find((r) => r.statusCode === 201)!.json();
    expect(winner.organisations[0]).toMatchObject({ timeZone: 'Europe/Berlin', language: 'de', roles: ['owner'] });
    expect((await call(t.app, { url: '/api/setup' })).json()).toEqual({ needed: false });
  });

  it('refuses a second set-up', async () => {
    await expect(setUp(t.app)).rejects.toThrow(/already_set_up/);
  });
});
