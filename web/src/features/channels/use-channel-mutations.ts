import { notifications } from '@mantine/notifications';
import type { Channel } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/server-errors.ts';
import { channelKeys, channelsApi } from './channels-api.ts';

/** Keeps the cached list in step with a channel the server just returned. */
export function useStoreChannel(orgId: string) {
  const queryClient = useQueryClient();
  return (channel: Channel) =>
    queryClient.setQueryData<Channel[]>(channelKeys.list(orgId), (old) => {
      if (!old) return [channel];
      return old.some((c) => c.id === channel.id)
        ? old.map((c) => (c.id === channel.id ? channel : c))
        : [...old, channel];
    });
}

export function useVerifyChannel(orgId: string) {
  const { t } = useTranslation('channels');
  const store = useStoreChannel(orgId);
  return useMutation({
    mutationFn: (channel: Channel) => channelsApi.verify(orgId, channel.id),
    onSuccess: (channel) => {
      store(channel);
      if (channel.status === 'connected') {
        notifications.show({ color: 'green', message: t('verify.ok', { name: channel.name }) });
      } else {
        const message = channel.statusMessage ?? t(`status.${channel.status}`);
        notifications.show({ color: 'red', message: t('verify.problem', { name: channel.name, message }) });
      }
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}

export function useUpdateInterval(orgId: string) {
  const { t } = useTranslation('channels');
  const store = useStoreChannel(orgId);
  return useMutation({
    mutationFn: ({ id, days }: { id: string; days: number }) =>
      channelsApi.update(orgId, id, { targetIntervalDays: days }),
    onSuccess: (channel) => {
      store(channel);
      notifications.show({ color: 'petrol', message: t('interval.saved', { count: channel.targetIntervalDays }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}

export function useUpdateInboxPoll(orgId: string) {
  const { t } = useTranslation('channels');
  const store = useStoreChannel(orgId);
  return useMutation({
    mutationFn: ({ id, minutes }: { id: string; minutes: number | null }) =>
      channelsApi.update(orgId, id, { inboxPollMinutes: minutes }),
    onSuccess: (channel) => {
      store(channel);
      notifications.show({ color: 'petrol', message: t('inboxPoll.saved') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}
