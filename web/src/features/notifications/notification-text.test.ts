import type { Notification, NotificationType } from '@nahbar/common';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../locales/de/notifications.json';
import en from '../../locales/en/notifications.json';
import { notificationText } from './notification-text.ts';
import { NOTIFICATION_TYPES } from './notification-types.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { de: { notifications: de }, en: { notifications: en } },
  lng: 'de',
  ns: ['notifications'],
  defaultNS: 'notifications',
  interpolation: { escapeValue: false },
});

const note = (type: NotificationType, params: Record<string, string>): Notification => ({
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  organisationName: 'Stadtteiltreff',
  type,
  params,
  link: '/beitraege/00000000-0000-4000-8000-000000000003',
  createdAt: '2026-03-10T12:00:00Z',
  readAt: null,
});

const text = (language: 'de' | 'en', notification: Notification) =>
  notificationText(i18n.getFixedT(language, 'notifications'), notification);

describe('notification text', () => {
  it('words a failed publication with post, channel and reason in German and English', () => {
    const failed = note('publish_failed', { post: 'Sommerfest', channel: 'Mastodon @treff', reason: 'Bild zu groß' });
    expect(text('de', failed)).toBe(
      'Der Beitrag „Sommerfest“ konnte bei Mastodon @treff nicht veröffentlicht werden: Bild zu groß',
    );
    expect(text('en', failed)).toBe('The post “Sommerfest” could not be published on Mastodon @treff: Bild zu groß');
  });

  it('words the reason by its kind in the reader’s language: the network’s text for a refusal, no names from the consent check', () => {
    const refused = note('publish_failed', {
      post: 'Sommerfest',
      channel: 'Mastodon @treff',
      kind: 'rejected',
      reason: 'Text is too long',
    });
    expect(text('de', refused)).toBe(
      'Der Beitrag „Sommerfest“ konnte bei Mastodon @treff nicht veröffentlicht werden: Das Netzwerk hat den Beitrag abgelehnt. Meldung des Netzwerks: „Text is too long“',
    );
    const consent = note('publish_failed', {
      post: 'Sommerfest',
      channel: 'Website',
      kind: 'consent',
      reason: 'consent: Jonas — consent expired on 2026-11-20',
    });
    expect(text('de', consent)).toBe(
      'Der Beitrag „Sommerfest“ konnte bei Website nicht veröffentlicht werden: Für eine gezeigte oder genannte Person fehlt eine gültige Einwilligung.',
    );
    expect(text('en', consent)).toBe(
      'The post “Sommerfest” could not be published on Website: A person shown or named has no valid consent.',
    );
  });

  it('ends the sentence without a colon when no reason came', () => {
    const failed = note('publish_failed', { post: 'Sommerfest', channel: 'Bluesky' });
    expect(text('de', failed)).toBe('Der Beitrag „Sommerfest“ konnte bei Bluesky nicht veröffentlicht werden.');
  });

  it('shows an ellipsis, never a raw placeholder, for a name the server left out', () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const language of ['de', 'en'] as const) {
        const sentence = text(language, note(type, {}));
        expect(sentence).not.toMatch(/\{\{|\}\}|undefined/);
        expect(sentence).toContain('…');
      }
    }
  });

  it('asks for approval in the reader’s language', () => {
    const review = note('review_requested', { author: 'Jonas Weber', post: 'Offene Werkstatt' });
    expect(text('de', review)).toBe('Jonas Weber bittet um Freigabe für „Offene Werkstatt“');
    expect(text('en', review)).toBe('Jonas Weber asks for approval of “Offene Werkstatt”');
    const reply = note('reply_review_requested', {
      author: 'Deniz Demir',
      comment: 'Warum ist der Treff samstags zu?',
      channel: 'Mastodon @treff',
    });
    expect(text('de', reply)).toBe(
      'Deniz Demir bittet um Freigabe einer Antwort auf „Warum ist der Treff samstags zu?“ (Mastodon @treff)',
    );
    expect(text('en', reply)).toBe(
      'Deniz Demir asks for approval of a reply to “Warum ist der Treff samstags zu?” (Mastodon @treff)',
    );
    expect(text('de', note('channel_needs_reconnect', { channel: 'Bluesky @treff' }))).toBe(
      'Bluesky @treff muss neu verbunden werden',
    );
  });
});
