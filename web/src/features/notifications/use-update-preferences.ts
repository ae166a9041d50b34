import { notifications as toasts } from '@mantine/notifications';
import type { DeliveryMode, NotificationPreferences, NotificationType } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notificationKeys, notificationsApi } from './notifications-api.ts';

type Change = { type: NotificationType; mode: DeliveryMode };

/**
 * Saves one type's choice at once: the radio shows it before the server answers, and a failure puts
 * back only that type, so a quick second change elsewhere is not undone with it.
 */
export function useUpdatePreferences() {
  const { t } = useTranslation('notifications');
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: notificationKeys.preferences,
    mutationFn: ({ type, mode }: Change) => notificationsApi.updatePreferences({ [type]: mode }),
    onMutate: async ({ type, mode }) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.preferences });
      const before = queryClient.getQueryData<NotificationPreferences>(notificationKeys.preferences);
      queryClient.setQueryData<NotificationPreferences>(notificationKeys.preferences, (old) =>
        old ? { modes: { ...old.modes, [type]: mode } } : old,
      );
      return { previousMode: before?.modes[type] };
    },
    onError: (error, { type }, context) => {
      const previousMode = context?.previousMode;
      if (previousMode) {
        queryClient.setQueryData<NotificationPreferences>(notificationKeys.preferences, (old) =>
          old ? { modes: { ...old.modes, [type]: previousMode } } : old,
        );
      }
      toasts.show({ color: 'red', message: t('settings.saveFailed', { message: error.message }) });
    },
    onSuccess: (_saved, { type, mode }) => {
      toasts.show({
        color: 'petrol',
        message: t('settings.saved', { type: t(`types.${type}.label`), mode: t(`modes.${mode}`) }),
      });
    },
    // The server's answer is the truth, but only once nothing else is in flight (it would flicker back).
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: notificationKeys.preferences }) <= 1) {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.preferences });
      }
    },
  });
}
