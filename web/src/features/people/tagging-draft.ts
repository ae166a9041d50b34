import type { Box, MediaPeople, SetMediaPeopleInput } from '@nahbar/common';
import { forRequest } from '../media/blur-rects.ts';

// What the tagging dialog edits before it saves: the status the person picked, the § 23 reason
// and who is shown (each with an optional box). Pure, so the rules are tested without a browser.

export type AgeGroup = 'child' | 'youth' | 'adult';
export type TaggedPerson = { personId: string; displayName: string; ageGroup: AgeGroup; box: Box | null };
export type TaggingStatus = 'tagged' | 'none' | 'kug23';
export type TaggingDraft = { status: TaggingStatus | null; reason: string; people: TaggedPerson[] };

/** "Unreviewed" and "blocked" are no choice to save: the person has to pick one anew. */
export function initialDraft(current: MediaPeople | undefined): TaggingDraft {
  if (!current) return { status: null, reason: '', people: [] };
  const status = current.status === 'unreviewed' || current.status === 'blocked' ? null : current.status;
  return {
    status: status ?? (current.people.length > 0 ? 'tagged' : null),
    reason: current.reason ?? '',
    people: current.people.map((p) => ({ ...p })),
  };
}

/** Adds the person, or gives a person already tagged the new box. */
export function withPerson(draft: TaggingDraft, person: Omit<TaggedPerson, 'box'>, box: Box | null): TaggingDraft {
  const exists = draft.people.some((p) => p.personId === person.personId);
  const people = exists
    ? draft.people.map((p) => (p.personId === person.personId ? { ...p, box: box ?? p.box } : p))
    : [...draft.people, { ...person, box }];
  return { ...draft, status: 'tagged', people };
}

export function withBox(draft: TaggingDraft, personId: string, box: Box | null): TaggingDraft {
  return { ...draft, people: draft.people.map((p) => (p.personId === personId ? { ...p, box } : p)) };
}

export function withoutPerson(draft: TaggingDraft, personId: string): TaggingDraft {
  return { ...draft, people: draft.people.filter((p) => p.personId !== personId) };
}

export const MIN_REASON = 3;

/** The first thing still missing, as a key under tagging.validation; null when it can be saved. */
export function draftProblem(draft: TaggingDraft): 'status' | 'people' | 'reason' | null {
  if (draft.status === null) return 'status';
  if (draft.status === 'tagged' && draft.people.length === 0) return 'people';
  if (draft.status === 'kug23' && draft.reason.trim().length < MIN_REASON) return 'reason';
  return null;
}

/** The request body; people only with "tagged", a reason only with § 23 KUG. */
export function toRequest(draft: TaggingDraft): SetMediaPeopleInput {
  const status = draft.status ?? 'none';
  return {
    status,
    reason: status === 'kug23' ? draft.reason.trim() : null,
    people:
      status === 'tagged'
        ? draft.people.map((p) => ({ personId: p.personId, box: p.box ? forRequest([p.box])[0]! : null }))
        : [],
  };
}
