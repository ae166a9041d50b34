import type { Review } from '@nahbar/common';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../../locales/de/posts.json';
import en from '../../locales/en/posts.json';
import { policyReasons, policySentence } from './review-policy-text.ts';
import { planAction, stepViews } from './review-steps.ts';
import { type TimelineItem, timelineSentence } from './review-timeline-text.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { de: { posts: de }, en: { posts: en } },
  lng: 'de',
  ns: ['posts'],
  defaultNS: 'posts',
  interpolation: { escapeValue: false },
});
const t = (language: 'de' | 'en') => i18n.getFixedT(language, 'posts');
const steps = [
  { name: 'Redaktion', roles: ['editor' as const], mode: 'any' as const, deadlineHours: null },
  { name: 'Leitung', roles: ['approver' as const, 'admin' as const], mode: 'all' as const, deadlineHours: 24 },
  { name: 'Datenschutz', roles: ['privacy_officer' as const], mode: 'any' as const, deadlineHours: null },
];

describe('policySentence', () => {
  it('names the steps and why, in German and English', () => {
    expect(policySentence(t('de'), steps, ['minorsDepicted'], 'de-DE')).toBe(
      'Dieser Beitrag braucht eine Freigabe: Redaktion → Leitung → Datenschutz, weil Minderjährige gezeigt werden.',
    );
    expect(policySentence(t('en'), steps, ['minorsDepicted', 'tag:sensibel'], 'en-GB')).toBe(
      'This post needs approval: Redaktion → Leitung → Datenschutz, because it shows minors and it carries the tag “sensibel”.',
    );
  });

  it('joins several reasons and reads the built-in fallback as the contributors’ rule', () => {
    expect(policySentence(t('de'), steps.slice(0, 1), ['peopleDepicted', 'channel', 'fallback'], 'de-DE')).toBe(
      'Dieser Beitrag braucht eine Freigabe: Redaktion, weil Personen gezeigt werden, er auf einem Kanal mit Freigabepflicht erscheint und Vorschläge von Beitragenden immer freigegeben werden.',
    );
    expect(policyReasons(['fallback', 'contributorDefault', 'something-new'])).toEqual([
      { key: 'contributorDefault' },
      { key: 'other' },
    ]);
  });

  it('says it without a reason when none matched by name', () => {
    expect(policySentence(t('de'), steps.slice(0, 2), [], 'de-DE')).toBe(
      'Dieser Beitrag braucht eine Freigabe: Redaktion → Leitung.',
    );
  });
});

const decision = (step: number, role: 'editor' | 'approver' | 'admin', userId: string) => ({
  id: `00000000-0000-4000-8000-00000000000${userId}`,
  step,
  userId,
  name: `Person ${userId}`,
  role,
  decision: 'approve' as const,
  comment: null,
  version: 3,
  at: '2026-05-04T08:00:00.000Z',
});

describe('stepViews', () => {
  const review = (over: Partial<Review>) =>
    ({ steps, status: 'in_review', currentStep: 1, decisions: [], ...over }) as Pick<
      Review,
      'steps' | 'status' | 'currentStep' | 'decisions'
    >;

  it('marks steps done, current and waiting, and counts an all-step’s roles', () => {
    const views = stepViews(review({ decisions: [decision(0, 'editor', '1'), decision(1, 'approver', '2')] }));
    expect(views.map((v) => v.state)).toEqual(['done', 'current', 'waiting']);
    expect(views[0]?.approvals.map((a) => a.name)).toEqual(['Person 1']);
    expect(views[1]).toMatchObject({ covered: 1, total: 2, mode: 'all' });
  });

  it('shows where a review was sent back, and everything done once approved', () => {
    expect(stepViews(review({ status: 'changes_requested' })).map((v) => v.state)).toEqual([
      'done',
      'stopped',
      'waiting',
    ]);
    expect(stepViews(review({ status: 'approved', currentStep: 3 })).map((v) => v.state)).toEqual([
      'done',
      'done',
      'done',
    ]);
  });
});

describe('planAction', () => {
  it('contributors always submit', () => {
    expect(planAction({ canPublish: false, needsPolicy: false, review: null, version: 2 })).toBe('submit');
  });
  it('editors plan when no policy applies, submit when one does', () => {
    expect(planAction({ canPublish: true, needsPolicy: false, review: null, version: 2 })).toBe('plan');
    expect(planAction({ canPublish: true, needsPolicy: true, review: null, version: 2 })).toBe('submit');
  });
  it('plans only what was approved: exactly the version on screen', () => {
    const approved = { status: 'approved' as const, approvedVersion: 4 };
    expect(planAction({ canPublish: true, needsPolicy: true, review: approved, version: 4 })).toBe('plan');
    expect(planAction({ canPublish: true, needsPolicy: true, review: approved, version: 5 })).toBe('submit');
    expect(
      planAction({
        canPublish: true,
        needsPolicy: true,
        review: { status: 'in_review', approvedVersion: null },
        version: 4,
      }),
    ).toBe('submit');
  });
});

describe('timelineSentence', () => {
  const item = (over: Partial<TimelineItem>): TimelineItem => ({
    at: '2026-05-04T08:00:00.000Z',
    action: 'post.created',
    actorName: 'Jana Brehm',
    channelName: null,
    details: {},
    ...over,
  });

  it('reads events as German sentences, with channel and step where known', () => {
    expect(timelineSentence(t('de'), item({}))).toBe('Jana Brehm hat den Beitrag angelegt.');
    expect(timelineSentence(t('de'), item({ action: 'review.submitted' }))).toBe(
      'Jana Brehm hat den Beitrag zur Freigabe eingereicht.',
    );
    expect(timelineSentence(t('de'), item({ action: 'review.approved', details: { stepName: 'Leitung' } }))).toBe(
      'Jana Brehm hat den Schritt „Leitung“ freigegeben.',
    );
    expect(timelineSentence(t('de'), item({ action: 'post.published', actorName: null, channelName: 'Website' }))).toBe(
      'Auf „Website“ veröffentlicht.',
    );
    expect(timelineSentence(t('de'), item({ action: 'post.taken_down', channelName: 'Bluesky' }))).toBe(
      'Von „Bluesky“ entfernt.',
    );
  });

  it('names the system when nobody acted, and still says something for unknown events', () => {
    expect(timelineSentence(t('de'), item({ action: 'review.completed', actorName: null }))).toBe(
      'nahbar hat freigegeben; damit ist der Beitrag freigegeben.',
    );
    expect(
      timelineSentence(
        t('de'),
        item({ action: 'review.completed', actorName: 'Dana D.', details: { step: 2, stepName: 'Datenschutz' } }),
      ),
    ).toBe('Dana D. hat den letzten Schritt „Datenschutz“ freigegeben; damit ist der Beitrag freigegeben.');
    expect(timelineSentence(t('de'), item({ action: 'post.something_new', actorName: null }))).toBe(
      'nahbar: post.something_new',
    );
    expect(timelineSentence(t('en'), item({ action: 'review.rejected' }))).toBe('Jana Brehm rejected the post.');
  });
});
