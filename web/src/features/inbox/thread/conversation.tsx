import { Stack, Text, Title } from '@mantine/core';
import type { InboxItem } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../components/use-formatters.ts';
import { atHandle } from '../handle.ts';

/** The rest of the conversation at the network, oldest first, so the comment is read in context. */
export function Conversation({ items, timeZone }: { items: InboxItem[]; timeZone: string }) {
  const { t } = useTranslation('inbox');
  const { formatDateTime } = useFormatters();
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('thread.conversation')}>
      <Title order={3} size="h5">
        {t('thread.conversation')}
      </Title>
      {items.map((c) => (
        <Stack key={c.id} gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          <Text size="xs" c="dimmed">
            <strong>{atHandle(c.author.handle)}</strong> · {formatDateTime(c.receivedAt, timeZone)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.text}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
