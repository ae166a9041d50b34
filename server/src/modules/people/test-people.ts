import type { CreateConsentInput, CreatePersonInput } from '@nahbar/common';
import { expect } from 'vitest';
import { type Browser, call, type TestApp } from '../../test/harness.ts';

// Small factories for the people tests: a person and a consent through the API, as a user would.

export async function addPerson(
  t: TestApp,
  as: Browser,
  orgId: string,
  body: Partial<CreatePersonInput> = {},
): Promise<{ id: string; displayName: string }> {
  const response = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/people`,
    as,
    body: { displayName: 'Lea M.', kind: 'client', ageBand: 'adult', ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function addConsent(
  t: TestApp,
  as: Browser,
  orgId: string,
  personId: string,
  body: Partial<CreateConsentInput> = {},
): Promise<{ id: string }> {
  const response = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/people/${personId}/consents`,
    as,
    body: { purpose: 'social_media', validFrom: '2020-01-01', form: 'written', givenBy: ['person'], ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function auditRows(t: TestApp, action: string): Promise<{ target_id: string; details: unknown }[]> {
  const rows = await t.db.$client.query<{ target_id: string; details: unknown }>(
    'select target_id, details from audit_log where action = $1 order by id',
    [action],
  );
  return rows.rows;
}

/** A second organisation the owner also runs: its ids must never work under the first one's URL. */
export async function addOtherOrg(t: TestApp, owner: Browser): Promise<string> {
  const response = await call(t.app, { method: 'POST', url: '/api/orgs', as: owner, body: { name: 'Träger B' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
