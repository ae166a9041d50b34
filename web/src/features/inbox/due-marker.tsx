import { Group, Text } from '@mantine/core';
import type { InboxItem } from '@nahbar/common';
import { IconClock, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';

/** Due and overdue times in the organisation's time zone: the response targets are its working days. */
export function DueMarker({ item, timeZone }: { item: InboxItem; timeZone: string }) {
  const { t } = useTranslation('inbox');
  const { formatDateTime } = useFormatters();
  if (item.status !== 'open' || !item.dueAt) return null;
  const when = formatDateTime(item.dueAt, timeZone);
  if (item.overdue) {
    return (
      <Group gap={4} wrap="nowrap">
        <IconClockExclamation size={16} aria-hidden color="var(--mantine-color-red-7)" />
        <Text size="sm" fw={600} c="red.8">
          {t('item.overdueSince', { when })}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <IconClock size={16} aria-hidden />
      <Text size="sm" c="dimmed">
        {t('item.dueBy', { when })}
      </Text>
    </Group>
  );
}
