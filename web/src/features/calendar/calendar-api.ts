import type { Calendar, CalendarFeed, ChannelSlots, Post, PostingSlot, Series } from '@nahbar/common';
import { api, apiRequest } from '../../app/api.ts';

const org = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;
const enc = encodeURIComponent;

export type CalendarFilters = { channelId?: string; state?: string; tag?: string; authorId?: string };
export type CalendarWindow = { from: string; to: string };
/** What the Rubrik form sends: always every field, so create and edit share it. */
export type SeriesInput = Pick<
  Series,
  'name' | 'text' | 'tags' | 'channelIds' | 'weekday' | 'time' | 'intervalWeeks' | 'startsOn' | 'endsOn' | 'active'
>;
export type CreatedFeed = CalendarFeed & { url: string };
export type TagCount = { tag: string; count: number };

/** Query keys under ['org', orgId] so switching organisation never mixes data. */
export const calendarKeys = {
  all: (orgId: string) => ['org', orgId, 'calendar'] as const,
  window: (orgId: string, window: CalendarWindow, filters: CalendarFilters) =>
    ['org', orgId, 'calendar', window, filters] as const,
  slots: (orgId: string, channelId: string) => ['org', orgId, 'slots', channelId] as const,
  series: (orgId: string) => ['org', orgId, 'series'] as const,
  feeds: (orgId: string) => ['org', orgId, 'calendar-feeds'] as const,
  tags: (orgId: string) => ['org', orgId, 'post-tags'] as const,
};

function calendarPath(orgId: string, window: CalendarWindow, filters: CalendarFilters): string {
  const search = new URLSearchParams({ from: window.from, to: window.to });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  return `${org(orgId)}/calendar?${search.toString()}`;
}

export const calendarApi = {
  get: (orgId: string, window: CalendarWindow, filters: CalendarFilters) =>
    api.get<Calendar>(calendarPath(orgId, window, filters)),
  move: (orgId: string, postId: string, at: string) =>
    api.post<Post>(`${org(orgId)}/posts/${enc(postId)}/move`, { at }),
  tags: (orgId: string) => api.get<TagCount[]>(`${org(orgId)}/posts/tags`),

  slots: (orgId: string, channelId: string) => api.get<ChannelSlots>(`${org(orgId)}/channels/${enc(channelId)}/slots`),
  putSlots: (orgId: string, channelId: string, slots: PostingSlot[]) =>
    apiRequest<ChannelSlots>('PUT', `${org(orgId)}/channels/${enc(channelId)}/slots`, { body: { slots } }),

  series: (orgId: string) => api.get<Series[]>(`${org(orgId)}/series`),
  createSeries: (orgId: string, input: SeriesInput) => api.post<Series>(`${org(orgId)}/series`, input),
  updateSeries: (orgId: string, id: string, input: Partial<SeriesInput>) =>
    api.patch<Series>(`${org(orgId)}/series/${enc(id)}`, input),
  deleteSeries: (orgId: string, id: string) => api.delete(`${org(orgId)}/series/${enc(id)}`),

  feeds: (orgId: string) => api.get<CalendarFeed[]>(`${org(orgId)}/calendar/feeds`),
  createFeed: (orgId: string, input: { label?: string | null }) =>
    api.post<CreatedFeed>(`${org(orgId)}/calendar/feeds`, input),
  revokeFeed: (orgId: string, id: string) => api.delete(`${org(orgId)}/calendar/feeds/${enc(id)}`),
};
