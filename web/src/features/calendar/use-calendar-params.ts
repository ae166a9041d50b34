import { useSearchParams } from 'react-router';
import type { CalendarFilters } from './calendar-api.ts';
import { isLocalDate } from './calendar-dates.ts';

export type CalendarView = 'month' | 'week' | 'list';

export type CalendarParams = {
  view: CalendarView;
  /** The day the view is anchored on; null: today in the organisation's zone. */
  date: string | null;
  channelId: string | null;
  states: string[];
  tag: string | null;
  authorId: string | null;
};

// German words in the address, like the paths: a link to "?ansicht=woche&datum=2026-11-24"
// can be read and shared.
const VIEW_WORDS: Record<CalendarView, string> = { month: 'monat', week: 'woche', list: 'liste' };
const KEYS = {
  view: 'ansicht',
  date: 'datum',
  channelId: 'kanal',
  states: 'status',
  tag: 'kampagne',
  authorId: 'autor',
} as const;

function readView(word: string | null): CalendarView {
  const found = (Object.keys(VIEW_WORDS) as CalendarView[]).find((view) => VIEW_WORDS[view] === word);
  return found ?? 'month';
}

/** View, day and filters live in the address, so reload, back and a shared link show the same calendar. */
export function useCalendarParams(): [CalendarParams, (patch: Partial<CalendarParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const date = search.get(KEYS.date);
  const params: CalendarParams = {
    view: readView(search.get(KEYS.view)),
    date: isLocalDate(date) ? date : null,
    channelId: search.get(KEYS.channelId),
    states: (search.get(KEYS.states) ?? '').split(',').filter(Boolean),
    tag: search.get(KEYS.tag),
    authorId: search.get(KEYS.authorId),
  };

  const update = (patch: Partial<CalendarParams>) => {
    const next = { ...params, ...patch };
    const out = new URLSearchParams();
    if (next.view !== 'month') out.set(KEYS.view, VIEW_WORDS[next.view]);
    if (next.date) out.set(KEYS.date, next.date);
    if (next.channelId) out.set(KEYS.channelId, next.channelId);
    if (next.states.length > 0) out.set(KEYS.states, next.states.join(','));
    if (next.tag) out.set(KEYS.tag, next.tag);
    if (next.authorId) out.set(KEYS.authorId, next.authorId);
    setSearch(out, { replace: false });
  };

  return [params, update];
}

export function toApiFilters(params: CalendarParams): CalendarFilters {
  const filters: CalendarFilters = {};
  if (params.channelId) filters.channelId = params.channelId;
  if (params.states.length > 0) filters.state = params.states.join(',');
  if (params.tag) filters.tag = params.tag;
  if (params.authorId) filters.authorId = params.authorId;
  return filters;
}
