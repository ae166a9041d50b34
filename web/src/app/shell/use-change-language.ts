import { notifications } from '@mantine/notifications';
import type { User } from '@nahbar/common';
import { useCallback } from 'react';
import { api } from '../api.ts';
import { applyLanguage, type UiLanguage } from '../i18n.ts';
import { updateSessionUser } from '../session.tsx';

/** Signed in: switch at once, then remember the choice on the account so it follows the person. */
export function useChangeLanguage() {
  return useCallback(async (language: UiLanguage) => {
    await applyLanguage(language);
    try {
      updateSessionUser(await api.patch<User>('/me', { language }));
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
}
