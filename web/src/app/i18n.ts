import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import deApprovals from '../locales/de/approvals.json';
import deAudit from '../locales/de/audit.json';
import deAuth from '../locales/de/auth.json';
import deCalendar from '../locales/de/calendar.json';
import deChannels from '../locales/de/channels.json';
import deCommon from '../locales/de/common.json';
import deInbox from '../locales/de/inbox.json';
import deMedia from '../locales/de/media.json';
import deNotifications from '../locales/de/notifications.json';
import deOverview from '../locales/de/overview.json';
import dePeople from '../locales/de/people.json';
import dePosts from '../locales/de/posts.json';
import deRoles from '../locales/de/roles.json';
import deSettings from '../locales/de/settings.json';
import enApprovals from '../locales/en/approvals.json';
import enAudit from '../locales/en/audit.json';
import enAuth from '../locales/en/auth.json';
import enCalendar from '../locales/en/calendar.json';
import enChannels from '../locales/en/channels.json';
import enCommon from '../locales/en/common.json';
import enInbox from '../locales/en/inbox.json';
import enMedia from '../locales/en/media.json';
import enNotifications from '../locales/en/notifications.json';
import enOverview from '../locales/en/overview.json';
import enPeople from '../locales/en/people.json';
import enPosts from '../locales/en/posts.json';
import enRoles from '../locales/en/roles.json';
import enSettings from '../locales/en/settings.json';

export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'nahbar.language';

export const resources = {
  de: {
    common: deCommon,
    auth: deAuth,
    roles: deRoles,
    overview: deOverview,
    settings: deSettings,
    audit: deAudit,
    channels: deChannels,
    posts: dePosts,
    inbox: deInbox,
    media: deMedia,
    calendar: deCalendar,
    notifications: deNotifications,
    people: dePeople,
    approvals: deApprovals,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    roles: enRoles,
    overview: enOverview,
    settings: enSettings,
    audit: enAudit,
    channels: enChannels,
    posts: enPosts,
    inbox: enInbox,
    media: enMedia,
    calendar: enCalendar,
    notifications: enNotifications,
    people: enPeople,
    approvals: enApprovals,
  },
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** German unless the person chose otherwise on this device before (the browser locale is not a choice). */
function initialLanguage(): UiLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked; German is fine then.
  }
  return 'de';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'de',
  ns: Object.keys(resources.de),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

/** Switches the UI language and remembers it on this device. Signed-in users also persist it on the server. */
export async function applyLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignore: the choice still applies for this visit
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'de';
}
