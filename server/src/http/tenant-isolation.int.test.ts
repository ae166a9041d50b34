import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { RegisteredRoute } from '../app.ts';
import { addMember, type Browser, call, createTestApp, setUp, type TestApp } from '../test/harness.ts';

// Organisation A's owner (and instance admin) turns every organisation route against B.
// The routes come from the app itself, so a new route without a permission check fails here.

/** A valid body for every org route that takes one (aimed at the victim's ids); a new route must add its own. */
function sampleBodies(ids: Ids): Record<string, unknown> {
  return {
    'PATCH /api/orgs/:orgId': { name: 'Übernommen', language: 'en' },
    'PATCH /api/orgs/:orgId/members/:userId': { roles: ['viewer'] },
    'POST /api/orgs/:orgId/invitations': { email: 'eindringling@example.org', roles: ['admin'] },
    'POST /api/orgs/:orgId/channels': { network: 'feed', title: 'Übernommen', siteUrl: 'https://fremd.example' },
    'POST /api/orgs/:orgId/channels/mastodon/start': {
      instanceUrl: 'https://social.example',
      channelId: ids.channelId,
    },
    'PATCH /api/orgs/:orgId/channels/:id': { name: 'Übernommen', targetIntervalDays: 1 },
    'POST /api/orgs/:orgId/channels/:id/reconnect': { appPassword: 'abcd-efgh-ijkl-mnop' },
    'POST /api/orgs/:orgId/posts': {
      text: 'Übernommen',
      media: [{ mediaId: ids.mediaId, alt: 'fremdes Bild' }],
      targets: [{ channelId: ids.channelId }],
      when: { mode: 'now' },
    },
    'POST /api/orgs/:orgId/targets/:id/schedule': { when: { mode: 'now' } },
    'PATCH /api/orgs/:orgId/inbox/:id': { status: 'answered', assigneeId: ids.userId, tags: ['übernommen'] },
    'POST /api/orgs/:orgId/inbox/fetch': { channelId: ids.channelId },
    'PATCH /api/orgs/:orgId/inbox/settings': { workdayTargetMinutes: 5, netiquetteUrl: 'https://fremd.example' },
    'POST /api/orgs/:orgId/inbox/:id/replies': { text: 'Übernommen' },
    'POST /api/orgs/:orgId/inbox/:id/moderate': { action: 'hide', reason: 'Übernahmeversuch' },
    'POST /api/orgs/:orgId/inbox/replies/:id/decision': { decision: 'approve', comment: null },
    'POST /api/orgs/:orgId/reply-templates': { name: 'Übernommen', body: 'Hallo {{autor}}' },
    'PATCH /api/orgs/:orgId/reply-templates/:id': { name: 'Übernommen', body: 'x' },
    'PATCH /api/orgs/:orgId/posts/:id': { baseVersion: 1, text: 'Übernommen', tags: ['übernommen'] },
    'POST /api/orgs/:orgId/posts/:id/schedule': { when: { mode: 'now' } },
    'POST /api/orgs/:orgId/posts/:id/move': { at: new Date(Date.now() + 86_400_000).toISOString() },
    'POST /api/orgs/:orgId/posts/:id/versions/:version/restore': { baseVersion: 1 },
    'POST /api/orgs/:orgId/templates': { name: 'Übernommen', text: 'x', channelIds: [ids.channelId] },
    'PATCH /api/orgs/:orgId/templates/:id': { name: 'Übernommen', text: 'x' },
    'PUT /api/orgs/:orgId/channels/:channelId/slots': { slots: [{ weekday: 2, time: '10:00' }] },
    'POST /api/orgs/:orgId/series': {
      name: 'Übernommen',
      channelIds: [ids.channelId],
      weekday: 2,
      time: '10:00',
      startsOn: '2026-12-01',
    },
    'PATCH /api/orgs/:orgId/series/:id': { name: 'Übernommen', active: false },
    'POST /api/orgs/:orgId/calendar/feeds': { label: 'Übernommen' },
    'PATCH /api/orgs/:orgId/media/:id': { alt: 'Übernommen' },
    'POST /api/orgs/:orgId/media/:id/blur': { rects: [{ x: 0, y: 0, width: 1, height: 1 }] },
    'POST /api/orgs/:orgId/people': { displayName: 'Übernommen', kind: 'client', ageBand: 'adult' },
    'PATCH /api/orgs/:orgId/people/:personId': { displayName: 'Übernommen' },
    'POST /api/orgs/:orgId/people/:personId/consents': {
      purpose: 'social_media',
      channelIds: [ids.channelId],
      validFrom: '2026-01-01',
      form: 'written',
      givenBy: ['person'],
      mediaId: ids.mediaId,
    },
    'PUT /api/orgs/:orgId/media/:mediaId/people': { status: 'tagged', people: [{ personId: ids.personId }] },
    'PUT /api/orgs/:orgId/posts/:postId/people': { named: [ids.personId] },
    'POST /api/orgs/:orgId/people/:personId/consent-requests': {
      purpose: 'social_media',
      signatory: 'person',
      mediaId: ids.mediaId,
    },
    'POST /api/orgs/:orgId/consent-check': {
      mediaIds: [ids.mediaId],
      namedPersonIds: [ids.personId],
      channelIds: [ids.channelId],
    },
    'POST /api/orgs/:orgId/consents/:consentId/withdraw': { on: '2026-01-02', by: 'person', how: 'email' },
    'PUT /api/orgs/:orgId/privacy-settings': { adultFrom: 16, sensitiveWords: ['übernommen'] },
    'POST /api/orgs/:orgId/approval-policies': {
      name: 'Übernommen',
      steps: [{ name: 'Leitung', roles: ['approver'], mode: 'any' }],
      rules: { channelIds: [ids.channelId] },
    },
    'PATCH /api/orgs/:orgId/approval-policies/:policyId': { name: 'Übernommen', active: false },
    'POST /api/orgs/:orgId/posts/:postId/submit': { when: { mode: 'now' }, comment: 'Übernommen' },
    'POST /api/orgs/:orgId/reviews/:reviewId/decisions': { decision: 'approve', comment: null, baseVersion: 1 },
    'POST /api/orgs/:orgId/posts/:postId/comments': { channelId: ids.channelId, quote: null, body: 'Übernommen' },
    'POST /api/orgs/:orgId/comments/:commentId/resolve': {},
    'POST /api/orgs/:orgId/reviews/:reviewId/links': { name: 'Übernommen', expiresInDays: 7 },
    'POST /api/orgs/:orgId/review-links/:linkId/revoke': {},
  };
}

/** Routes whose query string has required fields: a 400 would hide a missing permission check. */
const SAMPLE_QUERIES: Record<string, string> = {
  'GET /api/orgs/:orgId/calendar': `?from=${encodeURIComponent('2026-11-01T00:00:00Z')}&to=${encodeURIComponent('2026-12-13T00:00:00Z')}`,
  'GET /api/orgs/:orgId/people/:personId/consent-form.pdf': '?purpose=social_media&language=de',
};

/** B's (or A's) ids of every kind a route can name. */
type Ids = {
  orgId: string;
  userId: string;
  invitationId: string;
  channelId: string;
  postId: string;
  targetId: string;
  mediaId: string;
  inboxItemId: string;
  pendingReplyId: string;
  templateId: string;
  evidenceId: string;
  postTemplateId: string;
  seriesId: string;
  calendarFeedId: string;
  personId: string;
  consentId: string;
  consentRequestId: string;
  takedownTaskId: string;
  policyId: string;
  reviewId: string;
  commentId: string;
  reviewLinkId: string;
};

let t: TestApp;
let ownerA: Browser;
let a: Ids;
let b: Ids;
let bMemberEmail: string;
let memberB: Browser;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A feed channel with a published post and an image: everything a foreign id could aim at. */
async function publishingIds(owner: Browser, orgId: string, site: string) {
  const channel = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/channels`,
    as: owner,
    body: { network: 'feed', title: `Feed ${site}`, siteUrl: `https://${site}` },
  });
  const channelId = channel.json().id as string;
  const media = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/media`,
    headers: { cookie: `nahbar_session=${owner.cookie}`, 'x-csrf-token': owner.csrf, 'content-type': 'image/png' },
    payload: PNG,
  });
  const mediaId = media.json().id as string;
  const post = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/posts`,
    as: owner,
    body: {
      text: `Beitrag von ${site}`,
      media: [{ mediaId, alt: 'Ein Punkt' }],
      targets: [{ channelId }],
      when: { mode: 'draft' },
    },
  });
  return { channelId, mediaId, postId: post.json().id as string, targetId: post.json().targets[0].id as string };
}

/** An inbox item with evidence and a reply template, written directly: ingest is not the point here. */
async function inboxIds(orgId: string, channelId: string, site: string) {
  const q = async (sql: string, values: unknown[]) => (await t.db.$client.query(sql, values)).rows[0].id as string;
  const inboxItemId = await q(
    `insert into inbox_items (org_id, channel_id, remote_id, kind, text, author_id, author_handle, received_at)
     values ($1, $2, $3, 'reply', $4, 'did:plc:x', '@leser', now()) returning id`,
    [orgId, channelId, `remote-${site}`, `Kommentar bei ${site}`],
  );
  const evidenceId = await q(
    `insert into inbox_evidence (org_id, item_id, action, reason, text, author_id, author_handle, remote_created_at, snapshot_html, raw, sha256)
     values ($1, $2, 'capture', 'Test', 'x', 'did:plc:x', '@leser', now(), '<p>x</p>', '{}', 'x') returning id`,
    [orgId, inboxItemId],
  );
  const templateId = await q(`insert into reply_templates (org_id, name, body) values ($1, $2, 'Hallo') returning id`, [
    orgId,
    `Baustein ${site}`,
  ]);
  // An answer waiting for approval: a stranger must neither see nor decide it.
  const pendingReplyId = await q(
    `insert into inbox_replies (org_id, item_id, text, state) values ($1, $2, $3, 'pending_approval') returning id`,
    [orgId, inboxItemId, `Antwort bei ${site}`],
  );
  return { inboxItemId, evidenceId, templateId, pendingReplyId };
}

/** A template, a Rubrik and an ICS subscription: the planning ids a route can name. */
async function planningIds(owner: Browser, orgId: string, channelId: string, site: string) {
  const create = async (url: string, body: unknown) =>
    (await call(t.app, { method: 'POST', url: `/api/orgs/${orgId}${url}`, as: owner, body })).json().id as string;
  return {
    postTemplateId: await create('/templates', { name: `Vorlage ${site}`, text: 'Hallo', channelIds: [channelId] }),
    seriesId: await create('/series', {
      name: `Rubrik ${site}`,
      channelIds: [channelId],
      weekday: 2,
      time: '10:00',
      startsOn: '2026-12-01',
    }),
    calendarFeedId: await create('/calendar/feeds', { label: `Abo ${site}` }),
  };
}

/** A person with a consent, a consent link and a takedown task, written directly. */
async function peopleIds(orgId: string, mediaId: string, postId: string, site: string) {
  const q = async (sql: string, values: unknown[]) => (await t.db.$client.query(sql, values)).rows[0].id as string;
  const personId = await q(
    `insert into people (org_id, display_name, kind, age_band) values ($1, $2, 'client', 'adult') returning id`,
    [orgId, `Person ${site}`],
  );
  const consentId = await q(
    `insert into consents (org_id, person_id, purpose, valid_from, form, given_by)
     values ($1, $2, 'social_media', '2026-01-01', 'written', '{person}') returning id`,
    [orgId, personId],
  );
  const consentRequestId = await q(
    `insert into consent_requests (org_id, person_id, purpose, signatory, token_hash, expires_at)
     values ($1, $2, 'social_media', 'person', $3, now() + interval '7 days') returning id`,
    [orgId, personId, `hash-${site}`],
  );
  await t.db.$client.query(`insert into media_people (media_id, person_id, org_id) values ($1, $2, $3)`, [
    mediaId,
    personId,
    orgId,
  ]);
  const takedownTaskId = await q(
    `insert into takedown_tasks (org_id, person_id, consent_id, post_id, kind, state, remote_url)
     values ($1, $2, $3, $4, 'manual', 'pending', 'https://${site}/x') returning id`,
    [orgId, personId, consentId, postId],
  );
  return { personId, consentId, consentRequestId, takedownTaskId };
}

/** An approval policy, a review with a comment and an external link, written directly. */
async function approvalIds(orgId: string, postId: string, site: string) {
  const q = async (sql: string, values: unknown[]) => (await t.db.$client.query(sql, values)).rows[0].id as string;
  const steps = JSON.stringify([
    { name: 'Leitung', roles: ['approver', 'external'], mode: 'any', deadlineHours: null },
  ]);
  const policyId = await q(
    `insert into approval_policies (org_id, name, steps, rules) values ($1, $2, $3, '{"always": true}') returning id`,
    [orgId, `Weg ${site}`, steps],
  );
  const reviewId = await q(
    `insert into post_reviews (org_id, post_id, policy_id, policy_name, steps, submitted_version)
     values ($1, $2, $3, $4, $5, 1) returning id`,
    [orgId, postId, policyId, `Weg ${site}`, steps],
  );
  const commentId = await q(
    `insert into post_comments (org_id, post_id, body, version) values ($1, $2, $3, 1) returning id`,
    [orgId, postId, `Kommentar ${site}`],
  );
  const reviewLinkId = await q(
    `insert into review_links (org_id, review_id, step, name, token_hash, expires_at)
     values ($1, $2, 0, 'Vorstand', $3, now() + interval '7 days') returning id`,
    [orgId, reviewId, `review-hash-${site}`],
  );
  return { policyId, reviewId, commentId, reviewLinkId };
}

/** An invitation left open, so the isolation checks have an invitation id to aim at. */
async function openInvitation(owner: Browser, orgId: string, email: string): Promise<string> {
  const response = await call(t.app, {
    method: 'POST',
    url: `/api/orgs/${orgId}/invitations`,
    as: owner,
    body: { email, roles: ['viewer'] },
  });
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  let orgA: string;
  ({ owner: ownerA, orgId: orgA } = await setUp(t.app, 'Träger A'));
  const memberA = await addMember(t, ownerA, orgA, ['editor'], 'Anton A');
  a = {
    orgId: orgA,
    userId: memberA.userId,
    invitationId: await openInvitation(ownerA, orgA, 'offen-a@example.org'),
    ...(await publishingIds(ownerA, orgA, 'a.example')),
  } as Ids;
  Object.assign(a, await inboxIds(orgA, a.channelId, 'a.example'));
  Object.assign(a, await planningIds(ownerA, orgA, a.channelId, 'a.example'));
  Object.assign(a, await peopleIds(orgA, a.mediaId, a.postId, 'a.example'));
  Object.assign(a, await approvalIds(orgA, a.postId, 'a.example'));
  // A's owner is also the privacy officer, so the privacy officer's routes are tried too.
  await t.db.$client.query(
    `update memberships set roles = '{owner,privacy_officer}' where org_id = $1 and user_id = $2`,
    [orgA, ownerA.userId],
  );

  // B's owner joins A only long enough to have an account, creates B and leaves A.
  const ownerB = await addMember(t, ownerA, orgA, ['viewer'], 'Berta B');
  const created = await call(t.app, { method: 'POST', url: '/api/orgs', as: ownerB, body: { name: 'Träger B' } });
  const orgB = created.json().id as string;
  await call(t.app, { method: 'DELETE', url: `/api/orgs/${orgA}/members/${ownerB.userId}`, as: ownerB });
  const bruno = await addMember(t, ownerB, orgB, ['editor'], 'Bruno B');
  memberB = bruno;
  bMemberEmail = bruno.email;
  b = {
    orgId: orgB,
    userId: bruno.userId,
    invitationId: await openInvitation(ownerB, orgB, 'offen-b@example.org'),
    ...(await publishingIds(ownerB, orgB, 'b.example')),
  } as Ids;
  Object.assign(b, await inboxIds(orgB, b.channelId, 'b.example'));
  Object.assign(b, await planningIds(ownerB, orgB, b.channelId, 'b.example'));
  Object.assign(b, await peopleIds(orgB, b.mediaId, b.postId, 'b.example'));
  Object.assign(b, await approvalIds(orgB, b.postId, 'b.example'));
  // B's post goes out, so takedown and the published state have something to aim at.
  await t.db.$client.query(
    `update post_targets set state = 'published', remote_id = id::text, published_at = now() where id = $1`,
    [b.targetId],
  );
});

/** Everything of B's that an attack could change. */
async function snapshotB() {
  const q = async (sql: string) => (await t.db.$client.query(sql, [b.orgId])).rows;
  return {
    org: await q('select name, time_zone, language from organisations where id = $1'),
    members: await q('select user_id, roles from memberships where org_id = $1 order by user_id'),
    invitations: await q(
      'select id, email, roles, accepted_at, revoked_at from invitations where org_id = $1 order by id',
    ),
    audit: await q('select count(*)::int as n from audit_log where org_id = $1'),
    mails: await q('select count(*)::int as n from mail_outbox where org_id = $1'),
    channels: await q(
      'select id, name, status, settings, target_interval_days from channels where org_id = $1 order by id',
    ),
    posts: await q('select id, text from posts where org_id = $1 order by id'),
    targets: await q(
      'select id, state, due_at, takedown_requested_at, post_id from post_targets where org_id = $1 order by id',
    ),
    media: await q('select id, size from media where org_id = $1 order by id'),
    inbox: await q(
      'select id, status, assignee_id, tags, hidden_at, answered_at from inbox_items where org_id = $1 order by id',
    ),
    inboxOther: await q(
      `select (select json_agg(state order by id) from inbox_replies where org_id = $1) as replies,
              (select count(*) from inbox_evidence where org_id = $1)::int as evidence,
              (select json_agg(json_build_object('name', name, 'body', body) order by id) from reply_templates where org_id = $1) as templates,
              (select row_to_json(s) from inbox_settings s where org_id = $1) as settings`,
    ),
    planning: await q(
      `select (select json_agg(json_build_object('name', name, 'text', text) order by id) from post_templates where org_id = $1) as templates,
              (select json_agg(json_build_object('name', name, 'active', active) order by id) from series where org_id = $1) as series,
              (select count(*) from posting_slots where org_id = $1)::int as slots,
              (select json_agg(json_build_object('id', id, 'revoked', revoked_at) order by id) from calendar_feeds where org_id = $1) as feeds,
              (select count(*) from post_versions where org_id = $1)::int as versions,
              (select json_agg(json_build_object('id', id, 'tags', tags, 'version', version, 'planned', planned_at) order by id) from posts where org_id = $1) as posts,
              (select json_agg(json_build_object('id', id, 'alt', alt) order by id) from media where org_id = $1) as media`,
    ),
    people: await q(
      `select (select json_agg(json_build_object('id', id, 'name', display_name, 'notes', notes, 'updated', updated_at) order by id) from people where org_id = $1) as people,
              (select json_agg(json_build_object('id', id, 'withdrawn', withdrawn_on, 'evidence', evidence_key) order by id) from consents where org_id = $1) as consents,
              (select json_agg(json_build_object('id', id, 'confirmed', confirmed_at, 'revoked', revoked_at) order by id) from consent_requests where org_id = $1) as requests,
              (select count(*) from media_people where org_id = $1)::int as tags,
              (select json_agg(row_to_json(r)) from media_people_reviews r where org_id = $1) as reviews,
              (select count(*) from post_people where org_id = $1)::int as named,
              (select json_agg(json_build_object('id', id, 'state', state) order by id) from takedown_tasks where org_id = $1) as takedowns,
              (select row_to_json(s) from privacy_settings s where org_id = $1) as settings`,
    ),
    approvals: await q(
      `select (select json_agg(json_build_object('id', id, 'name', name, 'active', active) order by id) from approval_policies where org_id = $1) as policies,
              (select json_agg(json_build_object('id', id, 'status', status, 'step', current_step) order by id) from post_reviews where org_id = $1) as reviews,
              (select count(*) from review_decisions where org_id = $1)::int as decisions,
              (select json_agg(json_build_object('id', id, 'resolved', resolved_at) order by id) from post_comments where org_id = $1) as comments,
              (select json_agg(json_build_object('id', id, 'used', used_at, 'revoked', revoked_at) order by id) from review_links where org_id = $1) as links`,
    ),
    jobs: (await t.db.$client.query('select count(*)::int as n from pgboss.job')).rows,
  };
}

function orgRoutes(): RegisteredRoute[] {
  return t.app.routeList.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/orgs/:orgId'));
}

/** Which kind of id a route's `:id` names, by the path segment before it. */
const ID_KINDS: Record<string, keyof Ids> = {
  invitations: 'invitationId',
  channels: 'channelId',
  posts: 'postId',
  targets: 'targetId',
  media: 'mediaId',
  inbox: 'inboxItemId',
  replies: 'pendingReplyId',
  'reply-templates': 'templateId',
  evidence: 'evidenceId',
  templates: 'postTemplateId',
  series: 'seriesId',
  feeds: 'calendarFeedId',
};

/** Route parameters named after what they are. */
const PARAM_KINDS: Record<string, keyof Ids> = {
  personId: 'personId',
  consentId: 'consentId',
  requestId: 'consentRequestId',
  taskId: 'takedownTaskId',
  policyId: 'policyId',
  reviewId: 'reviewId',
  commentId: 'commentId',
  linkId: 'reviewLinkId',
  mediaId: 'mediaId',
  postId: 'postId',
};

function fill(url: string, org: string, ids: Ids): string {
  return url.replace(/([\w-]+)\/:(\w+)/g, (_, segment: string, name: string) => {
    if (name === 'orgId') return `${segment}/${org}`;
    if (name === 'userId') return `${segment}/${ids.userId}`;
    if (name === 'channelId') return `${segment}/${ids.channelId}`;
    // Versions are numbered per post: B's post id already names what is foreign.
    if (name === 'version') return `${segment}/1`;
    const named = PARAM_KINDS[name];
    if (named) return `${segment}/${ids[named]}`;
    const kind = name === 'id' || name === 'evidenceId' ? ID_KINDS[segment] : undefined;
    if (!kind) throw new Error(`Teach the tenant-isolation test which of B's ids fits :${name} in ${url}`);
    return `${segment}/${ids[kind]}`;
  });
}

/** A route that names something besides the organisation. */
const HAS_ID = /:(?!orgId\b)\w+/;

function bodyFor(route: RegisteredRoute, ids: Ids): unknown {
  const key = `${route.method} ${route.url}`;
  const schema = route.schema?.body as ZodType | undefined;
  if (!schema) return undefined;
  const bodies = sampleBodies(ids);
  if (!(key in bodies)) throw new Error(`Add a valid sample body for ${key} to the tenant-isolation test`);
  // The body must pass validation, or a 400 would hide a missing permission check.
  expect(schema.safeParse(bodies[key]).success, `sample body for ${key} is valid`).toBe(true);
  return bodies[key];
}

function expectRefused(response: LightMyRequestResponse, label: string) {
  expect([403, 404], `${label} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
  for (const secret of [
    'Träger B',
    'Bruno B',
    bMemberEmail,
    'offen-b@example.org',
    'b.example',
    'Person b.example',
    'Weg b.example',
    'Kommentar b.example',
    b.channelId,
    b.targetId,
  ]) {
    expect(response.body, `${label} leaks ${secret}`).not.toContain(secret);
  }
}

describe('tenant isolation', () => {
  it('covers the organisation routes the app has', () => {
    const names = orgRoutes().map((r) => `${r.method} ${r.url}`);
    // A floor, not the list: the loop below walks whatever is registered.
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names).toContain('DELETE /api/orgs/:orgId/members/:userId');
  });

  it('refuses every organisation route with B’s ids to A’s owner and leaves B unchanged', async () => {
    const before = await snapshotB();
    for (const route of orgRoutes()) {
      for (const [org, label] of [
        [b.orgId, 'B org, B ids'],
        [a.orgId, 'A org, B ids'],
      ] as const) {
        if (org === a.orgId && !HAS_ID.test(route.url)) continue;
        const url = fill(route.url, org, b) + (SAMPLE_QUERIES[`${route.method} ${route.url}`] ?? '');
        const body = bodyFor(route, b);
        const response = await call(t.app, {
          method: route.method as 'GET',
          url,
          as: ownerA,
          ...(body !== undefined && { body }),
        });
        expectRefused(response, `${route.method} ${url} (${label})`);
      }
    }
    expect(await snapshotB()).toEqual(before);
  });

  it('refuses B’s org id with A’s member and invitation ids too', async () => {
    const before = await snapshotB();
    for (const route of orgRoutes().filter((r) => HAS_ID.test(r.url))) {
      const url = fill(route.url, b.orgId, a) + (SAMPLE_QUERIES[`${route.method} ${route.url}`] ?? '');
      const body = bodyFor(route, a);
      const response = await call(t.app, {
        method: route.method as 'GET',
        url,
        as: ownerA,
        ...(body !== undefined && { body }),
      });
      expectRefused(response, `${route.method} ${url} (B org, A ids)`);
    }
    expect(await snapshotB()).toEqual(before);
    const aMember = await t.db.$client.query('select roles from memberships where org_id = $1 and user_id = $2', [
      a.orgId,
      a.userId,
    ]);
    expect(aMember.rows[0].roles).toEqual(['editor']);
  });

  it('does not let A’s owner publish to B’s channel or attach B’s image from A’s own organisation', async () => {
    const before = await snapshotB();
    const count = async () => (await t.db.$client.query('select count(*)::int as n from posts')).rows[0].n;
    const posts = await count();
    for (const body of [
      { text: 'Fremder Kanal', targets: [{ channelId: b.channelId }], when: { mode: 'now' } },
      {
        text: 'Fremdes Bild',
        media: [{ mediaId: b.mediaId, alt: 'x' }],
        targets: [{ channelId: a.channelId }],
        when: { mode: 'now' },
      },
    ]) {
      const response = await call(t.app, { method: 'POST', url: `/api/orgs/${a.orgId}/posts`, as: ownerA, body });
      expectRefused(response, `POST A posts with ${JSON.stringify(body)}`);
    }
    expect(await count()).toBe(posts);
    expect(await snapshotB()).toEqual(before);
  });

  it('does not let A’s owner revoke a token of B’s member', async () => {
    const created = await call(t.app, { method: 'POST', url: '/api/tokens', as: memberB, body: { name: 'Bruno' } });
    const { id, token } = created.json();
    const response = await call(t.app, { method: 'DELETE', url: `/api/tokens/${id}`, as: ownerA });
    expect(response.statusCode).toBe(404);
    expect((await call(t.app, { url: `/api/orgs/${b.orgId}/members`, token })).statusCode).toBe(200);
    expect((await call(t.app, { url: '/api/tokens', as: ownerA })).body).not.toContain(id);
  });
});
