import { Alert, Anchor, Center, Modal, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { Box, Media } from '@nahbar/common';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/routes.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { peopleApi, peopleKeys } from './people-api.ts';
import { TaggingCanvas } from './tagging-canvas.tsx';
import { TaggingFaces } from './tagging-faces.tsx';
import { TaggingFooter } from './tagging-footer.tsx';
import { TaggingPeopleList } from './tagging-people-list.tsx';
import { TaggingPersonPicker } from './tagging-person-picker.tsx';
import { useTaggingState } from './use-tagging-state.ts';

export type TaggingTarget = { media: Media; name: string };

type Props = {
  orgId: string;
  target: TaggingTarget | null;
  onClose: () => void;
  /** Hands face boxes over to the blur editor; absent where blurring is not allowed. */
  onBlur?: (target: TaggingTarget, boxes: Box[]) => void;
};

/** "Personen markieren": who this image shows, or why it needs no consent. */
export function TaggingDialog({ orgId, target, onClose, onBlur }: Props) {
  const { t } = useTranslation('people');
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size={1040}
      title={target ? t('tagging.title', { name: target.name }) : ''}
    >
      {/* Keyed by the image: reopening for another starts from that image's saved state. */}
      {target && (
        <TaggingLoader key={target.media.id} orgId={orgId} target={target} onClose={onClose} onBlur={onBlur} />
      )}
    </Modal>
  );
}

function TaggingLoader(props: Props & { target: TaggingTarget }) {
  const current = useQuery({
    queryKey: peopleKeys.mediaPeople(props.orgId, props.target.media.id),
    queryFn: () => peopleApi.mediaPeople(props.orgId, props.target.media.id),
  });
  if (current.isPending) return <PageLoader />;
  if (current.isError) return <QueryError error={current.error} onRetry={() => void current.refetch()} />;
  return <TaggingBody {...props} current={current.data} />;
}

function TaggingBody({
  orgId,
  target,
  onClose,
  onBlur,
  current,
}: Props & { target: TaggingTarget; current: Parameters<typeof useTaggingState>[2] }) {
  const { t } = useTranslation('people');
  const s = useTaggingState(orgId, target.media.id, current, onClose);
  const { draft } = s;

  return (
    <Stack>
      {current.status === 'blocked' && (
        <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title={t('tagging.blocked.title')}>
          {t('tagging.blocked.text')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Center>
            <TaggingCanvas
              src={target.media.url}
              alt={target.media.alt?.trim() || t('tagging.imageAlt', { name: target.name })}
              marks={s.marks}
              onDraw={s.drawing ? s.drawBox : null}
            />
          </Center>
          {s.drawing && (
            <Text size="sm" role="status">
              {t('tagging.people.drawHint', { name: s.drawingName })}
            </Text>
          )}
          {target.media.kind === 'image' && (
            <TaggingFaces
              orgId={orgId}
              mediaId={target.media.id}
              faces={s.faces}
              onFaces={s.setFaces}
              onAssign={s.assignFace}
              onBlur={onBlur ? (boxes) => onBlur(target, boxes) : undefined}
            />
          )}
        </Stack>
        <Stack gap="sm">
          <Radio.Group
            label={t('tagging.status.label')}
            value={draft.status}
            onChange={(value) => s.setStatus(value as 'tagged' | 'none' | 'kug23')}
            error={s.problem === 'status' ? t('tagging.validation.status') : undefined}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="tagged" label={t('tagging.status.tagged')} description={t('tagging.status.taggedHint')} />
              <Radio value="none" label={t('tagging.status.none')} description={t('tagging.status.noneHint')} />
              <Radio value="kug23" label={t('tagging.status.kug23')} description={t('tagging.status.kug23Hint')} />
            </Stack>
          </Radio.Group>
          {draft.status === 'tagged' && (
            <Stack gap="xs">
              <TaggingPersonPicker
                orgId={orgId}
                label={t('tagging.people.add')}
                exclude={draft.people.map((p) => p.personId)}
                onPick={s.addPerson}
              />
              <Text size="xs" c="dimmed">
                {t('tagging.people.notListed')}{' '}
                <Anchor component={Link} to={paths.people} target="_blank" size="xs">
                  {t('tagging.people.openRegister')}
                </Anchor>
              </Text>
              <TaggingPeopleList
                people={draft.people}
                drawing={s.drawing}
                onDraw={s.setDrawing}
                onClearBox={s.clearBox}
                onRemove={s.removePerson}
              />
              {s.problem === 'people' && (
                <Text size="sm" c="red.8" role="alert">
                  {t('tagging.validation.people')}
                </Text>
              )}
            </Stack>
          )}
          {draft.status === 'kug23' && (
            <Textarea
              label={t('tagging.reason.label')}
              description={t('tagging.reason.hint')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={draft.reason}
              onChange={(e) => s.setReason(e.currentTarget.value)}
              error={s.problem === 'reason' ? t('tagging.validation.reason') : undefined}
            />
          )}
        </Stack>
      </SimpleGrid>
      <TaggingFooter
        current={current}
        saving={s.save.isPending}
        error={s.save.error}
        onCancel={onClose}
        onSave={s.submit}
      />
    </Stack>
  );
}
