import { notifications } from '@mantine/notifications';
import type { Calendar } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/server-errors.ts';
import { calendarApi, calendarKeys } from './calendar-api.ts';
import { withEntryMoved } from './calendar-entries.ts';

export type MoveRequest = {
  postId: string;
  fromAt: string;
  at: string;
  /** A drop shows errors as a notification; the dialog shows them itself. */
  source: 'drop' | 'dialog';
};

type Options = {
  orgId: string;
  queryKey: readonly unknown[];
  describe: (at: string) => string;
  announce: (message: string) => void;
};

/** Moves a post at once on screen; the server's answer confirms it, or the old place comes back. */
export function useMovePost({ orgId, queryKey, describe, announce }: Options) {
  const { t } = useTranslation('calendar');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, at }: MoveRequest) => calendarApi.move(orgId, postId, at),
    onMutate: async ({ postId, fromAt, at }) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<Calendar>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, withEntryMoved(previous, postId, fromAt, at));
      return { previous };
    },
    onError: (error, { source }, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      const message = errorMessage(error);
      announce(t('move.failed', { message }));
      if (source === 'drop') notifications.show({ color: 'red', title: t('move.failedTitle'), message });
    },
    onSuccess: (_post, { at }) => announce(t('move.done', { when: describe(at) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all(orgId) }),
  });
}
