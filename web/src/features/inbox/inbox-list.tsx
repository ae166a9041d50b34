import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { InboxItem } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../components/use-formatters.ts';
import { NetworkIcon } from '../channels/network-icon.tsx';
import { ClassBadges, HiddenBadge, InboxStatusBadge } from './class-badges.tsx';
import { DueMarker } from './due-marker.tsx';
import { atHandle } from './handle.ts';

type Props = {
  items: InboxItem[];
  selectedId: string | null;
  timeZone: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
};

export function InboxList({ items, selectedId, timeZone, hasMore, loadingMore, onLoadMore }: Props) {
  const { t } = useTranslation('inbox');
  return (
    <Stack gap="xs">
      {items.length === 0 && <Text c="dimmed">{t('list.empty')}</Text>}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('list.label')}>
        {items.map((item) => (
          <li key={item.id}>
            <InboxRow item={item} selected={item.id === selectedId} timeZone={timeZone} />
          </li>
        ))}
      </Stack>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loadingMore} style={{ alignSelf: 'center' }}>
          {t('list.more')}
        </Button>
      )}
    </Stack>
  );
}

function InboxRow({ item, selected, timeZone }: { item: InboxItem; selected: boolean; timeZone: string }) {
  const { t } = useTranslation(['inbox', 'channels']);
  const { formatDateTime } = useFormatters();
  const crisis = item.classes.includes('crisis');
  const border = crisis ? 'var(--mantine-color-red-6)' : selected ? 'var(--mantine-color-petrol-6)' : undefined;
  return (
    <Card
      component={Link}
      to={`/posteingang/${item.id}`}
      aria-current={selected ? 'true' : undefined}
      withBorder
      padding="sm"
      radius="md"
      style={{
        display: 'block',
        borderColor: border,
        borderWidth: border ? 2 : undefined,
        background: selected ? 'var(--mantine-color-petrol-0)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <NetworkIcon network={item.network} size={18} />
            <Text fw={600} size="sm" truncate>
              {item.author.displayName ?? item.author.handle}
            </Text>
            <Text size="sm" c="dimmed" truncate>
              {atHandle(item.author.handle)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatDateTime(item.receivedAt, timeZone)}
          </Text>
        </Group>
        <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
        <Group gap="xs" wrap="wrap">
          <ClassBadges classes={item.classes} />
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <InboxStatusBadge status={item.status} />
            {item.hiddenAt && <HiddenBadge />}
            <DueMarker item={item} timeZone={timeZone} />
          </Group>
          <Text size="xs" c="dimmed">
            {t(`inbox:kind.${item.kind}`)} · {item.channelName}
            {item.assignee && ` · ${t('inbox:item.assignedTo', { name: item.assignee.name })}`}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
