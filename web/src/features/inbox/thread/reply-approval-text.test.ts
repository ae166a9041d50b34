import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../../locales/de/inbox.json';
import deRoles from '../../../locales/de/roles.json';
import en from '../../../locales/en/inbox.json';
import { approverRolesText, replyDecisionText } from './reply-approval-text.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { de: { inbox: de }, en: { inbox: en } },
  lng: 'de',
  ns: ['inbox'],
  defaultNS: 'inbox',
  interpolation: { escapeValue: false },
});
const t = (language: 'de' | 'en') => i18n.getFixedT(language, 'inbox');
const at = '2026-03-10T12:00:00Z';
const roleLabel = (role: string) => deRoles[role as keyof typeof deRoles].label;

describe('reply approval text', () => {
  it('names the approving roles as one "or" list', () => {
    expect(approverRolesText(['approver'], roleLabel, 'de')).toBe('Leitung/Freigabe');
    expect(approverRolesText(['approver', 'admin'], roleLabel, 'de')).toBe('Leitung/Freigabe oder Admin');
    expect(approverRolesText(['approver', 'admin', 'owner'], roleLabel, 'de')).toBe(
      'Leitung/Freigabe, Admin oder Inhaber:in',
    );
    expect(approverRolesText(['a', 'b'], (r) => r, 'en')).toBe('a or b');
  });

  it('says nothing while nobody decided', () => {
    expect(replyDecisionText(t('de'), { decision: null })).toBeNull();
  });

  it('says who approved a sent reply', () => {
    const decision = { approved: true, byName: 'Lea Leitung', at, comment: null };
    expect(replyDecisionText(t('de'), { decision })).toBe('freigegeben von Lea Leitung');
    expect(replyDecisionText(t('en'), { decision })).toBe('approved by Lea Leitung');
  });

  it('says who rejected a reply and why, in German and English', () => {
    const decision = { approved: false, byName: 'Lea Leitung', at, comment: ' Bitte ohne Ironie antworten. ' };
    expect(replyDecisionText(t('de'), { decision })).toBe('Abgelehnt von Lea Leitung: „Bitte ohne Ironie antworten.“');
    expect(replyDecisionText(t('en'), { decision })).toBe('Rejected by Lea Leitung: “Bitte ohne Ironie antworten.”');
  });

  it('shows an ellipsis for a decider the server no longer names, and no empty quotes', () => {
    const decision = { approved: false, byName: null, at, comment: '  ' };
    expect(replyDecisionText(t('de'), { decision })).toBe('Abgelehnt von …');
  });
});
