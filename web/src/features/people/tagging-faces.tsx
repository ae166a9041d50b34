import { Alert, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { Box, Person } from '@nahbar/common';
import { IconBlur, IconFaceId, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { peopleApi } from './people-api.ts';
import { TaggingPersonPicker } from './tagging-person-picker.tsx';

export type FaceProposal = { id: number; box: Box };

type Props = {
  orgId: string;
  mediaId: string;
  /** null: not asked yet. */
  faces: FaceProposal[] | null;
  onFaces: (faces: FaceProposal[] | null) => void;
  onAssign: (face: FaceProposal, person: Person) => void;
  /** Opens the blur editor with these areas; absent where blurring is not allowed. */
  onBlur?: (boxes: Box[]) => void;
};

/** A server without a detector answers 404 or 501: say so instead of showing an error. */
const unavailable = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 501);

/**
 * "Gesichter vorschlagen": boxes from the offline detector, each to tag as a person or to blur.
 * The hint that a proposal decides nothing is always visible, before and after asking.
 */
export function TaggingFaces({ orgId, mediaId, faces, onFaces, onAssign, onBlur }: Props) {
  const { t } = useTranslation('people');
  const detect = useMutation({
    mutationFn: () => peopleApi.faces(orgId, mediaId),
    onSuccess: (result) =>
      onFaces(result.faces.map(({ x, y, width, height }, i) => ({ id: i + 1, box: { x, y, width, height } }))),
  });
  const dismiss = (id: number) => onFaces((faces ?? []).filter((f) => f.id !== id));

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600} size="sm" component="h3" m={0}>
          {t('tagging.faces.title')}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFaceId size={16} aria-hidden />}
          loading={detect.isPending}
          onClick={() => detect.mutate()}
        >
          {t('tagging.faces.propose')}
        </Button>
      </Group>
      <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
        <Text size="sm">{t('tagging.faces.disclaimer')}</Text>
      </Alert>
      {detect.isError &&
        (unavailable(detect.error) ? (
          <Text size="sm" c="dimmed" role="status">
            {t('tagging.faces.unavailable')}
          </Text>
        ) : (
          <FormAlert message={detect.error.message} />
        ))}
      {faces !== null && faces.length === 0 && !detect.isPending && (
        <Text size="sm" role="status">
          {detect.isSuccess && detect.data.faces.length === 0
            ? t('tagging.faces.noneFound')
            : t('tagging.faces.allDone')}
        </Text>
      )}
      {faces !== null && faces.length > 0 && (
        <Text size="sm" role="status">
          {t('tagging.faces.found', { count: faces.length })}
        </Text>
      )}
      {faces !== null && faces.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {faces.map((face) => (
            <Stack key={face.id} component="li" gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t('tagging.faces.proposal', { number: face.id })}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('tagging.faces.dismiss', { number: face.id })}
                  onClick={() => dismiss(face.id)}
                />
              </Group>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <div style={{ flex: '1 1 180px' }}>
                  <TaggingPersonPicker
                    orgId={orgId}
                    size="xs"
                    label={t('tagging.faces.assign', { number: face.id })}
                    onPick={(person) => onAssign(face, person)}
                  />
                </div>
                {onBlur && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconBlur size={14} aria-hidden />}
                    onClick={() => onBlur([face.box])}
                    aria-label={t('tagging.faces.blurOne', { number: face.id })}
                  >
                    {t('tagging.faces.blur')}
                  </Button>
                )}
              </Group>
            </Stack>
          ))}
          {onBlur && faces.length > 1 && (
            <li>
              <Button size="xs" variant="subtle" onClick={() => onBlur(faces.map((f) => f.box))}>
                {t('tagging.faces.blurAll')}
              </Button>
            </li>
          )}
        </Stack>
      )}
    </Stack>
  );
}
