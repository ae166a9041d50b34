import { Stack } from '@mantine/core';
import type { CalendarEntry } from '@nahbar/common';
import { zonedWallTimeToIso } from '@nahbar/common/rules/zoned-time';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { calendarApi, calendarKeys } from './calendar-api.ts';
import { addDays, addMonths, localParts, todayIn, windowFor } from './calendar-dates.ts';
import { entriesByDay } from './calendar-entries.ts';
import { CalendarFilterBar } from './calendar-filters.tsx';
import { CalendarToolbar } from './calendar-toolbar.tsx';
import type { DraggedPost } from './drag-data.ts';
import { FeedsModal } from './feeds-modal.tsx';
import { freeSlotsByDay } from './free-slots.ts';
import { GapSummary } from './gap-summary.tsx';
import { gapsByChannel, gapsByDay } from './gaps.ts';
import { ListView } from './list-view.tsx';
import { LiveRegion, useLiveRegion } from './live-region.tsx';
import { MonthView, type ViewProps } from './month-view.tsx';
import { MoveModal } from './move-modal.tsx';
import { useCalendarFormat } from './use-calendar-format.ts';
import { toApiFilters, useCalendarParams } from './use-calendar-params.ts';
import { useFilterOptions } from './use-filter-options.ts';
import { useMovePost } from './use-move-post.ts';
import { viewDays } from './view-days.ts';
import { WeekView } from './week-view.tsx';

/** Kalender: month, week and list in the organisation's zone; drag (or "Verschieben") to move. */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const { org, allowed } = useOrgAccess();
  const readable = Boolean(org) && allowed('posts.read');
  const orgId = org?.id ?? '';
  const timeZone = org?.timeZone ?? 'Europe/Berlin';
  const format = useCalendarFormat();
  const [params, setParams] = useCalendarParams();
  const [message, announce] = useLiveRegion();
  const [moving, setMoving] = useState<CalendarEntry | null>(null);
  const [subscribing, setSubscribing] = useState(false);

  const today = todayIn(timeZone);
  const anchor = params.date ?? today;
  const days = viewDays(params.view, anchor);
  const window = windowFor(days, timeZone);
  const filters = toApiFilters(params);
  const queryKey = calendarKeys.window(orgId, window, filters);
  const calendar = useQuery({
    queryKey,
    queryFn: () => calendarApi.get(orgId, window, filters),
    enabled: readable,
    placeholderData: keepPreviousData,
  });
  const options = useFilterOptions(orgId, readable, calendar.data, params);
  const describe = (at: string) => {
    const { date, time } = localParts(at, timeZone);
    return `${format.fullDay(date)}, ${time}`;
  };
  const move = useMovePost({ orgId, queryKey, describe, announce });

  const data = calendar.data;
  const entries = useMemo(() => entriesByDay(data?.entries ?? [], timeZone), [data, timeZone]);
  const gapDays = useMemo(() => gapsByDay(data?.gaps ?? [], options.channelName), [data, options.channelName]);

  if (!org || !readable) return <NoPermission />;

  const title = params.view === 'week' ? format.week(days[0] ?? anchor, days[6] ?? anchor) : format.month(anchor);
  const step = (direction: -1 | 0 | 1) => {
    if (direction === 0) return setParams({ date: null });
    setParams({ date: params.view === 'week' ? addDays(anchor, 7 * direction) : addMonths(anchor, direction) });
  };
  const canMove = (entry: CalendarEntry) =>
    entry.movable &&
    (allowed('posts.publish') || (allowed('posts.draft') && entry.targets.every((target) => target.state === 'draft')));
  const onDropPost = ({ postId, at }: DraggedPost, date: string) => {
    const from = localParts(at, timeZone);
    // The day changes, the time of day stays.
    if (from.date === date) return;
    move.mutate({ postId, fromAt: at, at: zonedWallTimeToIso({ date, time: from.time }, timeZone), source: 'drop' });
  };
  const viewProps: ViewProps = {
    days,
    caption: t(params.view === 'week' ? 'week.caption' : 'month.caption', { title }),
    today,
    timeZone,
    entries,
    gaps: gapDays,
    canMove,
    onMoveRequest: setMoving,
    onDropPost,
  };
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description', { timeZone })} />
      <CalendarToolbar
        view={params.view}
        title={title}
        onView={(view) => setParams({ view })}
        onStep={step}
        onSubscribe={() => setSubscribing(true)}
      />
      <CalendarFilterBar
        value={params}
        onChange={setParams}
        channels={options.channels}
        tags={options.tags}
        authors={options.authors}
      />
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.isPending && <PageLoader />}
      {data && (
        <>
          <GapSummary channels={gapsByChannel(data.gaps, options.channelName)} />
          {params.view === 'month' && <MonthView {...viewProps} month={anchor} />}
          {params.view === 'week' && (
            <WeekView
              {...viewProps}
              freeSlots={freeSlotsByDay(days, data, options.channels, params.channelId, Date.now())}
            />
          )}
          {params.view === 'list' && <ListView {...viewProps} filtered={filtered} />}
        </>
      )}
      <LiveRegion message={message} />
      <FeedsModal orgId={orgId} opened={subscribing} onClose={() => setSubscribing(false)} />
      {moving && (
        <MoveModal
          entry={moving}
          timeZone={timeZone}
          onClose={() => setMoving(null)}
          onMove={(at) => move.mutateAsync({ postId: moving.postId, fromAt: moving.at, at, source: 'dialog' })}
        />
      )}
    </Stack>
  );
}
