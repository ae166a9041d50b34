import { Button, Card, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Channel, Language, NetworkId } from '@nahbar/common';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlueskyConnectForm } from './bluesky-connect-form.tsx';
import { FeedConnectForm } from './feed-connect-form.tsx';
import { MastodonConnectForm } from './mastodon-connect-form.tsx';
import { NetworkIcon } from './network-icon.tsx';
import { useStoreChannel } from './use-channel-mutations.ts';

// The order of the choices; spelled out here so the page does not pull zod in with the schemas.
const NETWORKS: NetworkId[] = ['bluesky', 'mastodon', 'feed'];

type Props = { orgId: string; language: Language; opened: boolean; onClose: () => void };

export function AddChannelModal({ orgId, language, opened, onClose }: Props) {
  const { t } = useTranslation('channels');
  const [network, setNetwork] = useState<NetworkId | null>(null);
  const store = useStoreChannel(orgId);
  const close = () => {
    setNetwork(null);
    onClose();
  };
  const connected = (channel: Channel) => {
    store(channel);
    notifications.show({ color: 'green', message: t('connected', { name: channel.name }) });
    close();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={network ? `${t('addModal.title')}: ${t(`networks.${network}`)}` : t('addModal.title')}
    >
      {network === null ? (
        <Stack gap="sm">
          <Text>{t('addModal.choose')}</Text>
          {NETWORKS.map((id) => (
            <UnstyledButton key={id} onClick={() => setNetwork(id)} aria-describedby={`choice-${id}`}>
              <Card withBorder padding="md" radius="md">
                <Group wrap="nowrap" gap="md">
                  <NetworkIcon network={id} size={32} />
                  <Stack gap={2}>
                    <Text fw={650}>{t(`networks.${id}`)}</Text>
                    <Text size="sm" c="dimmed" id={`choice-${id}`}>
                      {t(`addModal.choices.${id}`)}
                    </Text>
                  </Stack>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </Stack>
      ) : (
        <Stack>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={() => setNetwork(null)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('addModal.back')}
          </Button>
          {network === 'bluesky' && <BlueskyConnectForm orgId={orgId} onConnected={connected} />}
          {network === 'mastodon' && <MastodonConnectForm orgId={orgId} />}
          {network === 'feed' && <FeedConnectForm orgId={orgId} language={language} onConnected={connected} />}
        </Stack>
      )}
    </Modal>
  );
}
