import type { ApprovalPolicy } from '@nahbar/common';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../locales/de/approvals.json';
import en from '../../locales/en/approvals.json';
import { toInput, toValues } from './policy-form.ts';
import { ruleTexts, stepChain, stepDetails } from './policy-text.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { de: { approvals: de }, en: { approvals: en } },
  lng: 'de',
  ns: ['approvals'],
  defaultNS: 'approvals',
  interpolation: { escapeValue: false },
});
const t = (language: 'de' | 'en') => i18n.getFixedT(language, 'approvals');
const channel = '00000000-0000-4000-8000-0000000000aa';
const names = (id: string) => (id === channel ? 'Ministerium (offiziell)' : undefined);

const policy: ApprovalPolicy = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Beiträge mit Minderjährigen',
  steps: [
    { name: 'Redaktion', roles: ['editor'], mode: 'any', deadlineHours: null },
    { name: 'Leitung', roles: ['approver', 'admin'], mode: 'all', deadlineHours: 1 },
    { name: 'Datenschutz', roles: ['privacy_officer', 'external'], mode: 'any', deadlineHours: 48 },
  ],
  rules: {
    always: false,
    peopleDepicted: false,
    minorsDepicted: true,
    tags: ['sensibel'],
    channelIds: [channel, '00000000-0000-4000-8000-0000000000bb'],
    contributorDefault: true,
  },
  minorEditsKeepApproval: false,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('policies in words', () => {
  it('names the steps in order and says who decides each, how many, and by when', () => {
    expect(stepChain(policy.steps)).toBe('Redaktion → Leitung → Datenschutz');
    expect(stepDetails(t('de'), policy.steps[0]!)).toBe('Redaktion · eine Person genügt');
    expect(stepDetails(t('de'), policy.steps[1]!)).toBe('Leitung, Admin · jede Rolle muss zustimmen · Frist 1 Stunde');
    expect(stepDetails(t('de'), policy.steps[2]!)).toBe(
      'Datenschutz, Externe Person per Link · eine Person genügt · Frist 48 Stunden',
    );
    expect(stepDetails(t('en'), policy.steps[2]!)).toBe(
      'Data protection, External person by link · one person is enough · deadline 48 hours',
    );
  });

  it('says when a policy applies, a deleted channel included', () => {
    expect(ruleTexts(t('de'), policy.rules, names)).toEqual([
      'wenn Minderjährige gezeigt werden',
      'bei Schlagwort „sensibel“',
      'für Kanal Ministerium (offiziell)',
      'für Kanal (gelöschter Kanal)',
      'Standard für Vorschläge von Mitwirkenden',
    ]);
    expect(ruleTexts(t('de'), { ...policy.rules, always: true, tags: [], channelIds: [] }, names)[0]).toBe('immer');
  });
});

describe('the dialog values', () => {
  it('round-trip a policy; an empty deadline is none, tags are trimmed, lower case and once', () => {
    const values = toValues(policy);
    expect(toInput(values)).toEqual({
      name: policy.name,
      steps: policy.steps,
      rules: policy.rules,
      minorEditsKeepApproval: false,
      active: true,
    });
    values.steps[1]!.deadlineHours = '';
    values.tags = [' Sensibel', 'sensibel', 'Kampagne '];
    const input = toInput(values);
    expect(input.steps[1]!.deadlineHours).toBeNull();
    expect(input.rules.tags).toEqual(['sensibel', 'kampagne']);
  });
});
