import type { Calendar } from '@nahbar/common';
import { useQuery } from '@tanstack/react-query';
import { channelKeys, channelsApi } from '../channels/channels-api.ts';
import { settingsApi, keys as settingsKeys } from '../settings/settings-api.ts';
import { calendarApi, calendarKeys } from './calendar-api.ts';
import type { CalendarParams } from './use-calendar-params.ts';

/**
 * Choices for the filters: channels, campaigns and authors of the organisation. What the loaded
 * calendar shows (and what the address asks for) is always among them, even when a list is
 * still loading or not available to this person.
 */
export function useFilterOptions(
  orgId: string,
  enabled: boolean,
  calendar: Calendar | undefined,
  params: CalendarParams,
) {
  const channels = useQuery({ queryKey: channelKeys.list(orgId), queryFn: () => channelsApi.list(orgId), enabled });
  const tags = useQuery({
    queryKey: calendarKeys.tags(orgId),
    queryFn: () => calendarApi.tags(orgId),
    enabled,
    retry: false,
  });
  const members = useQuery({
    queryKey: settingsKeys.members(orgId),
    queryFn: () => settingsApi.members(orgId),
    enabled,
    retry: false,
  });

  const tagSet = new Set((tags.data ?? []).map((t) => t.tag));
  for (const entry of calendar?.entries ?? []) for (const tag of entry.tags) tagSet.add(tag);
  if (params.tag) tagSet.add(params.tag);

  const authors = new Map((members.data ?? []).map((m) => [m.userId, m.name]));
  for (const entry of calendar?.entries ?? []) {
    if (entry.authorId && entry.authorName && !authors.has(entry.authorId))
      authors.set(entry.authorId, entry.authorName);
  }

  const channelNames = new Map((channels.data ?? []).map((c) => [c.id, c.name]));
  for (const entry of calendar?.entries ?? []) {
    for (const target of entry.targets)
      if (!channelNames.has(target.channelId)) channelNames.set(target.channelId, target.channelName);
  }

  return {
    channels: channels.data ?? [],
    channelName: (id: string) => channelNames.get(id) ?? '—',
    tags: [...tagSet].sort((a, b) => a.localeCompare(b)),
    authors: [...authors].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
