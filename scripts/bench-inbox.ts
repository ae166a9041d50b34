import path from 'node:path';
import { readInstance } from '../server/src/channels/mastodon/instance.ts';
import { startMastodonFake } from '../server/src/test/mastodon-contract-fake.ts';
import { appendBenchmarkRow, percentile, startBenchApp, startBenchDatabase } from './bench-common.ts';

const _root = path.resolve(import.meta.dirname, '..');
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const INGEST = Number(process.env.BENCH_INGEST ?? 5_000);

const bench = await startBenchDatabase('inbox', 8);
const { db } = bench;
const fake = await startMastodonFake({ instant: true });
const q = (text: string, values: unknown[] = []) => db.$client.query(text, values);

const { deps, app, orgId, ownerId, headers } = await startBenchApp(bench, { allowPrivateNetworks: true });

try {
  // Seven colleagues who answer, and four channels.
  const { rows: editors } = await q(
    `insert into users (email, name, password_hash) select 'editor' || g || '@bench.example', 'Editor ' || g, 'x'
     from generate_series(1, 7) g returning id`,
  );
  await q(`insert into memberships (org_id, user_id, roles) select $1, unnest($2::uuid[]), array['editor']`, [
    orgId,
    editors.map((e) => e.id),
  ]);
  const assignees = [ownerId, ...editors.map((e) => e.id as string)];
  const { rows: chans } = await q(
    `insert into channels (org_id, network, name, status) select $1, n, 'Kanal ' || g, 'connected'
     from generate_series(1, 4) g, lateral (select case when g % 2 = 0 then 'bluesky' else 'mastodon' end as n) x
     returning id`,
    [orgId],
  );
  const channelIds = chans.map((c) => c.id as string);

  // 1 000 000 items, one per ~minute back over two years. Recent ones are mostly open; of the
  // older ones a few were forgotten (open and long overdue). Classes roughly as on a busy page.
  const fill = Date.now();
  const CHUNK = 100_000;
  for (let start = 0; start < ITEMS; start += CHUNK) {
    await q(
      `insert into inbox_items (org_id, channel_id, remote_id, kind, text, author_id, author_handle, received_at,
         classes, primary_class, priority, status, assignee_id, due_at, answered_at, response_ms)
       select $1, ($2::uuid[])[1 + (g % 4)], 'bench-' || g, (array['reply','reply','reply','mention','message'])[1 + (g % 5)],
         'Kommentar Nummer ' || g || ' zu unserem Beitrag', 'author-' || (g % 50000), 'person' || (g % 50000) || '@social.example',
         rcv, case when cls is null then '{}'::text[] else array[cls] end, cls,
         case cls when 'crisis' then 3 when 'hostile' then 2 when 'counselling' then 2 when 'question' then 1 when 'criticism' then 1 else 0 end,
         st, case when r2 < 0.3 then ($3::uuid[])[1 + (g % 8)] end, rcv + interval '3 hours',
         case when st in ('answered', 'no_answer_needed') then rcv + interval '95 minutes' end,
         case when st in ('answered', 'no_answer_needed') then 5700000 end
       from (
         select g, date_trunc('milliseconds', now() - g * interval '1 minute' - random() * interval '50 seconds') as rcv,
           random() as r1, random() as r2, random() as r3
         from generate_series($4::int, $5::int) g
       ) s,
       lateral (select
         case when r1 < 0.005 then 'crisis' when r1 < 0.045 then 'hostile' when r1 < 0.06 then 'counselling'
              when r1 < 0.26 then 'question' when r1 < 0.33 then 'criticism' when r1 < 0.45 then 'praise' end as cls,
         case when g < 5000 then (case when r3 < 0.5 then 'open' when r3 < 0.85 then 'answered' when r3 < 0.97 then 'no_answer_needed' else 'escalated' end)
              else (case when r3 < 0.03 then 'open' when r3 < 0.85 then 'answered' when r3 < 0.97 then 'no_answer_needed' else 'escalated' end) end as st
       ) c`,
      [orgId, channelIds, assignees, start + 1, Math.min(ITEMS, start + CHUNK)],
    );
    process.stdout.write(`\rinserted ${Math.min(ITEMS, start + CHUNK)} items`);
  }
  await q('analyze inbox_items');
  const fillSeconds = (Date.now() - fill) / 1000;
  console.log(` in ${fillSeconds.toFixed(0)} s`);

  // 2 000 list requests: mixed filters, first pages and pages further down via `next`.
  const filters = [
    '',
    'status=open',
    'status=answered',
    'status=escalated',
    'assignedToMe=true',
    'assignedToMe=true&status=open',
    'overdue=true',
    `channelId=${channelIds[0]}`,
    `channelId=${channelIds[1]}&status=open`,
    'class=question',
    'class=crisis',
    'class=hostile&status=open',
  ];
  const timings: number[] = [];
  const perFilter = new Map<string, number[]>();
  let sent = 0;
  while (sent < REQUESTS) {
    const filter = filters[sent % filters.length]!;
    const pages = 1 + Math.floor(Math.random() * 5);
    let next: string | null = null;
    for (let p = 0; p < pages && sent < REQUESTS; p += 1) {
      const query: string = [filter, 'limit=50', next ? `after=${next}` : ''].filter(Boolean).join('&');
      const started = performance.now();
      const res: { statusCode: number; body: string; json: () => unknown } = await app.inject({
        url: `/api/orgs/${orgId}/inbox?${query}`,
        headers,
      });
      const ms = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`list ${query}: ${res.statusCode} ${res.body}`);
      timings.push(ms);
      perFilter.set(filter, [...(perFilter.get(filter) ?? []), ms]);
      sent += 1;
      next = (res.json() as { next: string | null }).next;
      if (!next) break;
    }
  }
  timings.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(timings, p).toFixed(1));
  for (const [filter, list] of perFilter) {
    list.sort((a, b) => a - b);
    console.log(`  ${(filter || '(none)').padEnd(48)} p95 ${percentile(list, 95).toFixed(1)} ms`);
  }
  console.log(`list: p50 ${p50} ms · p95 ${p95} ms · p99 ${p99} ms over ${timings.length} requests`);

  // Loaded here: the list numbers stand even while the classifier's exports are in flux.
  const { ingestChannel } = await import('../server/src/modules/inbox/ingest.ts');
  // Ingest: our post at the fake, then INGEST replies to it from other accounts.
  const settings = await readInstance(fake.url);
  const token = fake.issueToken('jugendhilfe');
  const ourPost = fake.postAs('jugendhilfe', { text: 'Sommerfest am Samstag!' });
  const ours = fake.statuses('jugendhilfe')[0]!;
  const { rows: chan } = await q(
    `insert into channels (org_id, network, name, account_id, credentials, settings, status)
     values ($1, 'mastodon', 'Mastodon Bench', $2, $3, $4, 'connected') returning id`,
    [orgId, '0', deps.box.seal(JSON.stringify({ accessToken: token })), JSON.stringify(settings)],
  );
  const ingestChannelId = chan[0]!.id as string;
  const { rows: postRows } = await q(`insert into posts (org_id, text) values ($1, $2) returning id`, [
    orgId,
    ours.text,
  ]);
  await q(
    `insert into post_targets (org_id, post_id, channel_id, state, remote_id, remote_parts, published_at)
     values ($1, $2, $3, 'published', $4, $5, now())`,
    [orgId, postRows[0]!.id, ingestChannelId, ourPost, JSON.stringify([ourPost])],
  );
  // A first reply sets the cursor (a new channel takes only the newest page, by design).
  fake.postAs('leser0', { text: 'Erste Antwort', inReplyToId: ourPost });
  await ingestChannel(deps, ingestChannelId);
  const questions = ['Wann geht es los?', 'Danke, tolle Arbeit!', 'Das finde ich nicht gut.', 'Kann man spenden?'];
  for (let i = 1; i <= INGEST; i += 1) {
    fake.postAs(`leser${i % 500}`, { text: `${questions[i % questions.length]} (${i})`, inReplyToId: ourPost });
  }
  const ingestStart = performance.now();
  let ingested = 0;
  for (;;) {
    const { fetched } = await ingestChannel(deps, ingestChannelId);
    if (fetched === 0) break;
    ingested += fetched;
  }
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  const perSecond = ingested / ingestSeconds;
  const { rows: linked } = await q(
    'select count(*)::int as n from inbox_items where channel_id = $1 and post_target_id is not null',
    [ingestChannelId],
  );
  console.log(
    `ingest: ${ingested} items in ${ingestSeconds.toFixed(1)} s = ${perSecond.toFixed(0)}/s, linked ${linked[0]!.n}`,
  );

  const result =
    `list over ${ITEMS} items in one organisation, ${timings.length} requests (12 filter mixes, pages 1–5, 50 per page): p50 ${p50} ms · p95 ${p95} ms · p99 ${p99} ms; ` +
    `ingest from the Mastodon contract fake (instant) through ingestChannel: ${ingested} replies in ${ingestSeconds.toFixed(1)} s = ${perSecond.toFixed(0)} items/s`;
  console.log(
    appendBenchmarkRow('inbox', result, 'p95 ≤ 30 ms', 'app.inject in the bench process, peer in the bench process'),
  );
  if (Number(p95) > 30 || ingested < INGEST) process.exitCode = 1;
} finally {
  await app.close();
  await deps.mailer.idle();
  deps.mailer.close();
  await fake.close();
  await bench.close();
}
