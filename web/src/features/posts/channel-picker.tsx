import { Anchor, Checkbox, Group, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NetworkIcon } from '../channels/network-icon.tsx';

type Props = {
  channels: Channel[];
  selected: string[];
  onSelectedChange: (ids: string[]) => void;
  /** Already at the network: cannot be taken out of the post any more. */
  locked: string[];
  readOnly: boolean;
  error?: string | null;
};

/** Where the post goes. Counts and issues per channel sit under the text, where one writes. */
export function ChannelPicker({ channels, selected, onSelectedChange, locked, readOnly, error }: Props) {
  const { t } = useTranslation('posts');
  if (channels.length === 0) {
    return (
      <Text size="sm">
        {t('composer.noChannels')}{' '}
        <Anchor component={Link} to="/kanaele">
          {t('composer.toChannels')}
        </Anchor>
      </Text>
    );
  }
  return (
    <Checkbox.Group
      label={t('composer.channels')}
      value={selected}
      onChange={readOnly ? undefined : onSelectedChange}
      error={error}
      readOnly={readOnly}
    >
      <Group gap="lg" mt="xs">
        {channels.map((channel) => (
          <Checkbox
            key={channel.id}
            value={channel.id}
            disabled={locked.includes(channel.id) || (readOnly && !selected.includes(channel.id))}
            label={
              <Group gap={6} wrap="nowrap" component="span">
                <NetworkIcon network={channel.network} size={18} />
                {channel.name}
                {channel.status !== 'connected' && (
                  <Text span size="xs" c="dimmed">
                    ({t(`composer.channelStatus.${channel.status}`)})
                  </Text>
                )}
              </Group>
            }
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
