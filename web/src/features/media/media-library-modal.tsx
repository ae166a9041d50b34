import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Media, MediaKind } from '@nahbar/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { displayName } from './media-files.ts';
import { MediaGrid } from './media-grid.tsx';
import { MediaKindFilter } from './media-kind-filter.tsx';
import { MediaPickCard } from './media-pick-card.tsx';
import { UploadDropZone } from './upload-drop-zone.tsx';
import { UploadList } from './upload-list.tsx';
import { useMediaList } from './use-media-list.ts';
import { useUploads } from './use-uploads.ts';

export type MediaLibraryModalProps = {
  orgId: string;
  opened: boolean;
  onClose(): void;
  /** Called with the chosen items in the order they were ticked; the modal closes itself afterwards. */
  onPick(items: Media[]): void;
  /** Only these kinds are shown and can be uploaded here; all kinds when left out. */
  kinds?: MediaKind[];
  max: number;
};

/** Pick from the library (checkbox cards, up to max) or upload right here; new uploads are ticked while there is room. */
export function MediaLibraryModal(props: MediaLibraryModalProps) {
  const { t } = useTranslation('media');
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="xl" title={t('picker.title')}>
      {/* Mounted only while open: every opening starts with nothing ticked. */}
      {props.opened && <LibraryPicker {...props} />}
    </Modal>
  );
}

function LibraryPicker({ orgId, onClose, onPick, kinds, max }: MediaLibraryModalProps) {
  const { t } = useTranslation(['media', 'common']);
  const { allowed } = useOrgAccess();
  const allowedKinds = kinds && kinds.length > 0 ? kinds : null;
  const [kind, setKind] = useState<MediaKind | null>(allowedKinds?.length === 1 ? allowedKinds[0]! : null);
  const [picked, setPicked] = useState<Media[]>([]);
  const { query, items } = useMediaList(orgId, kind);
  const fits = (media: Media) => !allowedKinds || allowedKinds.includes(media.kind);
  const shown = items.filter(fits);
  const isPicked = (media: Media) => picked.some((p) => p.id === media.id);

  const toggle = (media: Media) =>
    setPicked((current) => {
      if (current.some((p) => p.id === media.id)) return current.filter((p) => p.id !== media.id);
      // With room for one, a new choice replaces the old one instead of being refused.
      if (max === 1) return [media];
      return current.length < max ? [...current, media] : current;
    });
  const uploads = useUploads(orgId, (media) => {
    if (fits(media))
      setPicked((current) => (current.length < max || max === 1 ? [...current, media].slice(-max) : current));
  });
  const full = max > 1 && picked.length >= max;
  const nameOf = (media: Media) => displayName(media, t('unnamed'));

  return (
    <Stack>
      {allowed('media.upload') && (
        <Stack gap="xs">
          <UploadDropZone compact kinds={allowedKinds ?? undefined} onFiles={uploads.start} />
          <UploadList uploads={uploads.uploads} onDismiss={uploads.dismiss} onClearFinished={uploads.clearFinished} />
        </Stack>
      )}
      <MediaKindFilter value={kind} onChange={setKind} kinds={allowedKinds ?? undefined} />
      {query.isPending && <PageLoader />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <MediaGrid
          empty={shown.length === 0}
          emptyText={t('picker.empty')}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
          columns={{ base: 2, sm: 3, md: 4 }}
        >
          {shown.map((media) => (
            <MediaPickCard
              key={media.id}
              media={media}
              name={nameOf(media)}
              checked={isPicked(media)}
              disabled={full && !isPicked(media)}
              onToggle={() => toggle(media)}
            />
          ))}
        </MediaGrid>
      )}
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c={full ? undefined : 'dimmed'} fw={full ? 500 : undefined} aria-live="polite">
          {full ? t('picker.full', { max }) : t('picker.count', { count: picked.length, max })}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            disabled={picked.length === 0}
            onClick={() => {
              onPick(picked);
              onClose();
            }}
          >
            {t('picker.confirm', { count: picked.length })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
