import { Group, Stack } from '@mantine/core';
import type { Media, MediaKind } from '@nahbar/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoPermission } from '../../components/no-permission.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TaggingDialog } from '../people/tagging-dialog.tsx';
import { useOrgAccess } from '../settings/use-org-access.ts';
import { BlurEditor } from './blur-editor.tsx';
import type { BlurRect } from './blur-rects.ts';
import { DeleteMediaModal } from './delete-media-modal.tsx';
import { MediaCard } from './media-card.tsx';
import { displayName } from './media-files.ts';
import { MediaGrid } from './media-grid.tsx';
import { MediaKindFilter } from './media-kind-filter.tsx';
import { UploadDropZone } from './upload-drop-zone.tsx';
import { UploadList } from './upload-list.tsx';
import { useMediaList } from './use-media-list.ts';
import { useUploads } from './use-uploads.ts';

type Target = { media: Media; name: string };
type BlurTarget = Target & { rects?: BlurRect[] };

/** /medien: upload, describe, blur and clean up the organisation's images, videos and captions. */
export function MediaPage() {
  const { t } = useTranslation('media');
  const { org, allowed } = useOrgAccess();
  const orgId = org?.id ?? '';
  const readable = Boolean(org) && allowed('posts.read');
  const [kind, setKind] = useState<MediaKind | null>(null);
  const [blurTarget, setBlurTarget] = useState<BlurTarget | null>(null);
  const [tagTarget, setTagTarget] = useState<Target | null>(null);
  const [deleteTarget, setDeleteTarget] = useState<Target | null>(null);
  const { query, items } = useMediaList(orgId, kind, readable);
  const uploads = useUploads(orgId);
  if (!org || !readable) return <NoPermission />;

  const canUpload = allowed('media.upload');
  // The server lets the uploader delete their own files too; it answers for everyone else.
  const can = { edit: canUpload, remove: canUpload || allowed('posts.publish'), tag: allowed('media.tag') };
  const nameOf = (media: Media) => displayName(media, t('unnamed'));

  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={t('description')} />
      {canUpload && (
        <Stack gap="sm">
          <UploadDropZone onFiles={uploads.start} />
          <UploadList uploads={uploads.uploads} onDismiss={uploads.dismiss} onClearFinished={uploads.clearFinished} />
        </Stack>
      )}
      <Group justify="space-between">
        <MediaKindFilter value={kind} onChange={setKind} />
      </Group>
      {query.isPending && <PageLoader />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <MediaGrid
          empty={items.length === 0}
          emptyText={kind ? t('emptyKind') : t('empty')}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        >
          {items.map((media) => (
            <MediaCard
              key={media.id}
              orgId={orgId}
              media={media}
              name={nameOf(media)}
              can={can}
              onBlur={(m) => setBlurTarget({ media: m, name: nameOf(m) })}
              onTag={(m) => setTagTarget({ media: m, name: nameOf(m) })}
              onDelete={(m) => setDeleteTarget({ media: m, name: nameOf(m) })}
            />
          ))}
        </MediaGrid>
      )}
      <BlurEditor orgId={orgId} target={blurTarget} onClose={() => setBlurTarget(null)} />
      <TaggingDialog
        orgId={orgId}
        target={tagTarget}
        onClose={() => setTagTarget(null)}
        // Face proposals go to the blur editor as its starting areas; the blurred copy is a new image.
        onBlur={
          canUpload
            ? (target, rects) => {
                setTagTarget(null);
                setBlurTarget({ ...target, rects });
              }
            : undefined
        }
      />
      <DeleteMediaModal orgId={orgId} target={deleteTarget} onClose={() => setDeleteTarget(null)} />
    </Stack>
  );
}
