import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { CalendarEntry } from '@nahbar/common';
import { IconArrowsMove, IconLock } from '@tabler/icons-react';
import { type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { TargetStateBadge } from '../posts/target-state-badge.tsx';
import classes from './calendar.module.css';
import { localParts } from './calendar-dates.ts';
import { writeDraggedPost } from './drag-data.ts';

type Props = {
  entry: CalendarEntry;
  timeZone: string;
  /** compact: month and week cells; full: the list, with author, Rubrik and campaigns. */
  variant: 'compact' | 'full';
  /** The entry can move and the person may move it. */
  canMove: boolean;
  onMoveRequest: (entry: CalendarEntry) => void;
};

/** One post at one moment: a link to the composer, draggable when it can still move. */
export function EntryCard({ entry, timeZone, variant, canMove, onMoveRequest }: Props) {
  const { t } = useTranslation('calendar');
  const reasonId = useId();
  const [dragging, setDragging] = useState(false);
  const { time } = localParts(entry.at, timeZone);
  const excerpt = entry.excerpt.trim() || t('entry.noText');
  const locked = !entry.movable;
  const full = variant === 'full';
  const states = [...new Set(entry.targets.map((target) => target.state))];
  const networks = [...new Set(entry.targets.map((target) => target.network))];
  const channelNames = entry.targets.map((target) => target.channelName).join(', ');

  const onDragStart = (event: DragEvent<HTMLDivElement>) => {
    writeDraggedPost(event, { postId: entry.postId, at: entry.at });
    // Changing the drag source during dragstart can cancel the drag in Chromium; dim it a frame later.
    requestAnimationFrame(() => setDragging(true));
  };

  const badges = (
    <Group gap={4} mt={full ? 0 : 4}>
      {states.map((state) => (
        <TargetStateBadge key={state} target={{ state, dueAt: null }} timeZone={timeZone} size={full ? 'lg' : 'xs'} />
      ))}
    </Group>
  );

  const card = (
    // biome-ignore lint/a11y/noStaticElementInteractions: dragging is the pointer way; keyboards use the "Verschieben" button
    <div
      className={classes.entry}
      draggable={canMove}
      data-locked={locked || undefined}
      data-dragging={dragging || undefined}
      onDragStart={canMove ? onDragStart : undefined}
      onDragEnd={() => setDragging(false)}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        {entry.thumbUrl && (
          <img
            src={entry.thumbUrl}
            alt=""
            className={full ? `${classes.thumb} ${classes.thumbLarge}` : classes.thumb}
          />
        )}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={4} wrap="nowrap" justify="space-between">
            <Group gap={4} wrap="nowrap">
              <Text size="xs" fw={700} component="span">
                {time}
              </Text>
              {networks.map((network) => (
                <NetworkIcon key={network} network={network} size={14} />
              ))}
              {locked && <IconLock size={13} aria-hidden />}
              <VisuallyHidden>{t('entry.channels', { names: channelNames })}</VisuallyHidden>
            </Group>
            {canMove && !full && (
              <Tooltip label={t('entry.move')} openDelay={300}>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('entry.moveLabel', { excerpt })}
                  onClick={() => onMoveRequest(entry)}
                >
                  <IconArrowsMove size={14} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          <Anchor
            component={Link}
            to={paths.post(entry.postId)}
            size="xs"
            className={full ? `${classes.excerpt} ${classes.excerptLong}` : classes.excerpt}
            aria-describedby={locked ? reasonId : undefined}
          >
            {excerpt}
          </Anchor>
          {locked && (
            <VisuallyHidden id={reasonId} component="span">
              {t('entry.locked')}
            </VisuallyHidden>
          )}
          {full && badges}
          {full && <EntryDetails entry={entry} channelNames={channelNames} />}
          {full && canMove && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconArrowsMove size={14} aria-hidden />}
              aria-label={t('entry.moveLabel', { excerpt })}
              onClick={() => onMoveRequest(entry)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('entry.move')}
            </Button>
          )}
        </Stack>
      </Group>
      {/* In a day cell the badges get the card's whole width, beside the picture they were cut off. */}
      {!full && badges}
    </div>
  );

  // Fixed entries say why on hover and on focus; screen readers get it through aria-describedby.
  return locked ? (
    <Tooltip label={t('entry.locked')} multiline w={240} events={{ hover: true, focus: true, touch: true }}>
      {card}
    </Tooltip>
  ) : (
    card
  );
}

function EntryDetails({ entry, channelNames }: { entry: CalendarEntry; channelNames: string }) {
  const { t } = useTranslation('calendar');
  return (
    <Group gap={6}>
      <Text size="xs" c="dimmed">
        {channelNames}
      </Text>
      {entry.authorName && (
        <Text size="xs" c="dimmed">
          {t('list.author', { name: entry.authorName })}
        </Text>
      )}
      {entry.seriesName && (
        <Text size="xs" c="dimmed">
          {t('list.series', { name: entry.seriesName })}
        </Text>
      )}
      {entry.mediaCount > 0 && (
        <Text size="xs" c="dimmed">
          {t('list.media', { count: entry.mediaCount })}
        </Text>
      )}
      {entry.tags.map((tag) => (
        <Badge key={tag} size="sm" variant="outline" color="gray" c="var(--mantine-color-text)">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
