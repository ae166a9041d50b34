import { useTranslation } from 'react-i18next';
import { dayAsUtcDate, isoWeekNumber } from './calendar-dates.ts';

// Local days are formatted as UTC dates: the day is already the organisation's day, so the
// browser's own zone must not shift it.
const UTC = 'UTC';

/** Calendar words in the UI language: "November 2026", "KW 48 · 23.–29. November 2026", "Dienstag, 24. November 2026". */
export function useCalendarFormat() {
  const { t, i18n } = useTranslation('calendar');
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: UTC });
  const fullDay = fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const monthYear = fmt({ month: 'long', year: 'numeric' });
  const dayMonthYear = fmt({ day: 'numeric', month: 'long', year: 'numeric' });
  const weekdayLong = fmt({ weekday: 'long' });
  const weekdayShort = fmt({ weekday: 'short' });
  const shortDate = fmt({ day: 'numeric', month: 'numeric' });
  // 2024-01-01 was a Monday: the ISO weekday n is January n.
  const weekdayDate = (isoWeekday: number) => new Date(Date.UTC(2024, 0, isoWeekday));

  return {
    fullDay: (date: string) => fullDay.format(dayAsUtcDate(date)),
    month: (date: string) => monthYear.format(dayAsUtcDate(date)),
    week: (first: string, last: string) =>
      t('heading.week', {
        week: isoWeekNumber(first),
        range: dayMonthYear.formatRange(dayAsUtcDate(first), dayAsUtcDate(last)),
      }),
    range: (first: string, last: string) => dayMonthYear.formatRange(dayAsUtcDate(first), dayAsUtcDate(last)),
    shortDate: (date: string) => shortDate.format(dayAsUtcDate(date)),
    weekdayLong: (isoWeekday: number) => weekdayLong.format(weekdayDate(isoWeekday)),
    weekdayShort: (isoWeekday: number) => weekdayShort.format(weekdayDate(isoWeekday)).replace(/\.$/, ''),
  };
}
