import { Stack, Text, Title } from '@mantine/core';
import type { Channel, MembershipSummary } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../channels/network-icon.tsx';
import { type ComposerDraft, effectiveText } from '../composer-draft.ts';
import { BlueskyPreview } from './bluesky-preview.tsx';
import { FeedPreview } from './feed-preview.tsx';
import { MastodonPreview } from './mastodon-preview.tsx';

type Props = { org: MembershipSummary; draft: ComposerDraft; chosen: Channel[] };

/** How the post will look at each chosen network: plain cards, nothing loaded from the networks. */
export function PostPreviews({ draft, chosen }: Props) {
  const { t } = useTranslation('posts');
  return (
    <Stack gap="md" component="section" aria-labelledby="preview-title">
      <Title order={3} size="h4" id="preview-title">
        {t('preview.title')}
      </Title>
      {chosen.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('preview.empty')}
        </Text>
      )}
      {chosen.map((channel) => {
        const text = effectiveText(draft, channel.id);
        return (
          <Stack key={channel.id} gap={6}>
            <Text size="sm" fw={600} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
              <NetworkIcon network={channel.network} size={16} />
              {t('preview.at', { name: channel.name })}
            </Text>
            {channel.network === 'bluesky' && <BlueskyPreview channel={channel} text={text} media={draft.media} />}
            {channel.network === 'mastodon' && (
              <MastodonPreview
                channel={channel}
                text={text}
                contentWarning={draft.contentWarnings[channel.id] ?? ''}
                media={draft.media}
              />
            )}
            {channel.network === 'feed' && <FeedPreview channel={channel} text={text} media={draft.media} />}
          </Stack>
        );
      })}
    </Stack>
  );
}
