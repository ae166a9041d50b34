import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconExternalLink, IconPlugConnected, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/use-formatters.ts';
import { accountLabel } from './account-label.ts';
import { ChannelStatusBadge } from './channel-status-badge.tsx';
import { FeedUrls } from './feed-urls.tsx';
import { FreshnessWarning } from './freshness-warning.tsx';
import { InboxPollField } from './inbox-poll-field.tsx';
import { IntervalField } from './interval-field.tsx';
import { NetworkIcon } from './network-icon.tsx';
import { useVerifyChannel } from './use-channel-mutations.ts';

type Props = {
  orgId: string;
  timeZone: string;
  channel: Channel;
  manage: boolean;
  onReconnect: (channel: Channel) => void;
  onDisconnect: (channel: Channel) => void;
};

export function ChannelCard({ orgId, timeZone, channel, manage, onReconnect, onDisconnect }: Props) {
  const { t } = useTranslation('channels');
  const { formatDateTime } = useFormatters();
  const verify = useVerifyChannel(orgId);
  const titleId = `channel-${channel.id}`;
  const account = accountLabel(channel);
  const accountUrl = channel.feed ? channel.feed.siteUrl : channel.account.url;
  const troubled = channel.status !== 'connected' && channel.statusMessage;
  // A disconnected channel has no credentials left: it can only be connected again.
  const live = channel.status !== 'disconnected';

  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <NetworkIcon network={channel.network} size={28} />
            <Stack gap={2}>
              <Title order={2} size="h4" id={titleId}>
                {channel.name}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`networks.${channel.network}`)}
                {account && ' · '}
                {account && accountUrl ? (
                  <Anchor href={accountUrl} target="_blank" rel="noopener noreferrer" size="sm">
                    {account} <IconExternalLink size={12} role="img" aria-label={t('actions.openProfile')} />
                  </Anchor>
                ) : (
                  account
                )}
              </Text>
            </Stack>
          </Group>
          <ChannelStatusBadge status={channel.status} />
        </Group>

        {troubled && (
          <Text size="sm" role="status">
            <strong>{t('networkSays')}</strong> <q>{channel.statusMessage}</q>
          </Text>
        )}

        <Group component="dl" gap="xl" m={0}>
          <div>
            <Text component="dt" size="xs" c="dimmed">
              {t('facts.lastPost')}
            </Text>
            <Text component="dd" m={0} size="sm">
              {channel.lastPublishedAt ? formatDateTime(channel.lastPublishedAt, timeZone) : t('facts.noPostYet')}
            </Text>
          </div>
          <div>
            <Text component="dt" size="xs" c="dimmed">
              {t('facts.lastVerified')}
            </Text>
            <Text component="dd" m={0} size="sm">
              {channel.lastVerifiedAt ? formatDateTime(channel.lastVerifiedAt, timeZone) : t('facts.neverVerified')}
            </Text>
          </div>
        </Group>

        <FreshnessWarning channel={channel} />
        <IntervalField orgId={orgId} channel={channel} manage={manage} />
        {channel.network !== 'feed' && <InboxPollField orgId={orgId} channel={channel} manage={manage} />}
        {channel.feed && <FeedUrls feed={channel.feed} headingId={`${titleId}-feed`} />}

        {manage && (
          <Group gap="xs">
            {live && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={verify.isPending}
                onClick={() => verify.mutate(channel)}
                aria-label={t('actions.verifyFor', { name: channel.name })}
              >
                {t('actions.verify')}
              </Button>
            )}
            {channel.network !== 'feed' && (
              <Button
                variant="default"
                leftSection={<IconPlugConnected size={16} aria-hidden />}
                onClick={() => onReconnect(channel)}
                aria-label={t('actions.reconnectFor', { name: channel.name })}
              >
                {t('actions.reconnect')}
              </Button>
            )}
            {live && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => onDisconnect(channel)}
                aria-label={t('actions.disconnectFor', { name: channel.name })}
              >
                {t('actions.disconnect')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
