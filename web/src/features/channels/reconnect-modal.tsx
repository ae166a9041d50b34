import { Button, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Channel } from '@nahbar/common';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppPasswordHelp } from './bluesky-connect-form.tsx';
import { channelsApi } from './channels-api.ts';
import { ConnectErrorAlert } from './connect-error-alert.tsx';
import { MastodonConnectForm } from './mastodon-connect-form.tsx';
import { useStoreChannel } from './use-channel-mutations.ts';

type Props = { orgId: string; channel: Channel | null; onClose: () => void };

export function ReconnectModal({ orgId, channel, onClose }: Props) {
  const { t } = useTranslation('channels');
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={channel ? t('reconnect.title', { name: channel.name }) : ''}
    >
      {channel?.network === 'bluesky' && <BlueskyReconnect orgId={orgId} channel={channel} onDone={onClose} />}
      {channel?.network === 'mastodon' && (
        <Stack>
          <Text size="sm">{t('reconnect.mastodonText')}</Text>
          <MastodonConnectForm orgId={orgId} channelId={channel.id} initialInstance={instanceOf(channel)} />
        </Stack>
      )}
      {channel?.network === 'feed' && <Text>{t('reconnect.feedText')}</Text>}
    </Modal>
  );
}

/** The instance is the host of the account's profile page. */
function instanceOf(channel: Channel): string {
  try {
    return channel.account.url ? new URL(channel.account.url).host : '';
  } catch {
    return '';
  }
}

function BlueskyReconnect({ orgId, channel, onDone }: { orgId: string; channel: Channel; onDone: () => void }) {
  const { t } = useTranslation(['channels', 'common']);
  const store = useStoreChannel(orgId);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { appPassword: '' },
    validate: { appPassword: (v: string) => (v.trim() ? null : t('common:validation.required')) },
  });
  const reconnect = useMutation({
    mutationFn: (appPassword: string) => channelsApi.reconnect(orgId, channel.id, appPassword),
    onSuccess: (updated) => {
      store(updated);
      notifications.show({ color: 'green', message: t('reconnect.done', { name: updated.name }) });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => reconnect.mutate(v.appPassword.trim()))} noValidate>
      <Stack>
        <ConnectErrorAlert error={reconnect.error} />
        <Text size="sm">{t('reconnect.blueskyText')}</Text>
        <PasswordInput
          label={t('bluesky.appPassword')}
          required
          autoComplete="off"
          key={form.key('appPassword')}
          {...form.getInputProps('appPassword')}
        />
        <AppPasswordHelp />
        <Button type="submit" loading={reconnect.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('reconnect.submit')}
        </Button>
      </Stack>
    </form>
  );
}
