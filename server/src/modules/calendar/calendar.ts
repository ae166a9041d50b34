import { type Calendar, type CalendarQuery, type Language, TARGET_STATES, type TargetState } from '@nahbar/common';
import type { Deps } from '../../deps.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { loadChannelPlanning } from './calendar-channels.ts';
import { loadEntries } from './calendar-entries.ts';
import { orgTimeZone } from './org-time-zone.ts';

/** The list view asks for up to 100 days; more would be a report, not a calendar. */
const MAX_RANGE_MS = 100 * 86_400_000;

function parseStates(raw: string | undefined, language: Language): TargetState[] | null {
  if (!raw) return null;
  const states = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = states.filter((s) => !(TARGET_STATES as readonly string[]).includes(s));
  if (unknown.length || states.length === 0) {
    throw new AppError('validation_failed', [
      fieldError(
        'state',
        'invalid',
        {
          de: `Unbekannter Status: ${unknown.join(', ') || '(leer)'}`,
          en: `Unknown state: ${unknown.join(', ') || '(empty)'}`,
        },
        language,
      ),
    ]);
  }
  return states as TargetState[];
}

/** The calendar window: entries, gaps and posting slots, in the organisation's time zone. */
export async function getCalendar(
  deps: Deps,
  orgId: string,
  query: CalendarQuery,
  language: Language,
): Promise<Calendar> {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw new AppError('calendar_range');
  }
  const states = parseStates(query.state, language);
  // The entries (the big read) on one pooled connection; the zone and then gaps and slots on
  // another, side by side: the window costs about one statement's time.
  const [entries, { timeZone, planning }] = await Promise.all([
    loadEntries(deps.db, orgId, {
      from,
      to,
      states,
      channelId: query.channelId,
      tag: query.tag,
      authorId: query.authorId,
    }),
    orgTimeZone(deps.db, orgId).then(async (timeZone) => ({
      timeZone,
      planning: await loadChannelPlanning(deps.db, orgId, {
        from,
        to,
        now: deps.clock(),
        timeZone,
        channelId: query.channelId,
      }),
    })),
  ]);
  return { timeZone, entries, ...planning };
}
