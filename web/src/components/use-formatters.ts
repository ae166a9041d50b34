import { useTranslation } from 'react-i18next';

/** Dates in the UI language; pass the organisation's time zone where times matter (audit, outbox). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return {
    formatDate: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso)),
    formatDateTime: (iso: string, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)),
  };
}
