import type { CreatePersonInput, Person } from '@nahbar/common';
import sharp from 'sharp';
import { type Browser, call, type TestApp } from '../../test/harness.ts';

/** A person in the register, through the API as the team records them. */
export async function createPerson(t: TestApp, as: Browser, orgId: string, input: CreatePersonInput): Promise<Person> {
  const response = await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/people`, as, body: input });
  if (response.statusCode !== 201) throw new Error(`person failed: ${response.statusCode} ${response.body}`);
  return response.json() as Person;
}

/** A born-on day `years` years (and a few days) before now, so the age is unambiguous. */
export function birthDateForAge(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 10);
  return d.toISOString().slice(0, 10);
}

/** A photo in the library: a gradient large enough that the link's copy is downscaled. */
export async function uploadPhoto(t: TestApp, as: Browser, orgId: string, width = 1800, height = 1200) {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 160 } } })
    .png()
    .toBuffer();
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/media`,
    headers: { cookie: `nahbar_session=${as.cookie}`, 'x-csrf-token': as.csrf, 'content-type': 'image/png' },
    payload: png,
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
  return response.json() as { id: string };
}

/** A second organisation the same owner runs: ids must not cross between the two. */
export async function secondOrg(t: TestApp, as: Browser, name = 'Anderer Träger'): Promise<string> {
  const response = await call(t.app, { method: 'POST', url: '/api/orgs', as, body: { name } });
  if (response.statusCode !== 201) throw new Error(`org failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}
