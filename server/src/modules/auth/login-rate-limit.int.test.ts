import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, linkTokenFor, PASSWORD, setUp, signIn, type TestApp } from '../../test/harness.ts';
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from './login.ts';

let t: TestApp;
let owner: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  t = await createTestApp();
  owner = await setUp(t.app);
});

async function invite(email: string) {
  await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${owner.orgId}/invitations`,
    as: owner.owner,
    body: { email, roles: ['editor'] },
  });
  const token = await linkTokenFor(t, email, '/einladung?token=');
  await call(t.app, {
    method: 'POST',
    url: `/api/invitations/${token}/accept`,
    body: { name: 'Eva', password: PASSWORD },
  });
}

const fail = (email: string) => signIn(t.app, email, 'falsches-passwort');

describe('sign-in rate limit', () => {
  it('locks an e-mail address after five failures, even for the right password', async () => {
    const email = 'gesperrt@example.org';
    await invite(email);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) expect((await fail(email)).statusCode).toBe(401);
    const locked = await signIn(t.app, email);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Zu viele') });
    expect(locked.headers['retry-after']).toBe(String(LOGIN_WINDOW_MINUTES * 60));
    expect(locked.cookies).toEqual([]);
  });

  it('locks unknown addresses the same way, so the limit reveals no accounts', async () => {
    const email = 'unbekannt@example.org';
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) expect((await fail(email)).statusCode).toBe(401);
    expect((await fail(email)).statusCode).toBe(429);
  });

  it('unlocks after the window has passed', async () => {
    const email = 'wartet@example.org';
    await invite(email);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i += 1) await fail(email);
    expect((await signIn(t.app, email)).statusCode).toBe(429);
    t.advance((LOGIN_WINDOW_MINUTES + 1) * 60_000);
    expect((await signIn(t.app, email)).statusCode).toBe(200);
  });

  it('forgives earlier typos once the person signs in successfully', async () => {
    const email = 'vertippt@example.org';
    await invite(email);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i += 1) await fail(email);
    expect((await signIn(t.app, email)).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i += 1) expect((await fail(email)).statusCode).toBe(401);
    expect((await signIn(t.app, email)).statusCode).toBe(200);
  });

  it('does not let a burst of parallel guesses slip past the limit', async () => {
    const email = 'ansturm@example.org';
    await invite(email);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fail(email)));
    const guessed = answers.filter((r) => r.statusCode === 401).length;
    expect(guessed).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(answers.filter((r) => r.statusCode === 429).length).toBe(20 - guessed);
  });

  it('does not let one’s own successful sign-in reset the limit for guesses at other accounts', async () => {
    // An attacker with an account of their own sprays passwords at many addresses from one
    // machine, signing in to their own account in between. Earlier tests' failures expire first.
    t.advance((LOGIN_WINDOW_MINUTES + 1) * 60_000);
    const victims = Array.from({ length: 40 }, (_, i) => `opfer-${i}@example.org`);
    let answered401 = 0;
    for (const [i, victim] of victims.entries()) {
      const answer = await fail(victim);
      if (answer.statusCode === 401) answered401 += 1;
      if (i % 10 === 9) await signIn(t.app, owner.email);
    }
    expect(answered401).toBe(MAX_FAILURES_PER_IP);
  });
});
