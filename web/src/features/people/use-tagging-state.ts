import { notifications } from '@mantine/notifications';
import type { Box, MediaPeople, Person } from '@nahbar/common';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaKeys } from '../media/media-api.ts';
import { peopleApi, peopleKeys } from './people-api.ts';
import type { CanvasMark } from './tagging-canvas.tsx';
import {
  draftProblem,
  initialDraft,
  type TaggingStatus,
  toRequest,
  withBox,
  withoutPerson,
  withPerson,
} from './tagging-draft.ts';
import type { FaceProposal } from './tagging-faces.tsx';

const asTagged = (p: Person) => ({ personId: p.id, displayName: p.displayName, ageGroup: p.ageGroup });

/** The tagging dialog's state: the draft, face proposals, the frame being drawn, and saving. */
export function useTaggingState(orgId: string, mediaId: string, current: MediaPeople, onClose: () => void) {
  const { t } = useTranslation('people');
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => initialDraft(current));
  const [faces, setFaces] = useState<FaceProposal[] | null>(null);
  const [drawing, setDrawing] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);

  const save = useMutation({
    mutationFn: () => peopleApi.setMediaPeople(orgId, mediaId, toRequest(draft)),
    onSuccess: (saved) => {
      queryClient.setQueryData(peopleKeys.mediaPeople(orgId, mediaId), saved);
      // The dashboard counts unreviewed images; a person's page lists their pictures.
      void queryClient.invalidateQueries({ queryKey: peopleKeys.dashboard(orgId) });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all(orgId) });
      // The library's cards carry the status in the list.
      void queryClient.invalidateQueries({ queryKey: mediaKeys.all(orgId) });
      notifications.show({ color: 'petrol', message: t('tagging.saved') });
      onClose();
    },
  });

  const problem = attempted ? draftProblem(draft) : null;
  const marks: CanvasMark[] = [
    ...draft.people.flatMap((p) =>
      p.box ? [{ key: p.personId, rect: p.box, label: p.displayName, kind: 'person' as const }] : [],
    ),
    ...(faces ?? []).map((f) => ({
      key: `face-${f.id}`,
      rect: f.box,
      label: t('tagging.faces.proposal', { number: f.id }),
      kind: 'proposal' as const,
    })),
  ];

  return {
    draft,
    faces,
    drawing,
    drawingName: draft.people.find((p) => p.personId === drawing)?.displayName ?? '',
    marks,
    problem,
    save,
    setFaces,
    setDrawing,
    setStatus: (status: TaggingStatus) => {
      setDrawing(null);
      setDraft((d) => ({ ...d, status }));
    },
    setReason: (reason: string) => setDraft((d) => ({ ...d, reason })),
    addPerson: (person: Person) => setDraft((d) => withPerson(d, asTagged(person), null)),
    removePerson: (personId: string) => {
      if (drawing === personId) setDrawing(null);
      setDraft((d) => withoutPerson(d, personId));
    },
    clearBox: (personId: string) => setDraft((d) => withBox(d, personId, null)),
    drawBox: (box: Box) => {
      if (drawing) setDraft((d) => withBox(d, drawing, box));
      setDrawing(null);
    },
    /** A proposal given a name becomes that person's frame and leaves the proposal list. */
    assignFace: (face: FaceProposal, person: Person) => {
      setDraft((d) => withPerson(d, asTagged(person), face.box));
      setFaces((list) => (list ?? []).filter((f) => f.id !== face.id));
    },
    submit: () => {
      setAttempted(true);
      if (draftProblem(draft) === null) save.mutate();
    },
  };
}
