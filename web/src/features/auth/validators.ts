import { useTranslation } from 'react-i18next';

/** Client-side checks mirroring the shared contract; the server checks again and has the last word. */
export function useAuthValidators() {
  const { t } = useTranslation();
  return {
    required: (value: string) => (value.trim() ? null : t('validation.required')),
    email: (value: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email')),
    newPassword: (value: string) => (value.length >= 10 ? null : t('validation.passwordLength')),
    totp: (value: string) => (/^\d{6}$/.test(value.trim()) ? null : t('validation.totp')),
  };
}
