import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import type { DraftMedia } from '../composer-draft.ts';
import { PreviewMediaGrid } from './media-grid.tsx';
import { RichText } from './rich-text.tsx';

type Props = { channel: Channel; text: string; media: DraftMedia[] };

/** The website feed: an article teaser, its first line as the headline. */
export function FeedPreview({ channel, text, media }: Props) {
  const { t } = useTranslation('posts');
  const [first = '', ...rest] = text.trim().split('\n');
  const body = rest.join('\n').trim();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      {media[0] && <PreviewMediaGrid media={media.slice(0, 1)} radius="0" />}
      <Box p="md">
        <Stack gap={6}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
            {channel.name}
          </Text>
          <Title order={4} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {first || t('preview.untitled')}
          </Title>
          {body && (
            <Box style={{ maxHeight: 110, overflow: 'hidden' }}>
              <RichText text={body} />
            </Box>
          )}
          <Text size="sm" c="blue.8" fw={600}>
            {t('preview.readMore')}
          </Text>
        </Stack>
      </Box>
    </Paper>
  );
}
