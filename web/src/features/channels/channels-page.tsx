import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Channel } from '@nahbar/common';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { AddChannelModal } from './add-channel-modal.tsx';
import { ChannelCard } from './channel-card.tsx';
import { channelKeys, channelsApi } from './channels-api.ts';
import { DisconnectModal } from './disconnect-modal.tsx';
import { OauthReturnNotice } from './oauth-return-notice.tsx';
import { ReconnectModal } from './reconnect-modal.tsx';

function disconnectedLast(a: Channel, b: Channel): number {
  return Number(a.status === 'disconnected') - Number(b.status === 'disconnected');
}

export function ChannelsPage() {
  const { t } = useTranslation('channels');
  const { org, allowed } = useOrgAccess();
  const [adding, setAdding] = useState(false);
  const [reconnecting, setReconnecting] = useState<Channel | null>(null);
  const [disconnecting, setDisconnecting] = useState<Channel | null>(null);
  const orgId = org?.id ?? '';
  const channels = useQuery({
    queryKey: channelKeys.list(orgId),
    queryFn: () => channelsApi.list(orgId),
    enabled: Boolean(org) && allowed('channels.read'),
    // The worker changes status and last post in the background: ask again on every visit.
    staleTime: 0,
  });
  if (!org || !allowed('channels.read')) return <NoPermission />;
  const manage = allowed('channels.manage');

  return (
    <Stack gap={0} maw={1100}>
      <Group justify="space-between" align="flex-start">
        <PageHeader title={t('title')} description={t('description')} />
        {manage && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        )}
      </Group>
      <OauthReturnNotice channels={channels.data} />
      {channels.isPending && <PageLoader />}
      {channels.isError && <QueryError error={channels.error} onRetry={() => void channels.refetch()} />}
      {channels.data?.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      {channels.data && channels.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {[...channels.data].sort(disconnectedLast).map((channel) => (
            <ChannelCard
              key={channel.id}
              orgId={org.id}
              timeZone={org.timeZone}
              channel={channel}
              manage={manage}
              onReconnect={setReconnecting}
              onDisconnect={setDisconnecting}
            />
          ))}
        </SimpleGrid>
      )}
      {manage && (
        <>
          <AddChannelModal orgId={org.id} language={org.language} opened={adding} onClose={() => setAdding(false)} />
          <ReconnectModal orgId={org.id} channel={reconnecting} onClose={() => setReconnecting(null)} />
          <DisconnectModal orgId={org.id} channel={disconnecting} onClose={() => setDisconnecting(null)} />
        </>
      )}
    </Stack>
  );
}
