import { Box, Paper, Stack, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { splitThread } from '@nahbar/common/rules/post-text';
import { useTranslation } from 'react-i18next';
import type { DraftMedia } from '../composer-draft.ts';
import { AccountLine } from './account-line.tsx';
import { PreviewMediaGrid } from './media-grid.tsx';
import { RichText } from './rich-text.tsx';

type Props = { channel: Channel; text: string; media: DraftMedia[] };

/** Bluesky: a thread of replies, the images on the first post (as the engine publishes it). */
export function BlueskyPreview({ channel, text, media }: Props) {
  const { t } = useTranslation('posts');
  const parts = splitThread(text, channel.limits.maxChars, channel.limits.counting);
  return (
    <Stack gap={0}>
      {parts.map((part, index) => (
        <Paper
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
          key={index}
          p="sm"
          radius={0}
          withBorder
          style={{ borderTopWidth: index === 0 ? undefined : 0 }}
        >
          <Stack gap={6}>
            <AccountLine channel={channel} color="blue" />
            <Box pl={48}>
              <Stack gap={6}>
                <RichText text={part} />
                {index === 0 && <PreviewMediaGrid media={media} />}
                {parts.length > 1 && (
                  <Text size="xs" c="dimmed">
                    {t('preview.part', { number: index + 1, count: parts.length })}
                  </Text>
                )}
              </Stack>
            </Box>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
