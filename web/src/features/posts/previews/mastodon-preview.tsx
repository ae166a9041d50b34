import { Box, Button, Paper, Stack, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { splitThread } from '@nahbar/common/rules/post-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftMedia } from '../composer-draft.ts';
import { AccountLine } from './account-line.tsx';
import { PreviewMediaGrid } from './media-grid.tsx';
import { RichText } from './rich-text.tsx';

type Props = { channel: Channel; text: string; contentWarning: string; media: DraftMedia[] };

/** Mastodon: with a content warning the post is collapsed behind it until one clicks "Mehr anzeigen". */
export function MastodonPreview({ channel, text, contentWarning, media }: Props) {
  const { t } = useTranslation('posts');
  const [open, setOpen] = useState(false);
  const cw = channel.limits.contentWarning ? contentWarning.trim() : '';
  const parts = channel.limits.threads ? splitThread(text, channel.limits.maxChars, channel.limits.counting) : [text];
  return (
    <Stack gap={0}>
      {parts.map((part, index) => (
        <Paper
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
          key={index}
          p="sm"
          radius={0}
          withBorder
          bg="var(--mantine-color-gray-0)"
          style={{ borderTopWidth: index === 0 ? undefined : 0 }}
        >
          <Stack gap={6}>
            <AccountLine channel={channel} color="violet" />
            <Box>
              {cw ? (
                <Stack gap={6}>
                  <Text size="sm" fw={600}>
                    {cw}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="default"
                    aria-expanded={open}
                    onClick={() => setOpen((v) => !v)}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {open ? t('preview.showLess') : t('preview.showMore')}
                  </Button>
                  {open && <RichText text={part} />}
                </Stack>
              ) : (
                <RichText text={part} />
              )}
              {index === 0 && (!cw || open) && (
                <Box mt={6}>
                  <PreviewMediaGrid media={media} />
                </Box>
              )}
            </Box>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
