import { Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const FORMATS = ['rss', 'atom', 'json'] as const;

export function FeedUrls({ feed, headingId }: { feed: NonNullable<Channel['feed']>; headingId: string }) {
  const { t } = useTranslation('channels');
  return (
    <Stack gap={6} component="section" aria-labelledby={headingId}>
      <Title order={3} size="h6" id={headingId}>
        {t('feed.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('feed.hint')}
      </Text>
      {FORMATS.map((format) => (
        <Group key={format} gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} w={80} style={{ flexShrink: 0 }}>
            {t(`feed.${format}`)}
          </Text>
          <Code style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{feed[format]}</Code>
          <CopyButton value={feed[format]}>
            {({ copied, copy }) => (
              <Button
                size="compact-sm"
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                aria-label={t('feed.copyFor', { format: t(`feed.${format}`) })}
              >
                {copied ? t('feed.copied') : t('feed.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      ))}
    </Stack>
  );
}
