import { addDays } from '../common/src/rules/local-date.ts';
import { isoToZonedWallTime, wallTimeToEpoch } from '../common/src/rules/zoned-time.ts';
import { appendBenchmarkRow, percentile, startBenchApp, startBenchDatabase } from './bench-common.ts';

const POSTS = Number(process.env.BENCH_POSTS ?? 5_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 240);
const TZ = 'Europe/Berlin';

const bench = await startBenchDatabase('calendar', 8);
const { db } = bench;
const q = (text: string, values: unknown[] = []) => db.$client.query(text, values);

const { app, orgId, ownerId, headers } = await startBenchApp(bench);

try {
  const { rows: chans } = await q(
    `insert into channels (org_id, network, name, status, target_interval_days, created_at)
     select $1, (array['bluesky','mastodon','feed'])[g], (array['Bluesky','Mastodon','Website'])[g], 'connected', 3 + g * 2,
       now() - interval '400 days'
     from generate_series(1, 3) g returning id`,
    [orgId],
  );
  const channelIds = chans.map((c) => c.id as string);
  await q(
    `insert into posting_slots (org_id, channel_id, weekday, time)
     select $1, c, w, t from unnest($2::uuid[]) c, unnest(array[2, 4]) w, unnest(array['10:00', '16:30']) t`,
    [orgId, channelIds],
  );
  const { rows: images } = await q(
    `insert into media (org_id, kind, mime, width, height, size, bytes)
     select $1, 'image', 'image/jpeg', 1200, 800, 4, '\\xffd8ffd9'::bytea from generate_series(1, 300) returning id`,
    [orgId],
  );
  const { rows: series } = await q(
    `insert into series (org_id, name, channel_ids, weekday, time, interval_weeks, starts_on)
     values ($1, 'Mitarbeitende stellen sich vor', $2, 2, '10:00', 2, current_date) returning id`,
    [orgId, channelIds.slice(0, 2)],
  );

  // 5 000 posts, one every ~105 minutes from six months back to six months ahead.
  const fill = Date.now();
  await q(
    `insert into posts (org_id, author_id, text, tags, planned_at, series_id, created_at)
     select $1, case when g % 3 = 0 then $2::uuid end,
       'Beitrag ' || g || ': Offener Treff, Beratung und Ferienprogramm im Stadtteil – alle sind willkommen, '
         || 'bitte weitersagen. Mehr auf unserer Website und im Aushang am Eingang.',
       case when g % 7 = 0 then array['Sommerfest 2026'] when g % 11 = 0 then array['Ferien', 'Familie'] else '{}' end,
       case when moment > now() and g % 5 = 0 then moment end,
       case when moment > now() and g % 5 = 0 and g % 10 = 0 then $3::uuid end,
       moment - interval '3 days'
     from (select g, now() - interval '182 days' + g * (interval '365 days' / $4::int) as moment
           from generate_series(1, $4::int) g) s`,
    [orgId, ownerId, series[0]!.id, POSTS],
  );
  // Targets: one to three channels per post; past ones published (a few failed or cancelled),
  // future ones scheduled, every fifth future post a draft at its planned day.
  await q(
    `insert into post_targets (org_id, post_id, channel_id, state, due_at, published_at)
     select $1, p.id, c.id, st,
       case when st in ('draft') then null else m end,
       case when st = 'published' then m + interval '2 seconds' end
     from (select id, created_at + interval '3 days' as m, planned_at, row_number() over (order by created_at) as g
           from posts where org_id = $1) p
     cross join lateral (select id, ord from unnest($2::uuid[]) with ordinality as u(id, ord)) c
     cross join lateral (select case
         when p.planned_at is not null then 'draft'
         when p.m > now() then 'scheduled'
         when p.g % 41 = 0 then 'failed'
         when p.g % 37 = 0 then 'cancelled'
         else 'published' end as st) s
     where c.ord <= 1 + (p.g % 3)`,
    [orgId, channelIds],
  );
  await q(
    `insert into post_media (post_id, position, org_id, media_id, alt)
     select p.id, 0, $1, ($2::uuid[])[1 + (row_number() over () % 300)::int], 'Bild'
     from posts p where p.org_id = $1 and abs(hashtext(p.id::text)) % 4 = 0`,
    [orgId, images.map((i) => i.id)],
  );
  await q('analyze');
  const counts = await q(
    `select (select count(*) from posts) posts, (select count(*) from post_targets) targets,
       (select count(*) from post_media) media`,
  );
  console.log(`filled in ${((Date.now() - fill) / 1000).toFixed(1)} s:`, counts.rows[0]);

  // Month windows as the month view asks: Monday before the 1st, six weeks, org time zone.
  const today = isoToZonedWallTime(Date.now(), TZ).date;
  const months = Array.from({ length: 12 }, (_, i) => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 1 - 6 + i, 1)).toISOString().slice(0, 10);
    const weekday = new Date(`${first}T00:00:00Z`).getUTCDay() || 7;
    const start = addDays(first, 1 - weekday);
    return {
      from: new Date(wallTimeToEpoch({ date: start, time: '00:00' }, TZ)).toISOString(),
      to: new Date(wallTimeToEpoch({ date: addDays(start, 42), time: '00:00' }, TZ)).toISOString(),
    };
  });
  const filters = ['', '', '', `channelId=${channelIds[0]}`, 'state=scheduled,failed', 'tag=Sommerfest 2026'];
  const get = async (i: number) => {
    const month = months[i % months.length]!;
    const extra = filters[Math.floor(i / months.length) % filters.length]!;
    const query = new URLSearchParams({ ...month, ...Object.fromEntries(new URLSearchParams(extra)) });
    const started = performance.now();
    const res = await app.inject({ url: `/api/orgs/${orgId}/calendar?${query}`, headers });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`calendar ${query}: ${res.statusCode} ${res.body}`);
    return { ms, entries: (res.json() as { entries: unknown[] }).entries.length };
  };
  for (let i = 0; i < 24; i += 1) await get(i); // warm up: JIT, pool, plan cache
  const timings: number[] = [];
  let entries = 0;
  for (let i = 0; i < REQUESTS; i += 1) {
    const r = await get(i);
    timings.push(r.ms);
    entries += r.entries;
  }
  timings.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(timings, p).toFixed(1));
  const avgEntries = Math.round(entries / REQUESTS);
  console.log(
    `calendar: p50 ${p50} ms · p95 ${p95} ms · p99 ${p99} ms over ${REQUESTS} requests, ~${avgEntries} entries each`,
  );
  const row = appendBenchmarkRow(
    'calendar',
    `month window (6 weeks) over ${POSTS} posts / ${counts.rows[0].targets} targets on 3 channels, 12 months, ${REQUESTS} requests (every month, ¼ with channel/state/tag filters), ~${avgEntries} entries each: p50 ${p50} ms · p95 ${p95} ms · p99 ${p99} ms`,
    'p95 ≤ 30 ms',
    'app.inject in the bench process',
  );
  console.log(row);
} finally {
  await app.close();
  await bench.close();
}
