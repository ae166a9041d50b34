import { useDebouncedValue } from '@mantine/hooks';
import type { Channel } from '@nahbar/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type ConsentCheckInput, peopleApi, peopleKeys } from '../people/people-api.ts';
import type { ComposerDraft } from './composer-draft.ts';
import { toWhen } from './composer-when.ts';
import { namedInText, scanDraft } from './pii-findings.ts';
import type { WhenValue } from './when-picker.tsx';

/** Wait this long after the last change before asking the server about consent. */
const DEBOUNCE_MS = 400;

type Args = {
  orgId: string;
  timeZone: string;
  draft: ComposerDraft;
  chosen: Channel[];
  when: WhenValue;
  postId: string | null;
};

/** Everything the composer's "Personen & Datenschutz" panel shows, live. */
export function useComposerPrivacy({ orgId, timeZone, draft, chosen, when, postId }: Args) {
  const queryClient = useQueryClient();
  const context = useQuery({
    queryKey: peopleKeys.piiContext(orgId),
    queryFn: () => peopleApi.piiContext(orgId),
    staleTime: 60_000,
  });
  const options = useMemo(
    () => ({
      names: context.data?.names ?? [],
      sensitiveWords: context.data?.sensitiveWords ?? [],
      blocking: context.data?.piiBlocking ?? [],
    }),
    [context.data],
  );
  const scanned = useMemo(() => scanDraft(draft, chosen, options), [draft, chosen, options]);

  const named = useQuery({
    queryKey: peopleKeys.postPeople(orgId, postId ?? ''),
    queryFn: () => peopleApi.postPeople(orgId, postId ?? ''),
    enabled: postId !== null,
  });
  const namedIds = named.data?.named.map((p) => p.id) ?? [];
  const setNamed = useMutation({
    mutationFn: (ids: string[]) => peopleApi.setPostPeople(orgId, postId ?? '', ids),
    onSuccess: (saved) => queryClient.setQueryData(peopleKeys.postPeople(orgId, postId ?? ''), saved),
  });

  const input: ConsentCheckInput | null =
    chosen.length === 0 || (draft.media.length === 0 && namedIds.length === 0)
      ? null
      : {
          mediaIds: draft.media.map((m) => m.mediaId),
          namedPersonIds: namedIds,
          channelIds: chosen.map((c) => c.id),
          at: plannedAt(when, timeZone),
        };
  // Compared as text: a new object with the same content must not restart the wait.
  const [key] = useDebouncedValue(input ? JSON.stringify(input) : null, DEBOUNCE_MS);
  const check = useQuery({
    queryKey: ['org', orgId, 'consent-check', key],
    queryFn: () => peopleApi.consentCheck(orgId, JSON.parse(key ?? '{}') as ConsentCheckInput),
    enabled: key !== null && input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

  return {
    scanned,
    // The display name comes first for each person, before the guardians' names.
    namesById: new Map(options.names.toReversed().map((n) => [n.personId, n.name])),
    foundPersonIds: namedInText(scanned),
    namedIds,
    mark: (personId: string) => setNamed.mutateAsync([...new Set([...namedIds, personId])]),
    unmark: (personId: string) => setNamed.mutateAsync(namedIds.filter((id) => id !== personId)),
    saving: setNamed.isPending,
    needsCheck: input !== null,
    check,
    at: input?.at ?? null,
  };
}

/** The moment to check: the chosen time, or now for "Jetzt", the queue and drafts. */
function plannedAt(when: WhenValue, timeZone: string): string | null {
  if (when.mode !== 'at') return null;
  try {
    const target = toWhen(when, timeZone);
    return target.mode === 'at' ? target.at : null;
  } catch {
    return null;
  }
}
