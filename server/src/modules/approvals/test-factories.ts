import type { Browser, TestApp } from '../../test/harness.ts';
import { call } from '../../test/harness.ts';

// Requests as the composer and the review page send them.

export const LEITUNG = { name: 'Leitung', roles: ['approver'], mode: 'any' };
export const REDAKTION = { name: 'Redaktion', roles: ['editor'], mode: 'any' };
export const LEITUNG_UND_DATENSCHUTZ = {
  name: 'Leitung und Datenschutz',
  roles: ['approver', 'privacy_officer'],
  mode: 'all',
};

export async function createPolicy(t: TestApp, as: Browser, orgId: string, body: Record<string, unknown>) {
  const response = await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/approval-policies`, as, body });
  if (response.statusCode !== 201) throw new Error(`policy failed: ${response.body}`);
  return response.json() as { id: string };
}

export type Written = { id: string; version: number; targets: { id: string; state: string; dueAt: string | null }[] };

export async function writePost(
  t: TestApp,
  as: Browser,
  orgId: string,
  channelId: string,
  options: { text?: string; tags?: string[]; media?: { mediaId: string; alt: string }[] } = {},
): Promise<Written> {
  const response = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as,
    body: {
      text: options.text ?? 'Sommerfest im Jugendtreff',
      targets: [{ channelId }],
      when: { mode: 'draft' },
      tags: options.tags ?? [],
      media: options.media ?? [],
    },
  });
  if (response.statusCode !== 201) throw new Error(`post failed: ${response.body}`);
  return response.json() as Written;
}

export const submit = (t: TestApp, as: Browser, orgId: string, postId: string, when: unknown = { mode: 'draft' }) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/posts/${postId}/submit`, as, body: { when, comment: null } });

export const decide = (
  t: TestApp,
  as: Browser,
  orgId: string,
  reviewId: string,
  body: { decision: string; comment?: string | null; baseVersion: number },
) => call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/reviews/${reviewId}/decisions`, as, body });

export const schedule = (t: TestApp, as: Browser, orgId: string, postId: string, when: unknown) =>
  call(t.app, { method: 'POST', url: `/api/orgs/${orgId}/posts/${postId}/schedule`, as, body: { when } });

export const getPost = async (t: TestApp, as: Browser, orgId: string, postId: string) =>
  (await call(t.app, { url: `/api/orgs/${orgId}/posts/${postId}`, as })).json() as Written;
