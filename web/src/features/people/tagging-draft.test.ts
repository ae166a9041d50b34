import type { MediaPeople } from '@nahbar/common';
import { describe, expect, it } from 'vitest';
import { draftProblem, initialDraft, toRequest, withBox, withoutPerson, withPerson } from './tagging-draft.ts';

const mia = { personId: '00000000-0000-4000-8000-000000000001', displayName: 'Mia K.', ageGroup: 'child' as const };
const ben = { personId: '00000000-0000-4000-8000-000000000002', displayName: 'Ben', ageGroup: 'adult' as const };
const box = { x: 0.123456, y: 0.2, width: 0.3, height: 0.4 };

const current = (over: Partial<MediaPeople>): MediaPeople => ({
  mediaId: '00000000-0000-4000-8000-00000000000a',
  status: 'unreviewed',
  reason: null,
  people: [],
  reviewedByName: null,
  reviewedAt: null,
  ...over,
});

describe('tagging draft', () => {
  it('asks for a choice on an unreviewed image, never assumes "nobody"', () => {
    const draft = initialDraft(current({}));
    expect(draft.status).toBeNull();
    expect(draftProblem(draft)).toBe('status');
  });

  it('a blocked image keeps the remaining people but needs a fresh decision', () => {
    const draft = initialDraft(current({ status: 'blocked', people: [{ ...mia, box: null }] }));
    expect(draft.status).toBe('tagged');
    expect(draft.people).toHaveLength(1);
  });

  it('tagging a person picks "tagged"; a face box assigned later updates the same person', () => {
    let draft = withPerson(initialDraft(undefined), mia, null);
    expect(draft.status).toBe('tagged');
    draft = withPerson(draft, mia, box);
    expect(draft.people).toEqual([{ ...mia, box }]);
    expect(toRequest(draft).people).toEqual([{ personId: mia.personId, box: { ...box, x: 0.1235 } }]);
  });

  it('"tagged" without people and § 23 without a reason cannot be saved', () => {
    const empty = withoutPerson(withPerson(initialDraft(undefined), ben, null), ben.personId);
    expect(draftProblem(empty)).toBe('people');
    expect(draftProblem({ ...empty, status: 'kug23', reason: '  x ' })).toBe('reason');
    expect(draftProblem({ ...empty, status: 'kug23', reason: 'Menschenmenge beim Stadtfest' })).toBeNull();
  });

  it('sends people only with "tagged" and a reason only with § 23 KUG', () => {
    const draft = withBox(withPerson(initialDraft(undefined), ben, null), ben.personId, null);
    expect(toRequest({ ...draft, status: 'none', reason: 'egal' })).toEqual({
      status: 'none',
      reason: null,
      people: [],
    });
    expect(toRequest({ ...draft, status: 'kug23', reason: ' Beiwerk ' })).toEqual({
      status: 'kug23',
      reason: 'Beiwerk',
      people: [],
    });
  });
});
